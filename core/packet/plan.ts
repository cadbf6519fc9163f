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
  /** Chinese lines naming each empty required slot or field; export refuses while non-empty. */
  missing: string[]
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** Required fields an export cannot do without (the full rules run separately). */
function missingFields(subject: Subject, site: Site): string[] {
  const person = subject.principal
  const checks: [boolean, string][] = [
    [!subject.name.trim(), subject.nature === 'individual' ? '开办者姓名' : '主办单位名称'],
    [!subject.certNumber.trim(), subject.nature === 'individual' ? '证件号码' : '主办单位证件号码'],
    [!person.name.trim(), '负责人姓名'],
    [!person.idNumber.trim(), '负责人证件号码'],
    [!person.mobile.trim(), '手机号码'],
    [!person.email.trim(), '电子邮箱'],
    [!subject.officeAddress.detail.trim() && !person.address.detail.trim(), '常住地址 / 办公地址'],
    [!site.name.trim(), '网站名称'],
    [site.hasOwnDomain ? !site.mainDomain.trim() : !site.homeUrl.trim(), site.hasOwnDomain ? '网站主域名' : '首页 URL 或 IP'],
  ]
  return checks.filter(([empty]) => empty).map(([, label]) => `未填写：${label}`)
}

export function planPacket(ws: Workspace, siteId: string): PacketPlan | null {
  const site = ws.sites.find((s) => s.id === siteId)
  const subject = site && ws.subjects.find((s) => s.id === site.subjectId)
  if (!site || !subject) return null
  const entries: PacketEntry[] = []
  const missing = missingFields(subject, site)
  requiredSlots(subject, site).forEach((slot, index) => {
    const material = materialForSlot(slot, site, ws.materials)
    if (!material) missing.push(`缺少材料：${slot.label}`)
    else entries.push({ slot, material, fileName: safeFileName(`${pad(index + 1)}_${slot.label}.jpg`) })
  })
  const baseName = safeFileName(`${site.name.trim() || '网站'}-公安备案材料`)
  return { subject, site, baseName, entries, missing }
}
