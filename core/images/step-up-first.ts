/**
 * Without a spare core: the first final at the step above the plan, when that step is predicted
 * under CLIMB_FILL.
 */
import { CLIMB_FILL } from './caps'
import type { FitRequest, Next, Plan } from './fit-types'
import type { Session } from './fit-session'

/**
 * The step above is aimed at only when the ratio was sampled this close to it. Between samples
 * far apart the estimate is an interpolation: on a JPEG photo at its own size, sampled at q80
 * (0.76) and q90 (0.95), it put q86 under CLIMB_FILL, and q86 came out at 107 %.
 */
const NEAR_SAMPLE = 2

/**
 * The first final to encode when no core is spare: the step above the plan when it is predicted
 * under CLIMB_FILL, the bar the search's climb applies once a final is measured (spend-budget.ts
 * nextStep); otherwise the plan. The side is chosen at CALIBRATED_FILL, which leaves room for the
 * sample's error; within it, a plan at 92–96 % of the cap was followed by that climb anyway, at
 * the cost of one more final. On 37 corpus pictures compressed without a spare core it made the
 * same files with 67.2 final-encode units instead of 74.2 (a compact final counted as 1.4; issue
 * 13, sixth round). With a spare core the step above is encoded beside the first final instead
 * (settle.ts speculate), which costs no waiting; there a first final one step up, when it
 * overshot, left the step below it for a round of its own.
 */
export async function firstFinal(s: Session, req: FitRequest, plan: Plan): Promise<Next> {
  const up = plan.quality + 1
  if (!plan.raise || up > plan.hi || plan.target < req.maxBytes) return plan
  if (!s.sampledQualities(plan.side).some((q) => Math.abs(q - up) <= NEAR_SAMPLE)) return plan
  const est = s.finalEstimate(plan.side)
  const predicted = est.size >= 2 ? est.predictBytes(up) : undefined
  const k = s.sampledRatio(plan.side)
  const bytes = predicted ?? (k === undefined ? undefined : (await s.draft(plan.side, up)) * k)
  return bytes !== undefined && bytes <= req.maxBytes * CLIMB_FILL ? { side: plan.side, quality: up } : plan
}
