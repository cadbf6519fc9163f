/**
 * The perspective edit's geometry (pure): a document's four corners in a photo → the
 * straightened picture at the document's real proportions. Main applies it on every
 * re-compression (electron/main/services/images/decode.ts); the editor draws the quad.
 */

export type Point = { x: number; y: number }
/** Corners clockwise from the document's top-left: tl, tr, br, bl. */
export type Quad = [Point, Point, Point, Point]

/** What the quad is straightened to: an ID card (85.6 × 54 mm) or an A4/A3 page (√2). */
export const PERSPECTIVE_TARGETS = ['id-card', 'page'] as const
export type PerspectiveTarget = (typeof PERSPECTIVE_TARGETS)[number]
export const TARGET_ASPECT: Readonly<Record<PerspectiveTarget, number>> = {
  'id-card': 85.6 / 54,
  page: Math.SQRT2,
}

/** Longest side of a straightened picture (a 12 MP photo's card is ~2500 px wide at most). */
export const PERSPECTIVE_MAX_LONG = 4000

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y)

/** Output size: the quad's measured long side (≤ maxLong), the short side from the real aspect. */
export function straightenedSize(
  q: Quad,
  target: PerspectiveTarget,
  maxLong = PERSPECTIVE_MAX_LONG,
): { width: number; height: number } {
  const w = (dist(q[0], q[1]) + dist(q[3], q[2])) / 2
  const h = (dist(q[0], q[3]) + dist(q[1], q[2])) / 2
  const long = Math.max(1, Math.min(maxLong, Math.max(w, h)))
  const short = Math.max(1, long / TARGET_ASPECT[target])
  return w >= h
    ? { width: Math.round(long), height: Math.round(short) }
    : { width: Math.round(short), height: Math.round(long) }
}

/** Solves a·x = b (n × n) by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i] ?? 0])
  for (let c = 0; c < n; c++) {
    let pivot = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r
    const p = m[pivot] as number[]
    if (Math.abs(p[c] ?? 0) < 1e-12) return null
    ;[m[c], m[pivot]] = [p, m[c] as number[]]
    const row = m[c] as number[]
    for (let r = 0; r < n; r++) {
      if (r === c) continue
      const other = m[r] as number[]
      const f = (other[c] ?? 0) / (row[c] ?? 1)
      for (let k = c; k <= n; k++) other[k] = (other[k] ?? 0) - f * (row[k] ?? 0)
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1))
}

/**
 * The homography (row-major 3 × 3, h33 = 1) taking each `from` corner to the `to` corner of
 * the same index; null when three corners are collinear.
 */
export function homography(from: Quad, to: Quad): number[] | null {
  const a: number[][] = []
  const b: number[] = []
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i] as Point
    const { x: u, y: v } = to[i] as Point
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y])
    b.push(u)
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y])
    b.push(v)
  }
  const h = solve(a, b)
  return h && [...h, 1]
}

export function applyHomography(h: readonly number[], p: Point): Point {
  const w = (h[6] ?? 0) * p.x + (h[7] ?? 0) * p.y + (h[8] ?? 1)
  return {
    x: ((h[0] ?? 0) * p.x + (h[1] ?? 0) * p.y + (h[2] ?? 0)) / w,
    y: ((h[3] ?? 0) * p.x + (h[4] ?? 0) * p.y + (h[5] ?? 0)) / w,
  }
}

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)

/** Whether the quad is usable as a perspective edit: inside the picture, convex, not tiny. */
export function validQuad(q: Quad, width: number, height: number): boolean {
  const inside = q.every((p) => p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height)
  const signs = q.map((p, i) => Math.sign(cross(p, q[(i + 1) % 4] as Point, q[(i + 2) % 4] as Point)))
  const convex = signs.every((s) => s === signs[0] && s !== 0)
  const long = Math.min(dist(q[0], q[1]), dist(q[1], q[2]), dist(q[2], q[3]), dist(q[3], q[0]))
  return inside && convex && long >= 16
}

/** The quad measured on a picture of size `frame`, on the same picture at size `size`. */
export function scaleQuad(
  q: Quad,
  frame: { width: number; height: number },
  size: { width: number; height: number },
): Quad {
  const sx = size.width / Math.max(1, frame.width)
  const sy = size.height / Math.max(1, frame.height)
  return q.map((p) => ({ x: p.x * sx, y: p.y * sy })) as Quad
}

export type Pixels = { data: Uint8Array; width: number; height: number; channels: number }

/**
 * The quad's content warped to a rectangle at the target's real aspect, sampled bilinearly
 * (edge pixels repeated). `q` is in `src` pixels; each destination pixel is mapped back.
 */
export function straighten(
  src: Pixels,
  q: Quad,
  target: PerspectiveTarget,
  maxLong = PERSPECTIVE_MAX_LONG,
): Pixels {
  const { width, height } = straightenedSize(q, target, maxLong)
  const rect: Quad = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ]
  const h = homography(rect, q)
  if (!h) throw new RangeError('perspective quad is degenerate')
  const ch = src.channels
  const out = new Uint8Array(width * height * ch)
  const sw = src.width
  const maxX = src.width - 1
  const maxY = src.height - 1
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  for (let v = 0; v < height; v++) {
    const cy = v + 0.5
    for (let u = 0; u < width; u++) {
      const cx = u + 0.5
      const w = h6 * cx + h7 * cy + h8
      const x = Math.min(maxX, Math.max(0, (h0 * cx + h1 * cy + h2) / w - 0.5))
      const y = Math.min(maxY, Math.max(0, (h3 * cx + h4 * cy + h5) / w - 0.5))
      const x0 = Math.floor(x)
      const y0 = Math.floor(y)
      const x1 = Math.min(maxX, x0 + 1)
      const y1 = Math.min(maxY, y0 + 1)
      const fx = x - x0
      const fy = y - y0
      const i00 = (y0 * sw + x0) * ch
      const i01 = (y0 * sw + x1) * ch
      const i10 = (y1 * sw + x0) * ch
      const i11 = (y1 * sw + x1) * ch
      const o = (v * width + u) * ch
      for (let k = 0; k < ch; k++) {
        const top = (src.data[i00 + k] ?? 0) * (1 - fx) + (src.data[i01 + k] ?? 0) * fx
        const bottom = (src.data[i10 + k] ?? 0) * (1 - fx) + (src.data[i11 + k] ?? 0) * fx
        out[o + k] = Math.round(top * (1 - fy) + bottom * fy)
      }
    }
  }
  return { data: out, width, height, channels: ch }
}
