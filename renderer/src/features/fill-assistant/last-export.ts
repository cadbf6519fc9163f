/**
 * The last packet exported for each site in this window, so the 填报助手 can show where every
 * file went (and reveal it) after the export panel reported it.
 */
import { useSyncExternalStore } from 'react'
import type { ExportSummary } from '../../../../core/api'

const bySite = new Map<string, ExportSummary>()
const listeners = new Set<() => void>()

export function rememberExport(siteId: string, summary: ExportSummary): void {
  bySite.set(siteId, summary)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function useLastExport(siteId: string): ExportSummary | undefined {
  return useSyncExternalStore(subscribe, () => bySite.get(siteId))
}

/** Test helper: forget every export. */
export function forgetExports(): void {
  bySite.clear()
  for (const listener of listeners) listener()
}
