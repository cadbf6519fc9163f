/**
 * Plain geometry for deskew.ts: corner order, line fits, intersections and the checks a
 * candidate quad must pass before it is believed (aspect, area, convexity, straight edges).
 */
export type Point = { x: number; y: number }
/** Corners clockwise from the top-left: tl, tr, br, bl. */
export type Quad = [Point, Point, Point, Point]

/** A document's real proportions, long side over short side. */
export const ASPECT = { 'id-card': 85.6 / 54, page: Math.SQRT2 } as const
export type DeskewTarget = keyof typeof ASPECT

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y)
const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)

/** Orders four points tl, tr, br, bl (by angle around their centre, starting top-left). */
export function orderQuad(points: readonly Point[]): Quad {
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length
  const sorted = [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx))
  // Clockwise in image coordinates (y down) is increasing atan2; start at min(x + y).
  const start = sorted.reduce(
    (best, p, i) => (p.x + p.y < (sorted[best]?.x ?? 0) + (sorted[best]?.y ?? 0) ? i : best),
    0,
  )
  const q = [0, 1, 2, 3].map((k) => sorted[(start + k) % 4] as Point)
  return [q[0], q[1], q[2], q[3]] as Quad
}

export function quadArea(q: Quad): number {
  let a = 0
  for (let i = 0; i < 4; i++) {
    const p = q[i] as Point
    const n = q[(i + 1) % 4] as Point
    a += p.x * n.y - n.x * p.y
  }
  return Math.abs(a) / 2
}

export const isConvex = (q: Quad): boolean => {
  const signs = q.map((p, i) => Math.sign(cross(p, q[(i + 1) % 4] as Point, q[(i + 2) % 4] as Point)))
  return signs.every((s) => s === signs[0] && s !== 0)
}

/** Long side over short side, each the mean of two opposite edges. */
export function quadAspect(q: Quad): number {
  const w = (dist(q[0], q[1]) + dist(q[3], q[2])) / 2
  const h = (dist(q[0], q[3]) + dist(q[1], q[2])) / 2
  return Math.max(w, h) / Math.max(1e-9, Math.min(w, h))
}

/** Interior angles in degrees. */
export function quadAngles(q: Quad): number[] {
  return q.map((p, i) => {
    const a = q[(i + 3) % 4] as Point
    const b = q[(i + 1) % 4] as Point
    const v1 = { x: a.x - p.x, y: a.y - p.y }
    const v2 = { x: b.x - p.x, y: b.y - p.y }
    const cos = (v1.x * v2.x + v1.y * v2.y) / (Math.hypot(v1.x, v1.y) * Math.hypot(v2.x, v2.y))
    return (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI
  })
}

export type QuadCheck = { ok: true } | { ok: false; reason: string }

/** A plausible photographed document: big enough, not the whole frame, convex, near-rectangular, right proportions. */
export function checkQuad(q: Quad, width: number, height: number, target: DeskewTarget): QuadCheck {
  const frac = quadArea(q) / (width * height)
  if (frac < 0.12) return { ok: false, reason: 'small' }
  if (frac > 0.985) return { ok: false, reason: 'frame' }
  if (!isConvex(q)) return { ok: false, reason: 'concave' }
  if (quadAngles(q).some((a) => a < 60 || a > 120)) return { ok: false, reason: 'angles' }
  const ratio = quadAspect(q) / ASPECT[target]
  if (ratio < 0.9 || ratio > 1.1) return { ok: false, reason: 'aspect' }
  return { ok: true }
}

export type Line = { p: Point; d: Point }

/** Total-least-squares line through points (principal direction), with its RMS distance. */
export function fitLine(points: readonly Point[]): (Line & { rms: number }) | null {
  if (points.length < 5) return null
  const n = points.length
  const mx = points.reduce((s, p) => s + p.x, 0) / n
  const my = points.reduce((s, p) => s + p.y, 0) / n
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (const p of points) {
    sxx += (p.x - mx) ** 2
    sxy += (p.x - mx) * (p.y - my)
    syy += (p.y - my) ** 2
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy)
  const d = { x: Math.cos(theta), y: Math.sin(theta) }
  const rms = Math.sqrt(points.reduce((s, p) => s + ((p.x - mx) * d.y - (p.y - my) * d.x) ** 2, 0) / n)
  return { p: { x: mx, y: my }, d, rms }
}

export function intersect(a: Line, b: Line): Point | null {
  const det = a.d.x * b.d.y - a.d.y * b.d.x
  if (Math.abs(det) < 1e-9) return null
  const t = ((b.p.x - a.p.x) * b.d.y - (b.p.y - a.p.y) * b.d.x) / det
  return { x: a.p.x + t * a.d.x, y: a.p.y + t * a.d.y }
}

/** Distance from p to the segment a–b, and where along it p projects (0..1). */
export function segmentDistance(p: Point, a: Point, b: Point): { d: number; t: number } {
  const vx = b.x - a.x
  const vy = b.y - a.y
  const len2 = vx * vx + vy * vy || 1e-9
  const t = ((p.x - a.x) * vx + (p.y - a.y) * vy) / len2
  const c = Math.max(0, Math.min(1, t))
  return { d: Math.hypot(p.x - (a.x + c * vx), p.y - (a.y + c * vy)), t }
}

/** Output size of the straightened document: its measured long side, at the real aspect. */
export function warpSize(q: Quad, target: DeskewTarget, maxLong: number): { width: number; height: number } {
  const w = (dist(q[0], q[1]) + dist(q[3], q[2])) / 2
  const h = (dist(q[0], q[3]) + dist(q[1], q[2])) / 2
  const long = Math.min(maxLong, Math.max(w, h))
  const short = long / ASPECT[target]
  return w >= h
    ? { width: Math.round(long), height: Math.round(short) }
    : { width: Math.round(short), height: Math.round(long) }
}

export const diagonal = (q: Quad): number => Math.max(dist(q[0], q[2]), dist(q[1], q[3]))
