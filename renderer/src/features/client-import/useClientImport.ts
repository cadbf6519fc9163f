/** The wizard's state: the file read in main, the column mapping, the preview and the result. */
import { useState } from 'react'
import type { ClientImportFile, ClientImportPreview, ClientImportSummary } from '../../../../core/api'
import type { ColumnMapping, ImportField } from '../../../../core/client-import/fields'
import { call } from '../../api'
import { loadWorkspace } from '../workspace/store'

export type WizardStep = 0 | 1 | 2 | 3

export function useClientImport() {
  const [step, setStep] = useState<WizardStep>(0)
  const [file, setFile] = useState<ClientImportFile | null>(null)
  const [mapping, setMapping] = useState<ColumnMapping | null>(null)
  const [preview, setPreview] = useState<ClientImportPreview | null>(null)
  const [confirmed, setConfirmed] = useState<string[]>([])
  const [summary, setSummary] = useState<ClientImportSummary | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    setBusy(true)
    try {
      return await work()
    } finally {
      setBusy(false)
    }
  }

  return {
    step,
    file,
    mapping,
    preview,
    confirmed,
    summary,
    busy,
    setStep,
    setConfirmed,
    setColumn: (field: ImportField, column: number) => setMapping((m) => (m ? { ...m, [field]: column } : m)),
    open: () =>
      run(async () => {
        const read = await call('clientImport:open')
        if (!read) return
        setFile(read)
        setMapping(read.mapping)
        setPreview(null)
        setStep(1)
      }),
    showPreview: () =>
      run(async () => {
        if (!file || !mapping) return
        const next = await call('clientImport:preview', { token: file.token, mapping })
        if (!next) return
        setPreview(next)
        setConfirmed([])
        setStep(2)
      }),
    commit: () =>
      run(async () => {
        if (!file || !mapping) return
        const done = await call('clientImport:commit', {
          token: file.token,
          mapping,
          confirmedSubjectIds: confirmed,
        })
        if (!done) return
        setSummary(done)
        setStep(3)
        await loadWorkspace()
      }),
  }
}

export type ClientImportState = ReturnType<typeof useClientImport>
