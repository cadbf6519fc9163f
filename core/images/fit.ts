/**
 * Fit-to-cap search: choose the output long side and JPEG quality that give the most legible
 * file not larger than the cap, with as few trial encodes as possible.
 *
 * The encoder is injected, so this is pure and unit-tested with fake rate curves.
 * Two encoder settings are assumed: a cheap "draft" one (libjpeg-turbo, ~10× faster) used to
 * explore the rate curve, and the "final" one (mozjpeg) whose output is returned. Only bytes
 * actually produced by the final encoder and measured ≤ maxBytes are ever returned.
 */
import {
  CLOSE_ENOUGH,
  GOOD_QUALITY,
  MAX_QUALITY,
  RAISE_BELOW,
  RAISE_FILL,
  TARGET_FILL,
  minQualityFor,
  sideLadder,
} from './caps'
import { QualityCurve, predictAcrossSides } from './rate-model'

export type EncodeTrial = { longSide: number; quality: number; draft: boolean }
export type Encoder = (trial: EncodeTrial) => Promise<Uint8Array>

export type FitRequest = {
  /** Upright long side of the source in pixels. */
  longSide: number
  /** Hard cap in bytes: the result is never larger. */
  maxBytes: number
  /** Softer wish (e.g. the size of an already-small source): not exceeded unless quality would drop below GOOD_QUALITY. */
  preferBytes?: number
  /**
   * Expected final/draft size ratio at equal quality (measured ≈ 0.77 for mozjpeg vs the
   * unoptimised draft on photos and documents). The draft search aims at cap / ratio; the
   * real ratio measured on the first final encode then steers any correction. Default 1.
   */
  finalToDraft?: number
  /** Highest quality tried (default MAX_QUALITY), e.g. LOSSLESS_MAX_QUALITY for small screenshots. */
  maxQuality?: number
  encode: Encoder
  /**
   * Measures the final/draft ratio for this picture at a side and quality (e.g. on sampled
   * bands). When given, the draft search is re-aimed with it before the first final encode.
   */
  calibrate?: (longSide: number, quality: number) => Promise<number | undefined>
}

export type FitTrial = EncodeTrial & { bytes: number }
export type FitResult = {
  bytes: Uint8Array
  longSide: number
  quality: number
  encodes: number
  trials: FitTrial[]
}

/** Thrown when not even the smallest side at MIN_QUALITY fits (a cap of a few hundred bytes). */
export class CapUnreachableError extends Error {
  constructor(readonly maxBytes: number) {
    super(`cap ${maxBytes} bytes cannot be reached`)
    this.name = 'CapUnreachableError'
  }
}

type Choice = { side: number; quality: number; bytes: number }
/** A draft choice plus the size the final encode may grow into. */
type Plan = Choice & { target: number; raise: boolean; hi: number }

class Session {
  readonly trials: FitTrial[] = []
  private readonly drafts = new Map<number, QualityCurve>()
  private readonly finals = new Map<string, Uint8Array>()
  /** Sampled final/draft ratios by `side:quality`. */
  private readonly ratios = new Map<string, number>()

  constructor(private readonly encoder: Encoder) {}

  noteRatio(side: number, quality: number, k: number): void {
    this.ratios.set(`${side}:${quality}`, k)
  }

  /**
   * Final sizes at `side` as known so far: measured finals, and draft × sampled ratio where
   * only a calibration was made. The ratio moves with quality on re-encoded JPEG sources
   * (0.76 at q80 but 0.95 at q90 on one 6 MP photo), so two such points predict the next
   * quality better than one ratio applied to the whole draft curve.
   */
  finalEstimate(side: number): QualityCurve {
    const est = new QualityCurve()
    for (const [key, k] of this.ratios) {
      const [sd, q] = key.split(':').map(Number)
      const draft = q === undefined ? undefined : this.curve(side).get(q)
      if (sd === side && q !== undefined && draft !== undefined) est.set(q, draft * k)
    }
    for (const [key, out] of this.finals) {
      const [sd, q] = key.split(':').map(Number)
      if (sd === side && q !== undefined) est.set(q, out.length)
    }
    return est
  }

  curve(side: number): QualityCurve {
    let c = this.drafts.get(side)
    if (!c) {
      c = new QualityCurve()
      this.drafts.set(side, c)
    }
    return c
  }

  measuredSides(): Array<{ side: number; curve: QualityCurve }> {
    return [...this.drafts].filter(([, c]) => c.size > 0).map(([side, curve]) => ({ side, curve }))
  }

  async draft(side: number, quality: number): Promise<number> {
    const known = this.curve(side).get(quality)
    if (known !== undefined) return known
    const out = await this.encoder({ longSide: side, quality, draft: true })
    this.trials.push({ longSide: side, quality, draft: true, bytes: out.length })
    this.curve(side).set(quality, out.length)
    return out.length
  }

