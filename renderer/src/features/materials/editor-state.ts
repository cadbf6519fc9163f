/** The material editor's settings and the `materials:edit` payload they produce. Pure. */
import type { RequestOf } from '../../../../core/api'
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_WATERMARK_PLACEMENT,
  watermarkPlacementOf,
  type CropRect,
  type Material,
  type Rotation,
  type WatermarkPlacement,
} from '../../../../core/model'
import { selectionOf, storedCrop } from './crop-math'

export const CAP_PRESETS = [DEFAULT_MAX_BYTES, 400_000] as const
export const MIN_CAP = 20_000
export const MAX_CAP = 10_000_000
export const WATERMARK_MAX = 40
export const WATERMARK_SUGGESTION = '仅供公安备案使用'

export type EditorState = {
  rotate: Rotation
  /** The crop in source pixels (upright original before rotation); null = the whole image. */
  selection: CropRect | null
  maxBytes: number
  watermarkOn: boolean
  watermarkText: string
  watermarkPlacement: WatermarkPlacement
}

const sourceOf = (m: Material) => ({ width: m.sourceWidth, height: m.sourceHeight })

export function initialEditorState(material: Material): EditorState {
  return {
    rotate: material.edit.rotate,
    selection: selectionOf(material.edit.crop, sourceOf(material), material.edit.rotate),
    maxBytes: material.maxBytes,
    watermarkOn: material.edit.watermark !== null,
    watermarkText: material.edit.watermark ?? WATERMARK_SUGGESTION,
    // An old tiled watermark stays tiled until the user picks otherwise; a new one starts in the corner.
    watermarkPlacement:
      material.edit.watermark !== null ? watermarkPlacementOf(material.edit) : DEFAULT_WATERMARK_PLACEMENT,
  }
}

/** Why the settings cannot be applied yet, or null. */
export function editorProblem(state: EditorState): 'watermark-empty' | 'cap-range' | null {
  if (state.watermarkOn && state.watermarkText.trim() === '') return 'watermark-empty'
  if (!Number.isInteger(state.maxBytes) || state.maxBytes < MIN_CAP || state.maxBytes > MAX_CAP)
    return 'cap-range'
  return null
}

export function editRequest(material: Material, state: EditorState): RequestOf<'materials:edit'> {
  const watermark = state.watermarkOn ? state.watermarkText.trim().slice(0, WATERMARK_MAX) : ''
  return {
    id: material.id,
    edit: {
      rotate: state.rotate,
      crop: storedCrop(state.selection, sourceOf(material), state.rotate),
      ...(watermark === ''
        ? { watermark: null }
        : { watermark, watermarkPlacement: state.watermarkPlacement }),
    },
    maxBytes: state.maxBytes,
  }
}

/** True when applying would change nothing. */
export function unchanged(material: Material, state: EditorState): boolean {
  const { edit, maxBytes } = editRequest(material, state)
  const a = edit.crop
  const b = material.edit.crop
  const sameCrop =
    a === b ||
    (a !== null &&
      b !== null &&
      a.left === b.left &&
      a.top === b.top &&
      a.width === b.width &&
      a.height === b.height)
  return (
    maxBytes === material.maxBytes &&
    edit.rotate === material.edit.rotate &&
    edit.watermark === material.edit.watermark &&
    (edit.watermark === null || edit.watermarkPlacement === watermarkPlacementOf(material.edit)) &&
    sameCrop
  )
}
