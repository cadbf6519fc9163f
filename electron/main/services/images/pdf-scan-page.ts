/**
 * Scanned PDF pages: a page whose only content is one picture is taken at the picture's own
 * resolution instead of being re-rendered. Re-rendering resamples the scan (a 2000 px scan
 * drawn at 2800 px is blurred by interpolation and then costs more bytes); the picture itself is
 * exactly what the registrar or the scanner produced. Geometry and pixel copies, no pdf.js here.
 */
import type { RawImage } from './sharp-options'

/** A PDF/canvas affine matrix [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number]

/** `outer ∘ inner`: apply `inner` first (canvas `transform()` semantics, pdf.js Util.transform). */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer
  const [p, q, r, s, t, u] = inner
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f]
}

/** How to turn the picture's stored pixels into what the page shows (sharp operations, in order). */
export type Placement = {
  rotate: 0 | 90 | 180 | 270
  /** Mirror left–right after the rotation. */
  flop: boolean
  flip: boolean
  /** The picture's box on the page, in page units (viewport at scale 1, y down). */
  box: { left: number; top: number; width: number; height: number }
}

/** Scanners place the picture edge to edge, but rounding leaves a sliver: tolerate 2 %. */
const OVERHANG = 0.02
/** Anything but a multiple of 90° (a skewed or rotated placement) is rendered instead. */
const AXIS_EPSILON = 1e-6

/**
 * Where and how a picture painted with `m` (device ← unit square, pdf.js image convention: the
 * first stored row at v = 1) lands on a page of `page` size. Null when the picture is not
 * axis-aligned or spills over the page edges, where rendering the page is the faithful answer.
 */
export function placementOf(m: Matrix, page: { width: number; height: number }): Placement | null {
  const [a, b, c, d, e, f] = m
  // Walking along a stored row (columns) moves by (a, b); down the rows by (-c, -d).
  const col = { x: a, y: b }
  const row = { x: -c, y: -d }
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d))
  if (scale === 0) return null
  const tiny = (v: number): boolean => Math.abs(v) <= scale * AXIS_EPSILON
  let orient: Omit<Placement, 'box'>
  if (tiny(col.y) && tiny(row.x)) {
    const right = col.x > 0
    const down = row.y > 0
    if (right && down) orient = { rotate: 0, flop: false, flip: false }
    else if (!right && down) orient = { rotate: 0, flop: true, flip: false }
    else if (right && !down) orient = { rotate: 0, flop: false, flip: true }
    else orient = { rotate: 180, flop: false, flip: false }
  } else if (tiny(col.x) && tiny(row.y)) {
    // Rotating 90° clockwise sends columns down and rows leftwards; 270° the opposite.
    const colDown = col.y > 0
    const rowRight = row.x > 0
    if (colDown && !rowRight) orient = { rotate: 90, flop: false, flip: false }
    else if (colDown && rowRight) orient = { rotate: 90, flop: true, flip: false }
    else if (!colDown && rowRight) orient = { rotate: 270, flop: false, flip: false }
    else orient = { rotate: 270, flop: true, flip: false }
  } else {
    return null
  }
  const xs = [e, e + a, e + c, e + a + c]
  const ys = [f, f + b, f + d, f + b + d]
  const box = {
    left: Math.min(...xs),
    top: Math.min(...ys),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  }
  const slackX = page.width * OVERHANG
  const slackY = page.height * OVERHANG
  const inside =
    box.left >= -slackX &&
    box.top >= -slackY &&
    box.left + box.width <= page.width + slackX &&
    box.top + box.height <= page.height + slackY
  return inside ? { ...orient, box } : null
}

/** pdf.js operator codes this module needs (pdfjs `OPS`). */
export type PaintOps = {
  dependency: number
  save: number
  restore: number
  transform: number
  paintImageXObject: number
  paintInlineImageXObject: number
  setGState: number
  beginMarkedContent: number
  beginMarkedContentProps: number
  endMarkedContent: number
}

/**
 * True when the page draws nothing: no operator beyond state changes. pdf.js also leaves out a
 * picture above its maxImageSize, so a page made of one oversized scan ends up here too.
 */
export function paintsNothing(fnArray: readonly number[], ops: PaintOps): boolean {
  const stateOnly = new Set([
    ops.dependency,
    ops.save,
    ops.restore,
    ops.transform,
    ops.setGState,
    ops.beginMarkedContent,
    ops.beginMarkedContentProps,
    ops.endMarkedContent,
  ])
  return fnArray.every((fn) => stateOnly.has(fn))
}

