import type { SlotSpec } from '../../../../core/materials/slots'
import type { AppError } from '../../../../core/api'
import { api } from '../../api'
import { translate, useLanguageStore } from '../../i18n'
import { importMaterial, setSlotError } from '../workspace/store'
import { readSlotAfterImport } from './ocr-store'

const target = (slot: SlotSpec) => ({ ownerKind: slot.owner, ownerId: slot.ownerId, slot: slot.key })

function localError(code: string, key: 'materials.noPath' | 'materials.onlyFirst'): AppError {
  return { code, message: translate(useLanguageStore.getState().language, key) }
}

/** 选择图片: the native dialog, then import. Cancelling does nothing. */
export async function pickIntoSlot(slot: SlotSpec): Promise<void> {
  const [path] = await api.pickImages(false)
  // The card is usable again at once; OCR of an ID face or certificate goes on in the background.
  if (path && (await importMaterial(target(slot), path))) readSlotAfterImport(target(slot))
}

/** A file dropped on the card: resolve its local path through the bridge, then import. */
export async function dropIntoSlot(slot: SlotSpec, files: readonly File[]): Promise<void> {
  if (files.length === 0) return
  const paths = await api.pathsForFiles(files.slice(0, 1))
  const [path] = paths
  if (!path) {
    setSlotError(target(slot), localError('renderer/no-path', 'materials.noPath'))
    return
  }
  const ok = await importMaterial(target(slot), path)
  if (ok) readSlotAfterImport(target(slot))
  if (ok && files.length > 1)
    setSlotError(target(slot), localError('renderer/only-first', 'materials.onlyFirst'))
}
