/**
 * What OCR read, set against what the user typed: each value read is offered for an empty
 * field, agrees, or disagrees (flagged on the field and the slot). Pure: the renderer shows it.
 */
import type { Person } from '../model'
import type { DocumentKind, FieldName, FieldRead } from './types'

/** The person fields OCR can fill. 住址 is offered but never flagged: the 常住地址 may differ from the card's. */
export type FillField = 'name' | 'idNumber' | 'idExpiry' | 'address'
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

const squash = (s: string): string => s.replace(/\s+/g, '').toUpperCase()

/** The person's address as one line (divisions then detail), for comparison and display. */
export const addressLine = (p: Pick<Person, 'address'>): string =>
  p.address.divisionNames.join('') + p.address.detail

function item(field: FillField, value: string, shown: string, read: FieldRead, current: string): FillItem {
  const empty = squash(current) === ''
  const same = squash(current) === squash(value)
  const state: FillState = empty ? 'offer' : same ? 'same' : field === 'address' ? 'same' : 'mismatch'
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
