/**
 * Draft-level search within one side: the largest quality whose cheap draft encode fits a
 * byte target, found from the side's own rate curve or, before any draft at this side, from
 * the curves of the sides measured so far.
 */
import { CLOSE_ENOUGH, GOOD_QUALITY } from './caps'
import type { Choice } from './fit-types'
import type { Session } from './fit-session'
import { predictAcrossSides } from './rate-model'

/** Largest quality in [lo, hi] whose draft fits `target`, or null when even `lo` does not. */
export async function searchQuality(
  s: Session,
  side: number,
  lo: number,
  hi: number,
  target: number,
): Promise<Choice | null> {
  const curve = s.curve(side)
  let q =
    curve.size > 0 ? curve.predictQuality(target, lo, hi) : predictFromOtherSides(s, side, lo, hi, target)
  for (let round = 0; round < 6; round++) {
    await s.draft(side, q)
    const best = curve.bestFitting(target, lo, hi)
    const over = curve.lowestOver(target, best ? best.quality : lo - 1, hi)
    if (!best) {
      if (over === lo) return null
      q = Math.max(lo, Math.min((over ?? hi + 1) - 1, curve.predictQuality(target, lo, hi)))
      continue
    }
    const done =
      best.quality === hi ||
      best.bytes >= target * CLOSE_ENOUGH ||
      (over !== null && over - best.quality <= 1)
    if (done) break
    const next = curve.predictQuality(target, lo, hi)
    if (next <= best.quality || (over !== null && next >= over)) {
      if (over === null || over - best.quality <= 1) break
      q = best.quality + 1
    } else q = next
  }
  if (!curve.bestFitting(target, lo, hi) && curve.get(lo) === undefined) await s.draft(side, lo)
  const best = curve.bestFitting(target, lo, hi)
  return best ? { side, quality: best.quality, bytes: best.bytes } : null
}

function predictFromOtherSides(s: Session, side: number, lo: number, hi: number, target: number): number {
  const guess = predictAcrossSides(s.measuredSides(), side)
  return guess ? guess.predictQuality(target, lo, hi) : Math.min(hi, Math.max(lo, GOOD_QUALITY))
}
