/**
 * Fit-to-cap search: choose the output long side and JPEG quality that give the most legible
 * file not larger than the cap, with as few trial encodes as possible.
 *
 * The encoder is injected, so this is pure and unit-tested with fake rate curves.
 * Two encoder settings are assumed: a cheap "draft" one (libjpeg-turbo, ~10× faster) used to
 * explore the rate curve, and the "final" one (mozjpeg) whose output is returned. Only bytes
 * actually produced by the final encoder and measured ≤ maxBytes are ever returned.
 *
 * The parts, in the order they run:
 * - detail.ts: how much of a large picture's detail is real, which sets its large-side floors;
 * - side-plan.ts: the draft plan (the side ladder walked largest first, floors of side-floor.ts);
 * - calibrated-plan.ts: the plan re-aimed with the final/draft ratio measured on the picture;
 * - settle.ts: final encodes until the budget is spent (spend-budget.ts) or the cap forces a
 *   step down (step-down.ts);
 * - fit-session.ts keeps every encode made, quality-search.ts searches one side's drafts.
 */
import { calibratedPlan } from './calibrated-plan'
import { detailExponent } from './detail'
import { CapUnreachableError, type FitRequest, type FitResult } from './fit-types'
import { Session } from './fit-session'
import { settle } from './settle'

export { CALIBRATED_FILL } from './caps'
export {
  CapUnreachableError,
  type EncodeTrial,
  type Encoder,
  type FitRequest,
  type FitResult,
  type FitTrial,
} from './fit-types'
export { MAX_FINALS } from './settle'
export { SKIP_SIDE_EXPONENT } from './side-plan'

/** Runs the search. The returned bytes come from the final encoder and are ≤ maxBytes. */
export async function fitToCap(req: FitRequest): Promise<FitResult> {
  if (!(req.maxBytes > 0)) throw new CapUnreachableError(req.maxBytes)
  const s = new Session(req.encode)
  const detail = req.detailExponent ?? (await detailExponent(s, req))
  const r: FitRequest = detail === undefined ? req : { ...req, detailExponent: detail }
  const plan = await calibratedPlan(s, r)
  const done = await settle(s, plan, r)
  if (done.out.length > req.maxBytes) throw new CapUnreachableError(req.maxBytes)
  return {
    bytes: done.out,
    longSide: done.side,
    quality: done.quality,
    encodes: s.trials.length,
    trials: s.trials,
  }
}
