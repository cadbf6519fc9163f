/**
 * Final (mozjpeg) encodes from the plan until the budget is spent or the cap forces a step
 * down. Only finals measured at or under the cap are ever returned.
 */
import { CALIBRATED_FILL, CLIMB_FILL } from './caps'
import type { Choice, Final, FitRequest, Next, Plan } from './fit-types'
import type { Session } from './fit-session'
import { floorAt } from './side-floor'
import { spendBudget } from './spend-budget'
import { firstFinal } from './step-up-first'
import { finishDownward, stepDown } from './step-down'

/**
 * Most final (mozjpeg) encodes spent settling the plan, the first one included. The budget
 * rule below needs at most three in practice (first, one correction, one raise); the fourth
 * covers a raise that overshot. A search that still has no fitting file falls back to
 * finishDownward.
 */
export const MAX_FINALS = 4

const spareCore = (req: FitRequest): boolean =>
  typeof req.parallelFinals === 'function' ? req.parallelFinals() : req.parallelFinals === true

/** Larger side first, then higher quality: the order of legibility the side ladder encodes. */
const better = (a: Choice, b: Choice | null): boolean =>
  !b || a.side > b.side || (a.side === b.side && a.quality > b.quality)

/**
 * Final encodes from the plan until the budget is spent. The rule (issue 13): after any
 * final that fits, the bytes left under the target are spent whenever that improves
 * legibility (spend-budget.ts). Below RAISE_BELOW of the target, a larger side of the ladder
 * comes first, if the final/draft ratio measured at this side predicts it fits at its floor
 * quality; otherwise a higher quality at this side, up to just under the lowest quality
 * already over the cap. At any fill, the next quality step is tried when a draft predicts its
 * final fits. It stops when no step is predicted to fit, or after MAX_FINALS finals. A final
 * over the cap steps down inside the bracket, then to a smaller side. Earlier, a step down to
 * a smaller side returned its first fitting final at the larger side's quality, and a single
 * raise that overshot ended the search: a 2560×3837 photo came out at 341 KB of 512 KB at q80.
 */
export async function settle(s: Session, plan: Plan, req: FitRequest): Promise<Final> {
  const target = Math.min(req.maxBytes, plan.target)
  let best: Final | null = null
  let last: Next = plan
  let ratio = 1
  // Asked once, when the first final starts: the machine's state then decides for the search.
  const parallel = plan.raise && spareCore(req)
  let at: Next = parallel ? plan : await firstFinal(s, req, plan)
  for (let n = 0; n < MAX_FINALS; n++) {
    // With a spare core, the encode the search most likely asks for after this one is started
    // beside it (speculate), so that encode costs no waiting.
    // This final starts first: the draft that aims the encode beside it is not waited for.
    const encoding = s.final(at.side, at.quality)
    // Awaited below; a failure must not go unhandled while the encode beside is being chosen.
    encoding.catch(() => undefined)
    if (parallel) {
      // After a final at this side, its measured ratio aims better than the sampled one.
      const k = n > 0 && last.side === at.side ? ratio : s.sampledRatio(at.side)
      await speculate(s, req, plan, at, best, target, {
        k,
        usualFill: n === 0 ? CALIBRATED_FILL : CLIMB_FILL,
      })
    }
    const out = await encoding
    await s.finalsIn()
    const tried: Final = { side: at.side, quality: at.quality, bytes: out.length, out }
    if (out.length <= req.maxBytes && better(tried, best)) best = tried
    last = at
    ratio = out.length / Math.max(1, await s.draft(at.side, at.quality))
    const next =
      out.length > req.maxBytes
        ? await stepDown(s, req, plan, tried, best, ratio)
        : best && plan.raise
          ? await spendBudget(s, req, plan, best, target, ratio)
          : null
    if (!next) break
    at = next
  }
  await s.settled()
  if (best && plan.raise && best.quality < plan.hi) best = (await compactStep(s, best, target, ratio)) ?? best
  return best ?? finishDownward(s, last, req, ratio)
}

/**
 * A compact final (progressive, optimised scans) is 1–2.3 % smaller than the usual one at the
 * same quality and pixels; a step the usual final missed by less than this is tried compactly.
 */
export const COMPACT_GAIN = 0.02

