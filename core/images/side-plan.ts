/**
 * The draft plan: walks the side ladder, largest first, and takes the first side where a
 * quality at or above the side's floor is predicted (by drafts) to fit the cap.
 */
import { GOOD_QUALITY, MAX_QUALITY, sideLadder } from './caps'
import { CapUnreachableError, type FitRequest, type Plan, type Ratio } from './fit-types'
import type { Session } from './fit-session'
import { searchQuality } from './quality-search'
import { predictAcrossSides } from './rate-model'
import { floorAt } from './side-floor'

/** Walks the side ladder (largest first) until a side reaches its minimum quality. */
export async function chooseDraft(s: Session, req: FitRequest, ratio: Ratio): Promise<Plan> {
  const sides = sideLadder(req.longSide)
  const hi = Math.max(1, Math.min(MAX_QUALITY, req.maxQuality ?? MAX_QUALITY))
  for (const [i, side] of sides.entries()) {
    const k = ratio(side)
    const cap = req.maxBytes / k
    const last = i === sides.length - 1
    const lo = floorAt(req, side)
    if (!last && predictedTooBig(s, side, lo, cap)) continue
    if (i === 0 && req.preferBytes !== undefined && req.preferBytes < req.maxBytes) {
      const floor = Math.min(hi, Math.max(lo, GOOD_QUALITY))
      const soft = await searchQuality(s, side, floor, hi, req.preferBytes / k)
      if (soft) return { ...soft, target: req.preferBytes, raise: true, hi }
      const good = await searchQuality(s, side, floor, floor, cap)
      if (good) return { ...good, target: req.maxBytes, raise: false, hi }
    }
    const hard = await searchQuality(s, side, Math.min(lo, hi), hi, cap)
    if (hard) return { ...hard, target: req.maxBytes, raise: true, hi }
  }
  throw new CapUnreachableError(req.maxBytes)
}

/**
 * Skip a side only when even an optimistic scaling says it cannot fit. Bytes fall faster than
 * the pixel count when downscaling noisy photos (grain averages out: exponents up to ~2.5 were
 * measured), so the exponent used here is deliberately high.
 */
export const SKIP_SIDE_EXPONENT = 2.7

function predictedTooBig(s: Session, side: number, quality: number, maxBytes: number): boolean {
  const guess = predictAcrossSides(s.measuredSides(), side, SKIP_SIDE_EXPONENT)
  const bytes = guess?.predictBytes(quality)
  return bytes !== undefined && bytes > maxBytes * 1.05
}
