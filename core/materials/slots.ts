/**
 * Which material slots a site needs (computed from the subject's nature and the site's
 * people), in the portal's upload order, with the Chinese names used on screen and in
 * the exported packet.
 */
import { controlledGoodsOf, DEFAULT_MAX_BYTES, SLOT_KEYS } from '../model'
import type { Material, SlotKey, SlotOwner, Site, Subject } from '../model'
import { ORG_CERT_TYPE_LABELS } from '../validation/labels'

export type SlotSpec = {
  key: SlotKey
  /** Where the file is stored: subject slots are shared by all the subject's sites. */
  owner: SlotOwner
  ownerId: string
  /** Chinese label shown on the slot and used as the exported file name. */
  label: string
  /** The certificate must be in colour (域名证书 "彩色电子版"). */
  colourRequired: boolean
  /** An ID-card face: the aspect check applies. */
  idCard: boolean
  /** The size cap shown on the slot and used when importing (DEFAULT_MAX_BYTES; see docs/domain-notes.md). */
  maxBytes?: number
}

const ORG_LABELS: Record<SlotKey, string> = {
  'subject-certificate': '单位证件',
  'principal-id-front': '主体负责人身份证正面',
  'principal-id-back': '主体负责人身份证反面',
  'principal-id-handheld': '主体负责人手持身份证照',
  'security-id-front': '网站安全负责人身份证正面',
  'security-id-back': '网站安全负责人身份证反面',
  'security-id-handheld': '网站安全负责人手持身份证照',
  'domain-certificate': '域名证书',
  'permit-news': '前置许可（新闻）证件',
  'permit-publishing': '前置许可（出版）证件',
  'permit-education': '前置许可（教育）证件',
  'permit-medical': '前置许可（医疗保健）证件',
  'permit-other': '前置许可（其他）证件',
  'controlled-goods-permit': '管制物品信息发布许可证件',
  'security-assessment': '安全评估报告',
}

const INDIVIDUAL_LABELS: Partial<Record<SlotKey, string>> = {
  'principal-id-front': '身份证正面',
  'principal-id-back': '身份证反面',
  'principal-id-handheld': '本人手持身份证照',
}

/** The 前置许可 the site form offers (PRE_APPROVALS) and the slot each one's permit goes in. */
const PERMIT_SLOTS: Readonly<Record<string, SlotKey>> = {
  新闻: 'permit-news',
  出版: 'permit-publishing',
  教育: 'permit-education',
  医疗保健: 'permit-medical',
}

/** The 单位证件 slot takes the actual document's name (营业执照, 事业单位法人证书…). */
function subjectCertificateLabel(subject: Subject): string {
  const t = subject.certType
  if (!t || t === 'other') return ORG_LABELS['subject-certificate']
  if (t === 'military-code') return '单位证件（军队单位证明）'
  return ORG_CERT_TYPE_LABELS[t]
}

function spec(key: SlotKey, owner: SlotOwner, ownerId: string, individual: boolean): SlotSpec {
  return {
    key,
    owner,
    ownerId,
    label: (individual && INDIVIDUAL_LABELS[key]) || ORG_LABELS[key],
    colourRequired:
      key === 'domain-certificate' || key === 'subject-certificate' || key.startsWith('permit-'),
    idCard: key.endsWith('-front') || key.endsWith('-back'),
    maxBytes: DEFAULT_MAX_BYTES,
  }
}

const ID_SET = ['front', 'back', 'handheld'] as const

/** Slots that depend on the site's answers: permits, 管制物品, interactive services. */
function conditionalSlots(site: Site): SlotSpec[] {
  const permits = [...new Set(site.preApprovals.map((p) => PERMIT_SLOTS[p.trim()] ?? 'permit-other'))]
  const keys: SlotKey[] = SLOT_KEYS.filter((k) => permits.includes(k))
  if (controlledGoodsOf(site).offers) keys.push('controlled-goods-permit')
  if (site.interactive) keys.push('security-assessment')
  return keys.map((k) => spec(k, 'site', site.id, false))
}

/**
 * The slots a site needs, in portal order. They follow the answers: a 个人 whose 网站安全负责人
 * is someone else uploads that person's ID set too; each 前置许可 its permit; 管制物品 = 是 its
 * permit; an interactive site its 安全评估报告. The 应急联络人 block has no photo upload (its
 * fields are name, ID type, number and expiry), so it adds no slot.
 */
export function requiredSlots(subject: Subject, site: Site): SlotSpec[] {
  const individual = subject.nature === 'individual'
  const slots: SlotSpec[] = []
  if (!individual)
    slots.push({
      ...spec('subject-certificate', 'subject', subject.id, false),
      label: subjectCertificateLabel(subject),
    })
  for (const side of ID_SET) slots.push(spec(`principal-id-${side}`, 'subject', subject.id, individual))
  // 个人 whose security person is the holder: the holder's set serves both steps.
  if (!individual || !site.securityOfficer.sameAsPrincipal) {
    for (const side of ID_SET) slots.push(spec(`security-id-${side}`, 'site', site.id, false))
  }
  slots.push(spec('domain-certificate', 'site', site.id, individual))
  slots.push(...conditionalSlots(site))
  return slots
}

/**
 * The material filling a slot. A security person "same as the principal" reuses the
 * principal's photos (the portal still wants them uploaded again under that step).
 */
export function materialForSlot(
  slot: SlotSpec,
  site: Site,
  materials: readonly Material[],
): Material | undefined {
  const direct = materials.find(
    (m) => m.slot === slot.key && m.ownerKind === slot.owner && m.ownerId === slot.ownerId,
  )
  if (direct || !slot.key.startsWith('security-') || !site.securityOfficer.sameAsPrincipal) return direct
  const principalKey = slot.key.replace('security-', 'principal-') as SlotKey
  return materials.find(
    (m) => m.slot === principalKey && m.ownerKind === 'subject' && m.ownerId === site.subjectId,
  )
}

/** The slots still empty for a site, as Chinese labels. */
export function missingSlots(subject: Subject, site: Site, materials: readonly Material[]): SlotSpec[] {
  return requiredSlots(subject, site).filter((slot) => !materialForSlot(slot, site, materials))
}
