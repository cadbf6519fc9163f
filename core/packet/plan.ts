/**
 * The packet as data: which files, in portal order, under which names, and what still
 * blocks the export. Services turn the plan into a folder or a zip.
 */
import type { Material, Site, Subject, Workspace } from '../model'
import { materialForSlot, requiredSlots, type SlotSpec } from '../materials/slots'
import { safeFileName } from './file-names'

export type PacketEntry = { slot: SlotSpec; material: Material; fileName: string }
export type PacketPlan = {
  subject: Subject
  site: Site
  /** Folder / zip base name: 网站名称-公安备案材料 */
  baseName: string
  entries: PacketEntry[]
  /** Chinese lines naming each empty slot; the field rules live in core/validation. */
  missing: string[]
}

const pad = (n: number): string => String(n).padStart(2, '0')

export function planPacket(ws: Workspace, siteId: string): PacketPlan | null {
  const site = ws.sites.find((s) => s.id === siteId)
  const subject = site && ws.subjects.find((s) => s.id === site.subjectId)
  if (!site || !subject) return null
  const entries: PacketEntry[] = []
  const missing: string[] = []
  requiredSlots(subject, site).forEach((slot, index) => {
    const material = materialForSlot(slot, site, ws.materials)
    if (!material) missing.push(`缺少材料：${slot.label}`)
    else entries.push({ slot, material, fileName: safeFileName(`${pad(index + 1)}_${slot.label}.jpg`) })
  })
  const baseName = safeFileName(`${site.name.trim() || '网站'}-公安备案材料`)
  return { subject, site, baseName, entries, missing }
}
