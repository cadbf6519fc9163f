/** Which material slots are read by OCR, and what a photographed document in a slot is straightened to. */
import type { SlotKey } from '../model'
import type { PerspectiveTarget } from './perspective'
import type { DocumentKind } from './types'

const KIND_OF_SLOT: Partial<Record<SlotKey, DocumentKind>> = {
  'principal-id-front': 'id-front',
  'security-id-front': 'id-front',
  'principal-id-back': 'id-back',
  'security-id-back': 'id-back',
  'subject-certificate': 'licence',
}

/** The document a slot holds when OCR can read it (ID faces, the 单位 certificate); null otherwise. */
export const ocrKindOfSlot = (slot: SlotKey): DocumentKind | null => KIND_OF_SLOT[slot] ?? null

/**
 * What a photographed document in the slot is straightened to: an ID card face, or a page
 * (certificates, permits, reports). A handheld photo (手持身份证) shows a person: never straightened.
 */
export function deskewTargetOfSlot(slot: SlotKey): PerspectiveTarget | null {
  if (slot.endsWith('-handheld')) return null
  return slot.endsWith('-id-front') || slot.endsWith('-id-back') ? 'id-card' : 'page'
}