/**
 * The step above the best fit, encoded compactly, when its usual final came out (or, not made,
 * is predicted by its draft × the last measured ratio) over the target by less than
 * COMPACT_GAIN. Why: some steps are worth far more than their bytes (mozjpeg's rounded tables):
 * a 2000 px overexposed ID-card photo at q85 scores SSIM@1600 0.9466 against 0.9352 at q84,
 * and its usual q85 final is over the cap while the compact one fits (509 KB). Costs one final
 * at about 1.5× the time, only in that case.
 */
async function compactStep(s: Session, best: Final, target: number, ratio: number): Promise<Final | null> {
  const quality = best.quality + 1
  if (!s.hasCompact(best.side, quality)) {
    const usual = s.finalBytes(best.side, quality) ?? (await s.draft(best.side, quality)) * ratio
    if (usual <= target || usual > target * (1 + COMPACT_GAIN)) return null
  }
  const out = await s.compactFinal(best.side, quality)
  return out.length <= target ? { side: best.side, quality, bytes: out.length, out } : null
}

/** How the encode beside a final is aimed: the final/draft ratio, and the fill a usual step must be under. */
type Aim = { k: number | undefined; usualFill: number }

/**
 * Starts, beside a final, the encode the search most likely asks for next, on a core that would
 * otherwise be idle; its outcome is read later through the session. In this order:
 * - the compact final of the step above, when that step's usual final already missed the target
 *   by less than COMPACT_GAIN (compactStep asks for it once the search ends);
 * - the next quality step's usual final when its draft × the ratio (sampled, or measured on the
 *   last final at this side) predicts it fits: beside the first final as surely as the first
 *   (under CALIBRATED_FILL), later under CLIMB_FILL, the rule nextStep applies next. Its compact
 *   final when it is predicted within the sample's error of the cap or over it by less than
 *   COMPACT_GAIN: on the tuning half (19 searched pictures, issue 13 fifth round) the next step
 *   followed the first final on 13, and in that band its usual final came out at 98.8–102.3 %
 *   of the cap, so a usual step often needed a compact one after it, while the compact one alone
 *   (1–2.3 % smaller) fitted wherever the usual one did;
 * - otherwise the step below, when nothing at this side fits yet and this final is predicted
 *   close enough to the target to miss it (OVERSHOOT_RISK): a final that comes out over the cap
 *   is followed by that step (issue 13, sixth round: of 10 traced pictures, 2 then waited for
 *   it alone, 0.2–0.3 s each).
 */
async function speculate(...round: Parameters<typeof besideEncode>): Promise<void> {
  // Wrapped: an async function returning the encode's promise would wait for the encode itself.
  const beside = await besideEncode(...round)
  // A failure only means it is not there: whoever needs it encodes it again.
  beside?.started.catch(() => undefined)
}

async function besideEncode(
  s: Session,
  req: FitRequest,
  plan: Plan,
  at: Next,
  best: Final | null,
  target: number,
  { k, usualFill }: Aim,
): Promise<{ started: Promise<Uint8Array> } | null> {
  const up = at.quality + 1
  const usualUp = s.finalBytes(at.side, up)
  if (up <= plan.hi && !s.hasCompact(at.side, up)) {
    if (usualUp !== undefined)
      return usualUp > target && usualUp <= target * (1 + COMPACT_GAIN)
        ? { started: s.compactFinal(at.side, up) }
        : null
    if (!s.hasFinal(at.side, up)) {
      // Without a ratio (a picture too small to sample) the step above is the guess.
      const predicted = k === undefined ? 0 : (await s.draft(at.side, up)) * k
      if (predicted <= target * usualFill) return { started: s.final(at.side, up) }
      if (predicted <= target * (1 + COMPACT_GAIN)) return { started: s.compactFinal(at.side, up) }
    }
  }
  const down = at.quality - 1
  const fitsHere = best !== null && best.side === at.side
  if (fitsHere || down < floorAt(req, at.side) || s.hasFinal(at.side, down)) return null
  const predicted = k === undefined ? 0 : (await s.draft(at.side, at.quality)) * k
  return predicted > target * OVERSHOOT_RISK ? { started: s.final(at.side, down) } : null
}

/**
 * A final predicted above this share of the target may come out over it, so the step below is
 * worth starting beside it. The sampled ratio is within 1.2 % at the 90th percentile (worst 3.8 %):
 * a final predicted at 96 % of the target or less practically always fits, and a step below it
 * would only be wasted, or worse, extend the measured curve that aims a raise (on a 6 MP photo at
 * q94 and 84 %, two measured points aimed q95 at 4:4:4, 108 % of the cap: one more final).
 */
export const OVERSHOOT_RISK = 0.965
