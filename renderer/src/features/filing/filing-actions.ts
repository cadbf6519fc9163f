/** Recording and undoing filing events from the renderer; the store takes main's event list. */
import type { FilingChange } from '../../../../core/api'
import type { OwnerRef } from '../../../../core/filing/history'
import type { FilingEventInput } from '../../../../core/filing/record'
import { call } from '../../api'
import { useWorkspaceStore } from '../workspace/store'

function apply(change: FilingChange | undefined): FilingChange | undefined {
  if (!change) return undefined
  useWorkspaceStore.setState((s) =>
    s.workspace ? { workspace: { ...s.workspace, filingEvents: change.filingEvents } } : {},
  )
  return change
}

/** Main re-checks the event; a refusal is shown by api.ts and answers undefined. */
export async function recordFilingEvent(input: FilingEventInput): Promise<FilingChange | undefined> {
  return apply(await call('filing:record', input))
}

export async function undoFilingEvent(owner: OwnerRef): Promise<FilingChange | undefined> {
  return apply(await call('filing:undo', owner))
}
