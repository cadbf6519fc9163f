/**
 * After a final encode over the cap: a lower quality inside the bracket at the same side, or a
 * smaller side re-aimed with the ratio sampled there; and the rare last resort that steps
 * quality and side down with final encodes only.
 */
import { CALIBRATED_FILL, TARGET_FILL, sideLadder } from './caps'
import {
  CapUnreachableError,
  type Choice,
  type Final,
  type FitRequest,
  type Next,
  type Plan,
} from './fit-types'
import type { Session } from './fit-session'
import { searchQuality } from './quality-search'
import { floorAt } from './side-floor'

/** After a final over the cap: a lower quality above the best fit at this side, or a smaller side. */
export async function stepDown(
  s: Session,
  req: FitRequest,
  plan: Plan,
  over: Final,
  best: Final | null,
  ratio: number,
): Promise<Next | null> {
  const sides = sideLadder(req.longSide)
  const lo = floorAt(req, over.side)
  const bestHere = best && best.side === over.side ? best.quality : lo - 1
  // A final encoded beside an earlier one (settle.ts speculate) may already fit in the bracket.
  const measured = s.highestFinalWithin(over.side, req.maxBytes)
  const fit = Math.max(bestHere, measured)
  const top = Math.min(over.quality, s.lowestFinalOver(over.side, req.maxBytes)) - 1
  if (top > fit) {
    const est = s.finalEstimate(over.side)
    if (est.size >= 2) {
      const q = est.predictQuality(req.maxBytes * TARGET_FILL, lo, top)
      return { side: over.side, quality: Math.max(q, fit + 1) }
    }
    if (s.curve(over.side).get(lo) === undefined) await s.draft(over.side, lo)
    const q = s.curve(over.side).predictQuality((req.maxBytes * TARGET_FILL) / ratio, lo, top)
    return { side: over.side, quality: Math.max(q, fit + 1) }
  }
  // Nothing is left to try above it: the measured fit is taken (read back, not encoded again).
  if (measured > bestHere && measured >= lo) return { side: over.side, quality: measured }
  if (best) return null
  for (const side of sides) {
    if (side >= over.side) continue
    const floor = floorAt(req, side)
    const c = await searchQuality(s, side, floor, plan.hi, (req.maxBytes * CALIBRATED_FILL) / ratio)
    if (c) return (await recalibrated(s, req, plan, c, floor)) ?? c
  }
  return null
}

/**
 * The ratio measured at a larger side says little about a smaller one (a JPEG source at its
 * own size keeps its block grid: 0.92 there against 0.86 at 3000 px on one photo), so a new
 * side is re-aimed with the ratio sampled at that side, when the encoder can sample it.
 */
async function recalibrated(s: Session, req: FitRequest, plan: Plan, c: Choice, floor: number) {
  const k = await req.calibrate?.(c.side, c.quality)
  if (k === undefined || !(k > 0) || !Number.isFinite(k)) return null
  s.noteRatio(c.side, c.quality, k)
  return searchQuality(s, c.side, floor, plan.hi, (req.maxBytes * CALIBRATED_FILL) / k)
}

/** Rare path (final encoder larger than the draft): step quality, then side, down until it fits. */
export async function finishDownward(s: Session, c: Next, req: FitRequest, ratio: number): Promise<Final> {
  const sides = sideLadder(req.longSide).filter((x) => x <= c.side)
  for (const side of sides) {
    const lo = floorAt(req, side)
    let q = side === c.side ? c.quality - 1 : Math.max(lo, c.quality)
    if (side === c.side) {
      await s.draft(side, lo)
      q = Math.min(q, s.curve(side).predictQuality((req.maxBytes * TARGET_FILL) / ratio, lo, q))
    }
    for (; q >= lo; q = q > lo ? Math.max(lo, q - 4) : lo - 1) {
      const out = await s.final(side, q)
      if (out.length <= req.maxBytes) return { side, quality: q, bytes: out.length, out }
    }
  }
  throw new CapUnreachableError(req.maxBytes)
}
