/**
 * The packet as data: which files, in portal order, under which names, and what still
 * blocks the export. Services turn the plan into a folder or a zip.
 */
import type { Material, Site, Subject, Workspace } from '../model'
import type { SlotSpec } from '../materials/slots'
import { findSite, packetName, siteContext } from '../site-context'
import { safeFileName } from './file-names'
import { exportBlockingLines, materialBlockingLines, materialReadiness } from './readiness'

export type PacketEntry = { slot: SlotSpec; material: Material; fileName: string }
export type PacketPlan = {
  subject: Subject
  site: Site
  /** Folder / zip base name: 网站名称-公安备案材料 */
  baseName: string
  entries: PacketEntry[]
  /**
   * Chinese lines naming each empty slot and each material the portal could not use (see
   * materialReadiness); the field rules live in core/validation.
   */
  missing: string[]
}

const pad = (n: number): string => String(n).padStart(2, '0')

export function planPacket(ws: Workspace, siteId: string): PacketPlan | null {
  const found = findSite(ws, siteId)
  if (!found) return null
  const { site, subject } = found
  const readiness = materialReadiness(subject, site, ws.materials)
  const entries: PacketEntry[] = []
  readiness.slots.forEach(({ slot, material }, index) => {
    if (material)
      entries.push({ slot, material, fileName: safeFileName(`${pad(index + 1)}_${slot.label}.jpg`) })
  })
  return { subject, site, baseName: packetName(site), entries, missing: materialBlockingLines(readiness) }
}

/**
 * Everything that makes an export of the site refuse, as Chinese lines: empty or unusable
 * materials, then the rule errors. Empty means the export may go ahead; null for an unknown site.
 */
export function exportBlockers(ws: Workspace, siteId: string, today: string): string[] | null {
  const context = siteContext(ws, siteId, today)
  if (!context) return null
  return [...materialBlockingLines(context.readiness), ...exportBlockingLines(context.findings)]
}
