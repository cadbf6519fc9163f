/**
 * After a final that fits: spend the bytes left on a larger side or a higher quality when well
 * under the target, and on the next quality step whenever it is predicted to fit (the budget
 * rule of settle.ts).
 */
import { CALIBRATED_FILL, CLIMB_FILL, RAISE_BELOW, RAISE_FILL, sideLadder } from './caps'
import type { Final, FitRequest, Next, Plan } from './fit-types'
import type { Session } from './fit-session'
import { searchQuality } from './quality-search'
import { floorAt } from './side-floor'

/**
 * Below RAISE_BELOW the bytes left are worth a multi-step raise (or a larger side) aimed by
 * the curve; a single step is left to nextStep, which checks it with a draft first.
 */
const MIN_RAISE_STEP = 2

/**
 * The budget rule of settle.ts, after a final that fits: well under the target (below
 * RAISE_BELOW), a larger side or a raise of several steps; then, at any fill, the next quality
 * step when it is predicted to fit.
 */
export async function spendBudget(
  s: Session,
  req: FitRequest,
  plan: Plan,
  best: Final,
  target: number,
  ratio: number,
): Promise<Next | null> {
  if (best.bytes < target * RAISE_BELOW) {
    const next = await spend(s, req, plan, best, target, ratio)
    // The step above encoded compactly beside the first final is settled by compactStep (settle.ts):
    // its usual final is never smaller, so encoding it too can only repeat the answer.
    const compactCovers = next?.side === best.side && next.quality === best.quality + 1
    if (next && !(compactCovers && s.hasCompact(best.side, next.quality))) return next
  }
  return nextStep(s, req, plan, best, target, ratio)
}

/**
 * One quality step up at the best fit's side, when its final is predicted to fit: the step's
 * draft × the final/draft ratio just measured on this side, under CLIMB_FILL of the target
 * (caps.ts says how close that prediction is). One step per final, so each prediction starts
 * from a freshly measured ratio: the ratio drifts with quality (up to 2 % per step on a JPEG
 * source at its own size), and a climb of several steps on one ratio overshot.
 * Why at any fill: a step can be worth far more than its bytes. mozjpeg's tables are scaled
 * per quality and rounded, so some steps round many coefficients at once: on a 12 MP ID-card
 * photo at 2400 px, q86 → q87 is +8 % bytes (464 → 501 KB of 512) and SSIM@1600 0.9644 →
 * 0.9679, where a step is usually worth ≈ 0.0005; the search had stopped at 92 % of the cap.
 * The draft costs about a tenth of a final.
 */
export async function nextStep(
  s: Session,
  req: FitRequest,
  plan: Plan,
  best: Final,
  target: number,
  ratio: number,
): Promise<Next | null> {
  const quality = best.quality + 1
  const top = Math.min(plan.hi, s.lowestFinalOver(best.side, req.maxBytes) - 1)
  if (quality > top) return null
  // Its compact final was started beside the first final: compactStep settles this step.
  if (s.hasCompact(best.side, quality)) return null
  // Encoded already (beside the first final): its real size decides.
  if (s.hasFinal(best.side, quality))
    return (await s.final(best.side, quality)).length <= target ? { side: best.side, quality } : null
  const predicted = (await s.draft(best.side, quality)) * ratio
  return predicted <= target * CLIMB_FILL ? { side: best.side, quality } : null
}

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