  /** Lowest quality whose final at `side` came out over `cap` (Infinity when none). */
  lowestFinalOver(side: number, cap: number): number {
    let q = Infinity
    for (const [key, out] of this.finals) {
      const [sd, ql] = key.split(':').map(Number)
      if (sd === side && ql !== undefined && out.length > cap) q = Math.min(q, ql)
    }
    return q
  }

  async final(side: number, quality: number): Promise<Uint8Array> {
    const key = `${side}:${quality}`
    const known = this.finals.get(key)
    if (known) return known
    const out = await this.encoder({ longSide: side, quality, draft: false })
    this.trials.push({ longSide: side, quality, draft: false, bytes: out.length })
    this.finals.set(key, out)
    return out
  }
}

/** Largest quality in [lo, hi] whose draft fits `target`, or null when even `lo` does not. */
async function searchQuality(
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

/** Expected final/draft size ratio at a long side. */
type Ratio = (side: number) => number

/** Walks the side ladder (largest first) until a side reaches its minimum quality. */
async function chooseDraft(s: Session, req: FitRequest, ratio: Ratio): Promise<Plan> {
  const sides = sideLadder(req.longSide)
  const hi = Math.max(1, Math.min(MAX_QUALITY, req.maxQuality ?? MAX_QUALITY))
  for (const [i, side] of sides.entries()) {
    const k = ratio(side)
    const cap = req.maxBytes / k
    const last = i === sides.length - 1
    const lo = minQualityFor(side, last)
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

/** A raise by one quality step is not worth a second mozjpeg encode. */
const MIN_RAISE_STEP = 2

/**
 * Most final (mozjpeg) encodes spent settling the plan, the first one included. The budget
 * rule below needs at most three in practice (first, one correction, one raise); the fourth
 * covers a raise that overshot. A search that still has no fitting file falls back to
 * finishDownward.
 */
export const MAX_FINALS = 4

type Final = Choice & { out: Uint8Array }
type Next = { side: number; quality: number }

/** Larger side first, then higher quality: the order of legibility the side ladder encodes. */
const better = (a: Choice, b: Choice | null): boolean =>
  !b || a.side > b.side || (a.side === b.side && a.quality > b.quality)

/**
 * Final encodes from the plan until the budget is spent. The rule (issue 13): after any
 * final that fits, the bytes left under the target are spent whenever that improves
 * legibility. A larger side of the ladder comes first, if the final/draft ratio measured at
 * this side predicts it fits at its floor quality; otherwise a higher quality at this side,
 * up to just under the lowest quality already over the cap. It stops when the file holds at
 * least RAISE_BELOW of the target, when no quality step of at least MIN_RAISE_STEP is left,
 * or after MAX_FINALS finals. A final over the cap steps down inside the bracket, then to a
 * smaller side. Earlier, a step down to a smaller side returned its first fitting final at
 * the larger side's quality, and a single raise that overshot ended the search: a 2560×3837
 * photo came out at 341 KB of 512 KB at q80.
 */
async function settle(s: Session, plan: Plan, req: FitRequest): Promise<Final> {
  const target = Math.min(req.maxBytes, plan.target)
  let at: Next = plan
  let best: Final | null = null
  let last: Next = plan
  let ratio = 1
  for (let n = 0; n < MAX_FINALS; n++) {
    const out = await s.final(at.side, at.quality)
    const tried: Final = { side: at.side, quality: at.quality, bytes: out.length, out }
    if (out.length <= req.maxBytes && better(tried, best)) best = tried
    last = at
    ratio = out.length / Math.max(1, await s.draft(at.side, at.quality))
    const next =
      out.length > req.maxBytes
        ? await stepDown(s, req, plan, tried, best, ratio)
        : best && plan.raise && best.bytes < target * RAISE_BELOW
          ? await spend(s, req, plan, best, target, ratio)
          : null
    if (!next) break
    at = next
  }
  return best ?? finishDownward(s, last, req, ratio)
}

/** After a final over the cap: a lower quality above the best fit at this side, or a smaller side. */
async function stepDown(
  s: Session,
  req: FitRequest,
  plan: Plan,
  over: Final,
  best: Final | null,
  ratio: number,
): Promise<Next | null> {
  const sides = sideLadder(req.longSide)
  const lo = minQualityFor(over.side, over.side === sides[sides.length - 1])
  const fit = best && best.side === over.side ? best.quality : lo - 1
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
  if (best) return null
  for (const [i, side] of sides.entries()) {
    if (side >= over.side) continue
    const floor = minQualityFor(side, i === sides.length - 1)
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

/** After a fitting final well under the target: a larger side predicted to fit, else a higher quality. */
async function spend(
  s: Session,
  req: FitRequest,
  plan: Plan,
  best: Final,
  target: number,
  ratio: number,
): Promise<Next | null> {
  const sides = sideLadder(req.longSide)
  for (const [i, side] of sides.entries()) {
    if (side <= best.side) break
    const lo = minQualityFor(side, i === sides.length - 1)
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

/** Rare path (final encoder larger than the draft): step quality, then side, down until it fits. */
async function finishDownward(s: Session, c: Next, req: FitRequest, ratio: number): Promise<Final> {
  const sides = sideLadder(req.longSide).filter((x) => x <= c.side)
  for (const [i, side] of sides.entries()) {
    const lo = minQualityFor(side, i === sides.length - 1)
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

/**
 * Share of the cap a calibrated search aims at: the sampled ratio is within about ±4 % of the
 * whole picture's, so this keeps most first finals under the cap and above RAISE_BELOW.
 */
export const CALIBRATED_FILL = 0.97

/** Calibrations per search: the ratio depends on the side, so a changed side is measured again. */
const MAX_CALIBRATIONS = 2

/** Draft plan with the default ratio, then re-aimed with the ratio measured on the picture. */
async function calibratedPlan(s: Session, req: FitRequest): Promise<Plan> {
  const k0 = req.finalToDraft && req.finalToDraft > 0 ? req.finalToDraft : 1
  let plan = await chooseDraft(s, req, () => k0)
  if (!req.calibrate) return plan
  // Each side keeps its own measured ratio (see recalibrated); a side not sampled yet takes the
  // latest one. Before, the ratio sampled at 3000 px chose a full-size plan that overshot.
  const measured = new Map<number, number>()
  const sampledAt = new Map<number, number>()
  while (measured.size < MAX_CALIBRATIONS && !measured.has(plan.side)) {
    const k = await req.calibrate(plan.side, plan.quality)
    if (k === undefined || !(k > 0) || !Number.isFinite(k)) return plan
    measured.set(plan.side, k)
    sampledAt.set(plan.side, plan.quality)
    s.noteRatio(plan.side, plan.quality, k)
    plan = await reaim(s, req, plan, (side) => measured.get(side) ?? k)
  }
  const at = sampledAt.get(plan.side)
  return at !== undefined && Math.abs(plan.quality - at) >= RESAMPLE_STEPS ? resampled(s, req, plan) : plan
}

/** A plan this many quality steps away from where its side was sampled is sampled again. */
const RESAMPLE_STEPS = 3

/**
 * Samples the ratio again at the planned quality and re-aims within the same side on the two
 * sampled points (finalEstimate). On a re-encoded 6 MP JPEG the ratio was 0.95 at q91 and
 * 0.76 at q80: one ratio for the whole curve planned q80 for a 387 kB final.
 */
async function resampled(s: Session, req: FitRequest, plan: Plan): Promise<Plan> {
  if (plan.target < req.maxBytes || !plan.raise) return plan
  const k = await req.calibrate?.(plan.side, plan.quality)
  if (k === undefined || !(k > 0) || !Number.isFinite(k)) return plan
  s.noteRatio(plan.side, plan.quality, k)
  const sides = sideLadder(req.longSide)
  const lo = Math.min(plan.hi, minQualityFor(plan.side, plan.side === sides[sides.length - 1]))
  const q = s.finalEstimate(plan.side).predictQuality(req.maxBytes * CALIBRATED_FILL, lo, plan.hi)
  return { ...plan, quality: q }
}

async function reaim(s: Session, req: FitRequest, plan: Plan, k: Ratio): Promise<Plan> {
  const aimed = await chooseDraft(s, req, (side) => k(side) / CALIBRATED_FILL)
  if (aimed.side >= plan.side) return aimed
  // Giving up resolution is decided with the benefit of the doubt (the sample's error band):
  // a final that then overshoots costs one more encode, a smaller side costs legibility.
  const hopeful = await chooseDraft(s, req, (side) => k(side) * CALIBRATED_FILL)
  return hopeful.side > aimed.side ? hopeful : aimed
}

/** Runs the search. The returned bytes come from the final encoder and are ≤ maxBytes. */
export async function fitToCap(req: FitRequest): Promise<FitResult> {
  if (!(req.maxBytes > 0)) throw new CapUnreachableError(req.maxBytes)
  const s = new Session(req.encode)
  const plan = await calibratedPlan(s, req)
  const done = await settle(s, plan, req)
  if (done.out.length > req.maxBytes) throw new CapUnreachableError(req.maxBytes)
  return {
    bytes: done.out,
    longSide: done.side,
    quality: done.quality,
    encodes: s.trials.length,
    trials: s.trials,
  }
}
