/**
 * After a final that fits well under the target: spend the bytes left on a larger side, else
 * on a higher quality (the budget rule of settle.ts).
 */
import { CALIBRATED_FILL, RAISE_FILL, sideLadder } from './caps'
import type { Final, FitRequest, Next, Plan } from './fit-types'
import type { Session } from './fit-session'
import { searchQuality } from './quality-search'
import { floorAt } from './side-floor'

/** A raise by one quality step is not worth a second mozjpeg encode. */
const MIN_RAISE_STEP = 2

/** After a fitting final well under the target: a larger side predicted to fit, else a higher quality. */
export async function spend(
  s: Session,
  req: FitRequest,
  plan: Plan,
  best: Final,
  target: number,
  ratio: number,
): Promise<Next | null> {
  const sides = sideLadder(req.longSide)
  for (const side of sides) {
    if (side <= best.side) break
    const lo = floorAt(req, side)
    if (s.lowestFinalOver(side, req.maxBytes) <= lo) continue
    if ((await s.draft(side, lo)) * ratio > target * CALIBRATED_FILL) continue
    const c = await searchQuality(s, side, lo, plan.hi, (target * CALIBRATED_FILL) / ratio)
    if (c) return c
  }
  const top = Math.min(plan.hi, s.lowestFinalOver(best.side, req.maxBytes) - 1)
  if (top <= best.quality) return null
  const est = s.finalEstimate(best.side)
  if (est.size < 2) {
    if (top < best.quality + MIN_RAISE_STEP) return null
    const q = await raiseQuality(s, best.side, best.quality, top, (target * RAISE_FILL) / ratio)
    return q >= best.quality + MIN_RAISE_STEP ? { side: best.side, quality: q } : null
  }
  // Measured points bracket the next quality well enough that one step is worth a final when
  // it is predicted to fit at all: steps are large on some sources (+13 % from q89 to q90 on a
  // 20 MP photo, which stopped at 86 % of the cap). A miss costs one final; the fit is kept.
  const q = est.predictQuality(target * RAISE_FILL, best.quality, top)
  if (q > best.quality) return { side: best.side, quality: q }
  const next = est.predictBytes(best.quality + 1)
  return next !== undefined && next <= target ? { side: best.side, quality: best.quality + 1 } : null
}

/**
 * Quality to retry the final encode at, aiming the draft curve at `goal` (the target in draft
 * bytes). One extra draft near the guess calibrates it first: a failed raise costs a whole
 * mozjpeg encode, a draft about a tenth of that.
 */
async function raiseQuality(
  s: Session,
  side: number,
  from: number,
  top: number,
  goal: number,
): Promise<number> {
  const curve = s.curve(side)
  const guess = curve.predictQuality(goal, from, top)
  if (guess < from + MIN_RAISE_STEP) return from
  if ((await s.draft(side, guess)) <= goal) return guess
  return curve.predictQuality(goal, from, guess - 1)
}