/** pdf.js clears any soft mask before painting a picture that has its own: no visible effect. */
function clearsSoftMaskOnly(args: unknown[] | null): boolean {
  const entries = args?.[0]
  return (
    Array.isArray(entries) &&
    entries.length > 0 &&
    entries.every((e) => Array.isArray(e) && e[0] === 'SMask' && e[1] === false)
  )
}

export type SinglePicture = {
  /** An object id (`objs`/`commonObjs`) or the inline image data itself. */
  image: unknown
  matrix: Matrix
}

/**
 * The one picture of a page that paints nothing else, with its final matrix; null for any other
 * page (text, vector art, clipping, transparency groups, a second picture …).
 */
export function singlePicture(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: PaintOps,
  viewport: Matrix,
): SinglePicture | null {
  const stack: Matrix[] = []
  let current = viewport
  let found: SinglePicture | null = null
  const harmless = new Set([
    ops.dependency,
    ops.beginMarkedContent,
    ops.beginMarkedContentProps,
    ops.endMarkedContent,
  ])
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]
    const args = argsArray[i] as unknown[] | null
    if (fn === undefined || harmless.has(fn) || (fn === ops.setGState && clearsSoftMaskOnly(args))) continue
    if (fn === ops.save) stack.push(current)
    else if (fn === ops.restore) current = stack.pop() ?? viewport
    else if (fn === ops.transform) {
      if (!args || args.length !== 6 || !args.every((v) => typeof v === 'number' && Number.isFinite(v)))
        return null
      current = compose(current, args as Matrix)
    } else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject) {
      if (found || !args || args[0] === undefined) return null
      found = { image: args[0], matrix: current }
    } else {
      return null
    }
  }
  return found
}

/** Turns the stored pixels the way the page shows them (a few ms for a scan; keeps sharp out of here). */
export function orientPixels(img: RawImage, p: Pick<Placement, 'rotate' | 'flop' | 'flip'>): RawImage {
  if (p.rotate === 0 && !p.flop && !p.flip) return img
  const { width: w, height: h, channels: ch } = img
  const turned = p.rotate === 90 || p.rotate === 270
  const W = turned ? h : w
  const H = turned ? w : h
  const out = Buffer.alloc(W * H * ch)
  for (let Y = 0; Y < H; Y++) {
    const y1 = p.flip ? H - 1 - Y : Y
    for (let X = 0; X < W; X++) {
      const x1 = p.flop ? W - 1 - X : X
      let sx = x1
      let sy = y1
      if (p.rotate === 90) [sx, sy] = [y1, h - 1 - x1]
      else if (p.rotate === 180) [sx, sy] = [w - 1 - x1, h - 1 - y1]
      else if (p.rotate === 270) [sx, sy] = [w - 1 - y1, x1]
      img.data.copy(out, (Y * W + X) * ch, (sy * w + sx) * ch, (sy * w + sx) * ch + ch)
    }
  }
  return { data: out, width: W, height: H, channels: ch }
}

/** Alpha flattened on white (pdf.js hands over soft-masked pictures as RGBA). */
function opaque(img: RawImage): RawImage {
  if (img.channels !== 4 && img.channels !== 2) return img
  const colours = img.channels - 1
  const out = Buffer.alloc(img.width * img.height * colours)
  for (let i = 0, o = 0; i < img.data.length; i += img.channels) {
    const alpha = (img.data[i + colours] ?? 255) / 255
    for (let c = 0; c < colours; c++)
      out[o++] = Math.round((img.data[i + c] ?? 0) * alpha + 255 * (1 - alpha))
  }
  return { data: out, width: img.width, height: img.height, channels: colours as 1 | 3 }
}

/**
 * The whole page at the picture's own density: the upright picture copied, unresampled, to where
 * the page shows it, on white. A scan that fills the page comes back as itself (plus the sliver of
 * margin the scanner left); a smaller one keeps its margins, as the page has them.
 */
export function onPage(
  picture: RawImage,
  box: Placement['box'],
  page: { width: number; height: number },
): RawImage {
  const img = opaque(picture)
  const density = img.width / box.width
  const W = Math.max(1, Math.round(page.width * density))
  const H = Math.max(1, Math.round(page.height * density))
  const left = Math.round(box.left * density)
  const top = Math.round(box.top * density)
  const ch = img.channels
  const out = Buffer.alloc(W * H * ch, 255)
  const x0 = Math.max(0, left)
  const x1 = Math.min(W, left + img.width)
  if (x1 <= x0) return { data: out, width: W, height: H, channels: ch }
  for (let y = Math.max(0, top); y < Math.min(H, top + img.height); y++) {
    const from = ((y - top) * img.width + (x0 - left)) * ch
    img.data.copy(out, (y * W + x0) * ch, from, from + (x1 - x0) * ch)
  }
  return { data: out, width: W, height: H, channels: ch }
}
