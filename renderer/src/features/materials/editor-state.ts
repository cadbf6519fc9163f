/** The material editor's settings and the `materials:edit` payload they produce. Pure. */
import type { RequestOf } from '../../../../core/api'
import { MAX_MAX_BYTES, MIN_MAX_BYTES, WATERMARK_MAX_CHARS } from '../../../../core/limits'
import {
  DEFAULT_WATERMARK_PLACEMENT,
  pdfPageOf,
  watermarkPlacementOf,
  type CropRect,
  type Material,
  type PerspectiveEdit,
  type Rotation,
  type WatermarkPlacement,
} from '../../../../core/model'
import { selectionOf, storedCrop, type Size } from './crop-math'

export const MIN_CAP = MIN_MAX_BYTES
export const MAX_CAP = MAX_MAX_BYTES
export const WATERMARK_MAX = WATERMARK_MAX_CHARS
export const WATERMARK_SUGGESTION = '仅供公安备案使用'

export type EditorState = {
  /** The PDF page shown and to be applied (1 for images). */
  page: number
  /** True when choosing another page threw away a crop (the editor says so). */
  cropReset: boolean
  rotate: Rotation
  /**
   * The crop in source pixels (upright original before rotation; for a PDF, of the page shown);
   * null = the whole image.
   */
  selection: CropRect | null
  maxBytes: number
  watermarkOn: boolean
  watermarkText: string
  watermarkPlacement: WatermarkPlacement
  /**
   * 透视校正 to apply (the document's corners in the upright original), or null. While set, the
   * stage shows the corners instead of the crop rectangle and no crop is sent.
   */
  perspective: PerspectiveEdit | null
  /** A deskew found by main (ocr:deskew) and shown, not yet accepted: never sent. */
  proposal: PerspectiveEdit | null
}

export const sourceOf = (m: Material): Size => ({ width: m.sourceWidth, height: m.sourceHeight })

/**
 * Pages of the source: for a PDF as stored or, for one stored before page counts existed, as
 * `materials:source` reports them (`reported`); 1 while unknown and for images.
 */
export function pageCountOf(material: Material, reported?: number): number {
  return material.sourceFormat === 'pdf' ? (material.sourcePages ?? reported ?? 1) : 1
}

/** A PDF with more than one page: the editor offers a page choice. */
export function hasPageChoice(material: Material, reported?: number): boolean {
  return pageCountOf(material, reported) > 1
}

/** The page the stored material was compressed from. */
export const storedPage = (material: Material): number => pdfPageOf(material.edit)

export function initialEditorState(material: Material): EditorState {
  return {
    page: storedPage(material),
    cropReset: false,
    rotate: material.edit.rotate,
    selection: selectionOf(material.edit.crop, sourceOf(material), material.edit.rotate),
    maxBytes: material.maxBytes,
    watermarkOn: material.edit.watermark !== null,
    watermarkText: material.edit.watermark ?? WATERMARK_SUGGESTION,
    // An old tiled watermark stays tiled until the user picks otherwise; a new one starts in the corner.
    watermarkPlacement:
      material.edit.watermark !== null ? watermarkPlacementOf(material.edit) : DEFAULT_WATERMARK_PLACEMENT,
    perspective: material.edit.perspective ?? null,
    proposal: null,
  }
}

/** Why the settings cannot be applied yet, or null. */
export function editorProblem(state: EditorState): 'watermark-empty' | 'cap-range' | null {
  if (state.watermarkOn && state.watermarkText.trim() === '') return 'watermark-empty'
  if (!Number.isInteger(state.maxBytes) || state.maxBytes < MIN_CAP || state.maxBytes > MAX_CAP)
    return 'cap-range'
  return null
}

/**
 * The settings to apply after choosing `page`: the crop goes (it was drawn in another page's
 * pixels), except that going back to the stored page brings its stored crop back.
 */
export function choosePage(material: Material, state: EditorState, page: number): Partial<EditorState> {
  if (page === state.page) return {}
  if (page === storedPage(material)) {
    return {
      page,
      cropReset: false,
      selection: selectionOf(material.edit.crop, sourceOf(material), material.edit.rotate),
    }
  }
  return { page, cropReset: state.cropReset || state.selection !== null, selection: null }
}

/**
 * The size the selection is measured in: the stored source size on the applied page, the size
 * main reports for another page (null until it has loaded).
 */
export function frameOf(material: Material, state: EditorState, shown: Size | null | undefined): Size | null {
  return state.page === storedPage(material) ? sourceOf(material) : (shown ?? null)
}

/** The `materials:edit` payload; `frame` is the size the selection is measured in (frameOf). */
export function editRequest(
  material: Material,
  state: EditorState,
  frame: Size | null = sourceOf(material),
): RequestOf<'materials:edit'> {
  const watermark = state.watermarkOn ? state.watermarkText.trim().slice(0, WATERMARK_MAX) : ''
  return {
    id: material.id,
    edit: {
      rotate: state.rotate,
      crop: frame && !state.perspective ? storedCrop(state.selection, frame, state.rotate) : null,
      ...(state.perspective ? { perspective: state.perspective } : {}),
      ...(watermark === ''
        ? { watermark: null }
        : { watermark, watermarkPlacement: state.watermarkPlacement }),
      // Every PDF edit names its page, so an edit never falls back to page 1 by omission.
      ...(material.sourceFormat === 'pdf' ? { pdfPage: state.page } : {}),
    },
    maxBytes: state.maxBytes,
  }
}

const sameRect = (a: CropRect | null, b: CropRect | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.left === b.left &&
    a.top === b.top &&
    a.width === b.width &&
    a.height === b.height)

/** True when applying would change nothing. */
export function unchanged(material: Material, state: EditorState): boolean {
  const { edit, maxBytes } = editRequest(material, state)
  return (
    state.page === storedPage(material) &&
    maxBytes === material.maxBytes &&
    edit.rotate === material.edit.rotate &&
    edit.watermark === material.edit.watermark &&
    (edit.watermark === null || edit.watermarkPlacement === watermarkPlacementOf(material.edit)) &&
    sameRect(edit.crop, material.edit.crop) &&
    JSON.stringify(edit.perspective ?? null) === JSON.stringify(material.edit.perspective ?? null)
  )
}
