/**
 * The first plan, re-aimed with the final/draft ratio measured on the picture itself
 * (req.calibrate, e.g. on sampled bands) before any final encode is spent.
 */
import { CALIBRATED_FILL, FULL_CHROMA_QUALITY } from './caps'
import type { FitRequest, Plan, Ratio } from './fit-types'
import type { Session } from './fit-session'
import { chooseDraft } from './side-plan'
import { floorAt } from './side-floor'

/** Calibrations per search: the ratio depends on the side, so a changed side is measured again. */
const MAX_CALIBRATIONS = 2

/** Draft plan with the default ratio, then re-aimed with the ratio measured on the picture. */
export async function calibratedPlan(s: Session, req: FitRequest): Promise<Plan> {
  const k0 = req.finalToDraft && req.finalToDraft > 0 ? req.finalToDraft : 1
  let plan = await chooseDraft(s, req, () => k0)
  if (!req.calibrate) return plan
  // Each side keeps its own measured ratio (see recalibrated); a side not sampled yet takes the
  // latest one. Before, the ratio sampled at 3000 px chose a full-size plan that overshot.
  const measured = new Map<number, number>()
  const sampledAt = new Map<number, number>()
  while (measured.size < MAX_CALIBRATIONS && !measured.has(plan.side)) {
    const k = await req.calibrate(plan.side, plan.quality)
    if (!validRatio(k)) return plan
    measured.set(plan.side, k)
    sampledAt.set(plan.side, plan.quality)
    s.noteRatio(plan.side, plan.quality, k)
    const larger = plan
    plan = await reaim(s, req, plan, (side) => measured.get(side) ?? k)
    if (plan.side < larger.side) plan = (await retryAtFloor(s, req, larger, measured, sampledAt)) ?? plan
  }
  const at = sampledAt.get(plan.side)
  const far =
    at !== undefined && (Math.abs(plan.quality - at) >= RESAMPLE_STEPS || otherChroma(plan.quality, at))
  return far ? resampled(s, req, plan) : plan
}

/** A plan this many quality steps away from where its side was sampled is sampled again. */
const RESAMPLE_STEPS = 3

/**
 * A plan on the other side of FULL_CHROMA_QUALITY from its sample is sampled again too: the
 * chroma subsampling changes there, and the ratio with it. On a 2560 px photo the ratio sampled
 * at q95 (4:4:4) predicted q94 (4:2:0) under the cap, where it came out at 102 %: one more final.
 */
const otherChroma = (a: number, b: number): boolean => a >= FULL_CHROMA_QUALITY !== b >= FULL_CHROMA_QUALITY

/**
 * Samples the ratio again at the planned quality and re-aims within the same side on the two
 * sampled points (finalEstimate). On a re-encoded 6 MP JPEG the ratio was 0.95 at q91 and
 * 0.76 at q80: one ratio for the whole curve planned q80 for a 387 kB final.
 */
async function resampled(s: Session, req: FitRequest, plan: Plan): Promise<Plan> {
  if (plan.target < req.maxBytes || !plan.raise) return plan
  const k = await req.calibrate?.(plan.side, plan.quality)
  if (!validRatio(k)) return plan
  s.noteRatio(plan.side, plan.quality, k)
  const lo = Math.min(plan.hi, floorAt(req, plan.side))
  const q = s.finalEstimate(plan.side).predictQuality(req.maxBytes * CALIBRATED_FILL, lo, plan.hi)
  return { ...plan, quality: q }
}

const validRatio = (k: number | undefined): k is number => k !== undefined && k > 0 && Number.isFinite(k)

/**
 * A side given up on a ratio sampled well above its floor quality is sampled again at the floor
 * before it is left. On a JPEG source at its own size the ratio grows with quality (a 2560 px
 * wallpaper saved at q70: 0.86 at q66 but about 0.96 at q79), so the ratio sampled at q79 said
 * full size could not fit at q66, where it fits at 96 % of the cap and beats 2400 px at q76
 * (issue 13, fourth round). One more sample costs 20–45 ms; a lost side costs legibility.
 */
async function retryAtFloor(
  s: Session,
  req: FitRequest,
  larger: Plan,
  measured: Map<number, number>,
  sampledAt: Map<number, number>,
): Promise<Plan | null> {
  const floor = Math.min(larger.hi, floorAt(req, larger.side))
  const at = sampledAt.get(larger.side)
  if (at === undefined || at - floor < RESAMPLE_STEPS) return null
  const k = await req.calibrate?.(larger.side, floor)
  if (!validRatio(k)) return null
  s.noteRatio(larger.side, floor, k)
  measured.set(larger.side, k)
  sampledAt.set(larger.side, floor)
  const again = await reaim(s, req, larger, (side) => measured.get(side) ?? k)
  return again.side >= larger.side ? again : null
}

async function reaim(s: Session, req: FitRequest, plan: Plan, k: Ratio): Promise<Plan> {
  const aimed = await chooseDraft(s, req, (side) => k(side) / CALIBRATED_FILL)
  if (aimed.side >= plan.side) return aimed
  // Giving up resolution is decided with the benefit of the doubt (the sample's error band):
  // a final that then overshoots costs one more encode, a smaller side costs legibility.
  const hopeful = await chooseDraft(s, req, (side) => k(side) * CALIBRATED_FILL)
  return hopeful.side > aimed.side ? hopeful : aimed
}
