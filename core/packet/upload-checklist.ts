/**
 * The materials to upload at each page of the portal, for the 填报助手: every slot the site
 * requires, under the portal page where it is uploaded (uploadStepOf), with its readiness and,
 * once a packet has been exported, where its file is.
 */
import type { ExportSummary } from '../api'
import type { SlotKey } from '../model'
import { uploadStepOf, type PortalStepKey } from './portal-fields'
import type { MaterialReadiness, SlotState } from './readiness'

export type UploadItem = {
  slot: SlotKey
  label: string
  state: SlotState
  /** Path inside the packet (`1_开办主体/01_身份证正面.jpg`), once exported. */
  file?: string
  /**
   * Where the file is on disk: the full path in a folder export, the zip's path for a zip
   * export (the file is inside it).
   */
  location?: string
}

/** The path separator the exported target uses: `\` for a Windows path (drive or UNC), else `/`. */
function separatorOf(path: string): string {
  const windows =
    /^[A-Za-z]:\\/.test(path) || path.startsWith('\\\\') || (path.includes('\\') && !path.includes('/'))
  return windows ? '\\' : '/'
}

/** `file` (a `/`-separated path inside the packet) on disk under a folder export's target. */
export function exportedPath(summary: Pick<ExportSummary, 'target' | 'format'>, file: string): string {
  if (summary.format === 'zip') return summary.target
  const sep = separatorOf(summary.target)
  const base = summary.target.endsWith(sep) ? summary.target.slice(0, -1) : summary.target
  return [base, ...file.split('/')].join(sep)
}

/** The items of each portal page (pages without uploads get an empty list). */
export function uploadChecklist(
  readiness: MaterialReadiness,
  exported?: ExportSummary,
): Record<PortalStepKey, UploadItem[]> {
  const out: Record<PortalStepKey, UploadItem[]> = { subject: [], principal: [], site: [], 'site-people': [] }
  for (const { slot, state } of readiness.slots) {
    const file = exported?.files.find((f) => f.slot === slot.key)?.file
    out[uploadStepOf(slot.key)].push({
      slot: slot.key,
      label: slot.label,
      state,
      ...(file ? { file, location: exportedPath(exported, file) } : {}),
    })
  }
  return out
}
