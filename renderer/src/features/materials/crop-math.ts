/**
 * Crop rectangle maths for the material editor: display pixels of the on-screen preview ↔
 * pixels of the upright original after rotation (what `edit.crop` stores, see core/model.ts).
 * Pure functions, no DOM. Rotations are clockwise, as sharp applies them.
 *
 * Three coordinate systems:
 * - source: the upright original before the user's rotation (`sourceWidth`×`sourceHeight`);
 * - rotated: the source turned by `rotate` degrees (the frame `edit.crop` is stored in);
 * - display: the rotated frame scaled into the on-screen box.
 * The editor keeps the selection in source pixels so it stays on the same content when the
 * user rotates again.
 */
import type { CropRect, Rotation } from '../../../../core/model'

export type Size = { width: number; height: number }

export function rotatedSize(size: Size, rotate: Rotation): Size {
  return rotate === 90 || rotate === 270 ? { width: size.height, height: size.width } : size
}

/** A rectangle in source pixels → the same content in the frame rotated clockwise by `rotate`. */
export function rotateRect(rect: CropRect, source: Size, rotate: Rotation): CropRect {
  const { left, top, width, height } = rect
  switch (rotate) {
    case 90:
      return { left: source.height - top - height, top: left, width: height, height: width }
    case 180:
      return { left: source.width - left - width, top: source.height - top - height, width, height }
    case 270:
      return { left: top, top: source.width - left - width, width: height, height: width }
    default:
      return { ...rect }
  }
}

/** The inverse of `rotateRect`: a rectangle of the rotated frame → source pixels. */
export function unrotateRect(rect: CropRect, source: Size, rotate: Rotation): CropRect {
  const back = ((360 - rotate) % 360) as Rotation
  return rotateRect(rect, rotatedSize(source, rotate), back)
}

export function addRotation(rotate: Rotation, delta: 90 | -90): Rotation {
  return ((((rotate + delta) % 360) + 360) % 360) as Rotation
}

export function fullRect(size: Size): CropRect {
  return { left: 0, top: 0, width: size.width, height: size.height }
}

/** Rounds to whole pixels and keeps the rectangle inside `bounds` and at least `min` wide. */
export function clampRect(rect: CropRect, bounds: Size, min = 1): CropRect {
  const width = Math.min(bounds.width, Math.max(min, Math.round(rect.width)))
  const height = Math.min(bounds.height, Math.max(min, Math.round(rect.height)))
  const left = Math.min(Math.max(0, Math.round(rect.left)), bounds.width - width)
  const top = Math.min(Math.max(0, Math.round(rect.top)), bounds.height - height)
  return { left, top, width, height }
}

/**
 * What the on-screen box shows: `region` (source pixels) turned by `rotate` and scaled by
 * `scale` display pixels per original pixel.
 */
export type View = { source: Size; rotate: Rotation; region: CropRect; scale: number }

/** The display box size of a view. */
export function viewSize(view: View): Size {
  const size = rotatedSize(view.region, view.rotate)
  return { width: Math.round(size.width * view.scale), height: Math.round(size.height * view.scale) }
}

/** The view that fits `region` turned by `rotate` into a box of at most `max`. */
export function fitView(source: Size, rotate: Rotation, region: CropRect, max: Size): View {
  const size = rotatedSize(region, rotate)
  const scale = Math.min(max.width / size.width, max.height / size.height)
  return { source, rotate, region, scale }
}

/** Display pixels → source pixels (the selection the editor keeps). */
export function displayToSource(display: CropRect, view: View): CropRect {
  const origin = rotateRect(view.region, view.source, view.rotate)
  const rotated = {
    left: origin.left + display.left / view.scale,
    top: origin.top + display.top / view.scale,
    width: display.width / view.scale,
    height: display.height / view.scale,
  }
  const back = unrotateRect(rotated, view.source, view.rotate)
  return clampRect(back, view.source)
}

/** Source pixels → display pixels of the view, clipped to the displayed region. */
export function sourceToDisplay(rect: CropRect, view: View): CropRect {
  const origin = rotateRect(view.region, view.source, view.rotate)
  const rotated = rotateRect(rect, view.source, view.rotate)
  const box = viewSize(view)
  const left = Math.max(0, (rotated.left - origin.left) * view.scale)
  const top = Math.max(0, (rotated.top - origin.top) * view.scale)
  const right = Math.min(box.width, (rotated.left + rotated.width - origin.left) * view.scale)
  const bottom = Math.min(box.height, (rotated.top + rotated.height - origin.top) * view.scale)
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) }
}

/** `edit.crop` for a selection in source pixels: the same content in the rotated frame. */
export function storedCrop(selection: CropRect | null, source: Size, rotate: Rotation): CropRect | null {
  return selection ? rotateRect(selection, source, rotate) : null
}

/** The selection (source pixels) of a stored `edit.crop`. */
export function selectionOf(crop: CropRect | null, source: Size, rotate: Rotation): CropRect | null {
  return crop ? unrotateRect(crop, source, rotate) : null
}

export type DragMode = 'move' | 'nw' | 'ne' | 'sw' | 'se'

/** The rectangle after dragging its body or one corner by (dx, dy) display pixels. */
export function dragRect(
  start: CropRect,
  mode: DragMode,
  dx: number,
  dy: number,
  bounds: Size,
  min: number,
): CropRect {
  if (mode === 'move') {
    const left = Math.min(Math.max(0, start.left + dx), bounds.width - start.width)
    const top = Math.min(Math.max(0, start.top + dy), bounds.height - start.height)
    return { ...start, left, top }
  }
  const right = start.left + start.width
  const bottom = start.top + start.height
  const west = mode === 'nw' || mode === 'sw'
  const north = mode === 'nw' || mode === 'ne'
  const x1 = west ? Math.min(Math.max(0, start.left + dx), right - min) : start.left
  const x2 = west ? right : Math.max(Math.min(bounds.width, right + dx), start.left + min)
  const y1 = north ? Math.min(Math.max(0, start.top + dy), bottom - min) : start.top
  const y2 = north ? bottom : Math.max(Math.min(bounds.height, bottom + dy), start.top + min)
  return { left: x1, top: y1, width: x2 - x1, height: y2 - y1 }
}
