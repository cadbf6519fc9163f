/**
 * Applying the editor's settings. Usually one `materials:edit`; after choosing another PDF page
 * with a crop drawn on it, two: the page first (main answers its pixel size), then the crop
 * scaled from the page's preview to those pixels.
 */
import type { RequestOf, Result } from '../../../../core/api'
import type { CropRect, Material } from '../../../../core/model'
import type { Size } from './crop-math'
import { editRequest, scaleSelection, sourceOf, storedPage, type EditorState } from './editor-state'

export type SendEdit = (req: RequestOf<'materials:edit'>) => Promise<Result<Material>>

/** The answer, and the selection in the applied material's pixels (what the editor keeps). */
export type Applied = { result: Result<Material>; selection: CropRect | null }

/** `frame`: the size `state.selection` is measured in (editor-state.ts `frameOf`). */
export async function applyEdit(
  material: Material,
  state: EditorState,
  frame: Size | null,
  send: SendEdit,
): Promise<Applied> {
  const first = await send(editRequest(material, state))
  const drawn = state.selection
  if (!first.ok || !drawn || !frame || state.page === storedPage(material))
    return { result: first, selection: drawn }
  const applied = first.value
  const selection = scaleSelection(drawn, frame, sourceOf(applied))
  return { result: await send(editRequest(applied, { ...state, selection })), selection }
}
