/**
 * What OCR read, set against what the user typed: each value read is offered for an empty
 * field, agrees, or disagrees (flagged on the field and the slot). Pure: the renderer shows it.
 */
import type { Person, Subject } from '../model'
import type { DocumentKind, FieldName, FieldRead } from './types'

/** The person fields OCR can fill. 住址 is offered but never flagged: the 常住地址 may differ from the card's. */
export type PersonFillField = 'name' | 'idNumber' | 'idExpiry' | 'address'
/**
 * The 单位 fields a certificate fills: 单位名称, 统一社会信用代码, 法定代表人/负责人 (the person in
 * charge's name), and 住所 for the office address (offered, never flagged: offices move).
 */
export type SubjectFillField = 'orgName' | 'certNumber' | 'representative' | 'officeAddress'
export type FillField = PersonFillField | SubjectFillField

/** Fields offered but never flagged: a place may differ from the one printed and still be right. */
const NEVER_FLAGGED: ReadonlySet<FillField> = new Set(['address', 'officeAddress'])
export type FillState = 'offer' | 'same' | 'mismatch'
export type FillItem = {
  field: FillField
  /** The value as the person field stores it ('long-term' for 长期). */
  value: string
  /** The value as printed (长期, a date, the address). */
  shown: string
  confidence: number
  state: FillState
}

type Read = { kind: DocumentKind; fields: Partial<Record<FieldName, FieldRead>> }

/** Spaces dropped, upper case, full-width brackets as ASCII: （北京）and (北京) are one name. */
const squash = (s: string): string =>
  s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase()

/** The person's address as one line (divisions then detail), for comparison and display. */
export const addressLine = (p: Pick<Person, 'address'>): string =>
  p.address.divisionNames.join('') + p.address.detail

function item(field: FillField, value: string, shown: string, read: FieldRead, current: string): FillItem {
  const empty = squash(current) === ''
  const same = squash(current) === squash(value)
  const state: FillState = empty ? 'offer' : same || NEVER_FLAGGED.has(field) ? 'same' : 'mismatch'
  return { field, value, shown, confidence: read.confidence, state }
}

/**
 * The fill items of one read against `person`. A number is used only when its check digit
 * holds (FieldRead.checked); the ID back gives 证件有效期 (its end date, or 长期).
 */
export function personFill(read: Read, person: Person): FillItem[] {
  const f = read.fields
  const items: FillItem[] = []
  if (read.kind === 'id-front') {
    if (f.name) items.push(item('name', f.name.value, f.name.value, f.name, person.name))
    if (f.idNumber?.checked)
      items.push(
        item('idNumber', f.idNumber.value.toUpperCase(), f.idNumber.value, f.idNumber, person.idNumber),
      )
    // Compared as one line: the picker holds the same place split into divisions.
    if (f.address)
      items.push(item('address', f.address.value, f.address.value, f.address, addressLine(person)))
  }
  if (read.kind === 'id-back' && f.validTo) {
    const longTerm = f.validTo.value === '长期'
    const value = longTerm ? 'long-term' : f.validTo.value
    items.push(item('idExpiry', value, f.validTo.value, f.validTo, person.idExpiry))
  }
  return items
}

/** Whether any item disagrees with what was typed. */
export const hasMismatch = (items: readonly FillItem[]): boolean => items.some((i) => i.state === 'mismatch')

/** A typed 主办单位证件号 that is a credit code (18 characters): other numbers (军队代号, old codes) are not compared. */
const looksLikeUscc = (typed: string): boolean => squash(typed).length === 18

/**
 * The fill items of a 单位 certificate read against the subject (单位 only: a 个人's number is
 * the ID card's). The credit code is used only when its check character holds, and is compared
 * only with a typed credit code; the 法定代表人 is compared with the person in charge's name.
 */
export function subjectFill(read: Read, subject: Subject): FillItem[] {
  if (read.kind !== 'licence' || subject.nature !== 'organization') return []
  const f = read.fields
  const items: FillItem[] = []
  if (f.name) items.push(item('orgName', f.name.value, f.name.value, f.name, subject.name))
  const typedNumber = subject.certNumber.trim()
  if (f.uscc?.checked && (typedNumber === '' || looksLikeUscc(typedNumber)))
    items.push(item('certNumber', f.uscc.value.toUpperCase(), f.uscc.value, f.uscc, typedNumber))
  if (f.representative)
    items.push(
      item(
        'representative',
        f.representative.value,
        f.representative.value,
        f.representative,
        subject.principal.name,
      ),
    )
  if (f.address)
    items.push(
      item(
        'officeAddress',
        f.address.value,
        f.address.value,
        f.address,
        subject.officeAddress.divisionNames.join('') + subject.officeAddress.detail,
      ),
    )
  return items
}
