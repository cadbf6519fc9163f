import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArchiveOperation, ArchiveStep } from '../../../../core/archive-progress'
import { onEvent } from '../../api'

const newProgressId = (operation: ArchiveOperation): string =>
  `archive-${operation}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

/**
 * The `archive:progress` of the one export or import this panel started: `begin` gives the id
 * to send with the request, `end` forgets it (a late event of a finished run is ignored).
 */
export function useArchiveProgress(operation: ArchiveOperation) {
  const [step, setStep] = useState<ArchiveStep | null>(null)
  const current = useRef<string | null>(null)
  useEffect(
    () =>
      onEvent('archive:progress', (p) => {
        if (p.progressId === current.current) setStep({ phase: p.phase, done: p.done, total: p.total })
      }),
    [],
  )
  const begin = useCallback(() => {
    current.current = newProgressId(operation)
    setStep(null)
    return current.current
  }, [operation])
  const end = useCallback(() => {
    current.current = null
    setStep(null)
  }, [])
  return { step, begin, end }
}
