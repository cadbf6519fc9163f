/**
 * OCR of the materials in ID-card and certificate slots, run in the background after an import
 * or an edit (main's OCR worker; the window never waits on it), and the user's accepting of the
 * values read. Keyed by slot (an edit gives the material a new id); kept for the session.
 */
import { create } from 'zustand'
import type { AppError, MaterialOcr } from '../../../../core/api'
import type { Material, SlotKey, Workspace } from '../../../../core/model'
import { splitAddress } from '../../../../core/ocr/address'
import type { FillItem } from '../../../../core/ocr/fill'
import { ocrKindOfSlot } from '../../../../core/ocr/slots'
import { api, request } from '../../api'
import { divisionChildren } from '../../components/division/division-cache'
import { loadWorkspace, slotStateKey, useWorkspaceStore } from '../workspace/store'
import {
  applyFill,
  applySubjectFill,
  personOfSlot,
  subjectOfCertificateSlot,
  withPrincipal,
} from './ocr-fill-apply'

export type SlotRead =
  | { status: 'reading'; materialId: string }
  | { status: 'done'; materialId: string; result: MaterialOcr }
  | { status: 'failed'; materialId: string; error: AppError }

type Target = { ownerKind: 'subject' | 'site'; ownerId: string; slot: SlotKey }

export const useOcrStore = create<{ reads: Record<string, SlotRead> }>(() => ({ reads: {} }))

const setRead = (key: string, read: SlotRead): void =>
  useOcrStore.setState((s) => ({ reads: { ...s.reads, [key]: read } }))

/** Reads the material in the background; a later read of the same slot wins. */
export async function readMaterial(
  material: Pick<Material, 'id' | 'ownerKind' | 'ownerId' | 'slot'>,
): Promise<void> {
  if (!ocrKindOfSlot(material.slot)) return
  const key = slotStateKey(material)
  setRead(key, { status: 'reading', materialId: material.id })
  const result = await request('ocr:read', { id: material.id })
  if (useOcrStore.getState().reads[key]?.materialId !== material.id) return
  setRead(
    key,
    result.ok
      ? { status: 'done', materialId: material.id, result: result.value }
      : { status: 'failed', materialId: material.id, error: result.error },
  )
}

/** After an import into `target`: the slot's new material, read in the background. */
export function readSlotAfterImport(target: Target): void {
  const ws = useWorkspaceStore.getState().workspace
  const material = ws?.materials.find(
    (m) => m.ownerId === target.ownerId && m.slot === target.slot && m.ownerKind === target.ownerKind,
  )
  if (material) void readMaterial(material)
}

/** Forgets a slot's read (its material was removed). */
export function forgetSlot(target: { ownerId: string; slot: SlotKey }): void {
  useOcrStore.setState((s) => {
    const reads = { ...s.reads }
    delete reads[slotStateKey(target)]
    return { reads }
  })
}

/** Writes the accepted values into the stored person of the slot (subject or site). */
export async function acceptFill(target: Target, items: readonly FillItem[]): Promise<boolean> {
  const ws: Workspace | null = useWorkspaceStore.getState().workspace
  if (!ws || items.length === 0) return false
  const address = items.find((i) => i.field === 'address' || i.field === 'officeAddress')
  const split = address ? await splitAddress(address.value, divisionChildren) : undefined
  const organization = subjectOfCertificateSlot(ws, target)
  if (organization) {
    if (!(await api.saveSubject(applySubjectFill(organization, items, split)))) return false
    await loadWorkspace()
    return true
  }
  const owner = personOfSlot(ws, target)
  if (!owner) return false
  const person = applyFill(owner.person, items, split)
  const saved =
    owner.where === 'principal'
      ? await api.saveSubject(withPrincipal(owner.subject, person))
      : await api.saveSite({ ...owner.site, securityOfficer: { sameAsPrincipal: false, person } })
  if (!saved) return false
  await loadWorkspace()
  return true
}
