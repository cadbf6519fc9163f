/** Applying accepted OCR values to the stored person of a slot. Pure. */
import type { AddressSplit } from '../../../../core/ocr/address'
import type { FillItem } from '../../../../core/ocr/fill'
import type { MaterialEdit, Person, Site, SlotKey, Subject, Workspace } from '../../../../core/model'

export type SlotPerson =
  | { where: 'principal'; person: Person; subject: Subject }
  | { where: 'security'; person: Person; site: Site; subject: Subject }

/** Whose ID card a slot holds: the subject's person in charge, or the site's 安全负责人 (when not the same person). */
export function personOfSlot(
  ws: Workspace,
  target: { ownerKind: 'subject' | 'site'; ownerId: string; slot: SlotKey },
): SlotPerson | null {
  if (target.slot.startsWith('principal-')) {
    const subject = ws.subjects.find((s) => s.id === target.ownerId)
    return subject ? { where: 'principal', person: subject.principal, subject } : null
  }
  if (target.slot.startsWith('security-')) {
    const site = ws.sites.find((s) => s.id === target.ownerId)
    const subject = site && ws.subjects.find((s) => s.id === site.subjectId)
    if (!site || !subject) return null
    const ref = site.securityOfficer
    return ref.sameAsPrincipal
      ? { where: 'principal', person: subject.principal, subject }
      : { where: 'security', person: ref.person, site, subject }
  }
  return null
}

/** The 单位 whose certificate a slot holds (the subject's certificate slot of a 单位), or null. */
export function subjectOfCertificateSlot(
  ws: Workspace,
  target: { ownerKind: 'subject' | 'site'; ownerId: string; slot: SlotKey },
): Subject | null {
  if (target.ownerKind !== 'subject' || target.slot !== 'subject-certificate') return null
  const subject = ws.subjects.find((s) => s.id === target.ownerId)
  return subject?.nature === 'organization' ? subject : null
}

/** The 单位 with the accepted certificate items written in; 住所 as divisions when it was split. */
export function applySubjectFill(
  subject: Subject,
  items: readonly FillItem[],
  split?: AddressSplit,
): Subject {
  const next: Subject = { ...subject, principal: { ...subject.principal } }
  for (const item of items) {
    if (item.field === 'orgName') next.name = item.value
    if (item.field === 'certNumber') next.certNumber = item.value
    if (item.field === 'representative') next.principal.name = item.value
    if (item.field === 'officeAddress')
      next.officeAddress = split
        ? { divisionCodes: split.codes, divisionNames: split.names, detail: split.detail }
        : { divisionCodes: [], divisionNames: [], detail: item.value }
  }
  return next
}

/** The person with the accepted items written in; the address as divisions when it was split. */
export function applyFill(person: Person, items: readonly FillItem[], split?: AddressSplit): Person {
  const next: Person = { ...person, address: { ...person.address } }
  for (const item of items) {
    if (item.field === 'name') next.name = item.value
    if (item.field === 'idNumber') next.idNumber = item.value
    if (item.field === 'idExpiry') next.idExpiry = item.value
    if (item.field === 'address')
      next.address = split
        ? { divisionCodes: split.codes, divisionNames: split.names, detail: split.detail }
        : { divisionCodes: [], divisionNames: [], detail: item.value }
  }
  return next
}

/** The subject with a new person in charge; for 个人 the name, number and address mirror the holder. */
export function withPrincipal(subject: Subject, person: Person): Subject {
  if (subject.nature !== 'individual') return { ...subject, principal: person }
  return {
    ...subject,
    principal: person,
    name: person.name,
    certNumber: person.idNumber,
    officeAddress: person.address,
  }
}

/**
 * The edit that turns the picture the way OCR found it readable (`turn` clockwise, relative to
 * the edit's rotation); null when there is nothing to turn or a crop is set (the crop is
 * measured in the rotated frame: the user turns it in the editor, where the crop is redrawn).
 */
export function uprightEdit(edit: MaterialEdit, turn: 0 | 90 | 180 | 270 | undefined): MaterialEdit | null {
  if (!turn || edit.crop) return null
  return { ...edit, rotate: ((edit.rotate + turn) % 360) as MaterialEdit['rotate'] }
}
