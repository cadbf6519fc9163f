/** The four corners of the perspective edit on the editor's stage. Pure. */
import type { Point, Quad } from '../../../../core/ocr/perspective'
import type { Size } from './crop-math'

/** A starting quad for dragging by hand: the picture inset by 10 % on each side. */
export function defaultQuad(size: Size): Quad {
  const dx = size.width * 0.1
  const dy = size.height * 0.1
  return [
    { x: dx, y: dy },
    { x: size.width - dx, y: dy },
    { x: size.width - dx, y: size.height - dy },
    { x: dx, y: size.height - dy },
  ]
}

const clamp = (v: number, max: number): number => Math.min(max, Math.max(0, v))

/** The quad with corner `index` moved to `to` (source pixels), kept inside the picture, rounded to 0.1 px. */
export function moveCorner(quad: Quad, index: number, to: Point, size: Size): Quad {
  const next = quad.map((p) => ({ ...p })) as Quad
  next[index] = {
    x: Math.round(clamp(to.x, size.width) * 10) / 10,
    y: Math.round(clamp(to.y, size.height) * 10) / 10,
  }
  return next
}

/** Display scale of a picture of `size` fitted into `max` (never enlarged beyond 1:1 of the shown image). */
export function fitScale(size: Size, max: Size): number {
  return Math.min(max.width / size.width, max.height / size.height)
}
