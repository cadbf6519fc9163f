/**
 * The perspective edit applied to decoded pixels (core/ocr/perspective.ts does the maths): the
 * compression pipeline calls this before rotation and crop, on every re-compression.
 */
import type { PerspectiveEdit } from '../../../../core/model'
import { scaleQuad, straighten, validQuad } from '../../../../core/ocr/perspective'
import { ImageInputError } from '../images/errors'

type Frame = { width: number; height: number }
type Picture = { data: Buffer; width: number; height: number; channels: 3 }

/**
 * `src` straightened along the edit's quad. The quad is in pixels of `frame` (the stored
 * material's upright size) and is scaled when the decoder now yields another size of it.
 * The result never carries the source JPEG for passthrough: its pixels changed.
 */
export function straightenSource<T extends Picture & { passthrough?: Buffer }>(
  src: T,
  edit: PerspectiveEdit,
  frame: Frame = src,
): Omit<T, 'passthrough'> {
  const quad = scaleQuad(edit.quad, frame, src)
  if (!validQuad(quad, src.width, src.height)) throw new ImageInputError('image/bad-crop')
  const out = straighten(
    { data: src.data, width: src.width, height: src.height, channels: 3 },
    quad,
    edit.target,
  )
  const { passthrough: _kept, ...rest } = src
  return {
    ...rest,
    data: Buffer.from(out.data.buffer, out.data.byteOffset, out.data.byteLength),
    width: out.width,
    height: out.height,
  }
}
