/**
 * Rate model for JPEG: log(bytes) is close to linear in quality over short ranges, and bytes
 * scale sub-quadratically with the long side. Used to predict the next trial encode.
 */

/** d ln(bytes) / d quality when only one point is known (typical for q 60–90). */
export const DEFAULT_LOG_SLOPE = 0.035
/** bytes ∝ side^alpha when only one side is known (< 2: detail density grows when downscaling). */
export const DEFAULT_SIDE_EXPONENT = 1.7

type Point = { quality: number; bytes: number }

/** Measured (quality → bytes) points at one long side. */
export class QualityCurve {
  private readonly points = new Map<number, number>()

  get size(): number {
    return this.points.size
  }

  get(quality: number): number | undefined {
    return this.points.get(quality)
  }

  set(quality: number, bytes: number): void {
    this.points.set(quality, bytes)
  }

  sorted(): Point[] {
    return [...this.points]
      .map(([quality, bytes]) => ({ quality, bytes }))
      .sort((a, b) => a.quality - b.quality)
  }

  /** Highest measured quality in [lo, hi] that fits the target. */
  bestFitting(target: number, lo: number, hi: number): Point | null {
    const fit = this.sorted().filter((p) => p.quality >= lo && p.quality <= hi && p.bytes <= target)
    return fit[fit.length - 1] ?? null
  }

  /** Lowest measured quality above `above` (and ≤ hi) that does not fit. */
  lowestOver(target: number, above: number, hi: number): number | null {
    const over = this.sorted().find((p) => p.quality > above && p.quality <= hi && p.bytes > target)
    return over?.quality ?? null
  }

  /** ln(bytes) at a quality, interpolated or extrapolated from the nearest points. */
  predictBytes(quality: number): number | undefined {
    const pts = this.sorted()
    const [a, b] = nearestPair(pts, quality)
    if (!a) return undefined
    const slope = b ? (Math.log(b.bytes) - Math.log(a.bytes)) / (b.quality - a.quality) : DEFAULT_LOG_SLOPE
    const k = Number.isFinite(slope) && slope > 0.002 ? slope : DEFAULT_LOG_SLOPE
    return Math.exp(Math.log(a.bytes) + k * (quality - a.quality))
  }

  /** Integer quality in [lo, hi] predicted to land just under `target` bytes (rounded down). */
  predictQuality(target: number, lo: number, hi: number): number {
    const pts = this.sorted()
    if (pts.length === 0) return lo
    const under = pts.filter((p) => p.bytes <= target)
    const over = pts.filter((p) => p.bytes > target)
    const a = under[under.length - 1]
    const b = over.find((p) => !a || p.quality > a.quality)
    let q: number
    if (a && b) q = a.quality + (b.quality - a.quality) * logFrac(a.bytes, b.bytes, target)
    else {
      const ref = a ?? over[0]
      if (!ref) return lo
      q = ref.quality + (Math.log(target) - Math.log(ref.bytes)) / this.slopeNear(ref.quality)
    }
    return clampInt(Math.floor(q + 1e-9), lo, hi)
  }

  private slopeNear(quality: number): number {
    const [a, b] = nearestPair(this.sorted(), quality)
    if (!a || !b) return DEFAULT_LOG_SLOPE
    const k = (Math.log(b.bytes) - Math.log(a.bytes)) / (b.quality - a.quality)
    return Number.isFinite(k) && k > 0.002 ? k : DEFAULT_LOG_SLOPE
  }
}

function logFrac(lowBytes: number, highBytes: number, target: number): number {
  const span = Math.log(highBytes) - Math.log(lowBytes)
  if (!(span > 0)) return 0
  return Math.min(1, Math.max(0, (Math.log(target) - Math.log(lowBytes)) / span))
}

function nearestPair(pts: Point[], quality: number): [Point | undefined, Point | undefined] {
  const byDistance = [...pts].sort((x, y) => Math.abs(x.quality - quality) - Math.abs(y.quality - quality))
  const [a, b] = byDistance
  if (a && b && a.quality > b.quality) return [b, a]
  return [a, b]
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(v)))
}

/**
 * A predicted curve at `side`, scaled from the nearest measured side. The exponent is fitted
 * from two measured sides when possible; pass `alpha` to force one (2 = pure pixel count).
 */
export function predictAcrossSides(
  measured: Array<{ side: number; curve: QualityCurve }>,
  side: number,
  alpha?: number,
): QualityCurve | null {
  if (measured.length === 0) return null
  const sorted = [...measured].sort(
    (x, y) => Math.abs(Math.log(x.side / side)) - Math.abs(Math.log(y.side / side)),
  )
  const near = sorted[0]
  if (!near) return null
  const exponent = alpha ?? fittedExponent(measured) ?? DEFAULT_SIDE_EXPONENT
  const factor = Math.pow(side / near.side, exponent)
  const out = new QualityCurve()
  for (const p of near.curve.sorted()) out.set(p.quality, p.bytes * factor)
  return out
}

function fittedExponent(measured: Array<{ side: number; curve: QualityCurve }>): number | undefined {
  for (const a of measured) {
    for (const b of measured) {
      if (a.side <= b.side) continue
      for (const p of a.curve.sorted()) {
        const other = b.curve.get(p.quality)
        if (other === undefined) continue
        const e = Math.log(p.bytes / other) / Math.log(a.side / b.side)
        if (Number.isFinite(e)) return Math.min(2.2, Math.max(1, e))
      }
    }
  }
  return undefined
}
