import { useEffect, useRef } from 'react'
import { registerDirtyCheck } from '../workspace/store'

/** Comparable form state: the record without its timestamps. */
export function snapshot(record: { createdAt: string; updatedAt: string }): string {
  return JSON.stringify({ ...record, createdAt: '', updatedAt: '' })
}

/**
 * Registers "this form has unsaved edits" for navigation. The baseline is the first state the
 * form shows and is moved by `markSaved` after a successful save.
 */
export function useDirtyGuard(current: string, touched: () => boolean): { markSaved: () => void } {
  const baseline = useRef<string | null>(null)
  const latest = useRef(current)
  useEffect(() => {
    latest.current = current
    if (baseline.current === null) baseline.current = current
  }, [current])
  useEffect(() => registerDirtyCheck(() => touched() && latest.current !== baseline.current), [touched])
  return {
    /** What the user sees now is what was saved. */
    markSaved: () => {
      baseline.current = latest.current
    },
  }
}
