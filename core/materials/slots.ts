/**
 * Which material slots a site needs (computed from the subject's nature and the site's
 * people), in the portal's upload order, with the Chinese names used on screen and in
 * the exported packet.
 */
import type { Material, SlotKey, SlotOwner, Site, Subject } from '../model'

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

function spec(key: SlotKey, owner: SlotOwner, ownerId: string, individual: boolean): SlotSpec {
  return {
    key,
    owner,
    ownerId,
    label: (individual && INDIVIDUAL_LABELS[key]) || ORG_LABELS[key],
    colourRequired: key === 'domain-certificate' || key === 'subject-certificate',
    idCard: key.endsWith('-front') || key.endsWith('-back'),
  }
}

/** The slots a site needs, in portal order. */
export function requiredSlots(subject: Subject, site: Site): SlotSpec[] {
  const individual = subject.nature === 'individual'
  const slots: SlotSpec[] = []
  if (!individual) slots.push(spec('subject-certificate', 'subject', subject.id, false))
  for (const key of ['principal-id-front', 'principal-id-back', 'principal-id-handheld'] as const) {
    slots.push(spec(key, 'subject', subject.id, individual))
  }
  // 个人: the holder is the site's security person; 单位 always upload the security person's set.
  if (!individual) {
    for (const key of ['security-id-front', 'security-id-back', 'security-id-handheld'] as const) {
      slots.push(spec(key, 'site', site.id, false))
    }
  }
  slots.push(spec('domain-certificate', 'site', site.id, individual))
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
