/** Records the same event for many sites, one after another; refusals are collected, not thrown. */
import type { FilingEvent } from '../../../../core/filing/events'
import type { FilingEventInput } from '../../../../core/filing/record'
import { request } from '../../api'
import { useWorkspaceStore } from '../workspace/store'

export type BulkOutcome = { recorded: number; refused: { siteId: string; message: string }[] }

export async function recordForSites(
  siteIds: readonly string[],
  event: Omit<FilingEventInput, 'ownerKind' | 'ownerId'>,
): Promise<BulkOutcome> {
  const refused: BulkOutcome['refused'] = []
  let recorded = 0
  let latest: FilingEvent[] | null = null
  for (const siteId of siteIds) {
    const result = await request('filing:record', { ...event, ownerKind: 'site', ownerId: siteId })
    if (result.ok) {
      recorded++
      latest = result.value.filingEvents
    } else refused.push({ siteId, message: result.error.message })
  }
  if (latest) {
    const events = latest
    useWorkspaceStore.setState((s) =>
      s.workspace ? { workspace: { ...s.workspace, filingEvents: events } } : {},
    )
  }
  return { recorded, refused }
}
