import { describe, expect, it } from 'vitest'
import {
  FLOOR_QUALITY,
  GOOD_QUALITY,
  LEGIBLE_LONG_SIDE,
  MAX_QUALITY,
  MIN_QUALITY,
  minQualityFor,
  sideLadder,
} from '../../../core/images/caps'
import { CapUnreachableError, MAX_FINALS, fitToCap, type EncodeTrial } from '../../../core/images/fit'

type Curve = (t: EncodeTrial) => number

/** bytes = c · (side/1000)^alpha · e^{k(q-80)}, final encodes `finalRatio` × the draft. */
const rate =
  (c: number, o: { alpha?: number; k?: number; finalRatio?: number; floor?: number } = {}): Curve =>
  ({ longSide, quality, draft }) => {
    const bytes = c * Math.pow(longSide / 1000, o.alpha ?? 1.8) * Math.exp((o.k ?? 0.045) * (quality - 80))
    return Math.max(o.floor ?? 300, Math.round(draft ? bytes : bytes * (o.finalRatio ?? 0.93)))
  }

/** A compact final (progressive, optimised scans) comes out this much smaller, as measured (1–2.3 %). */
const COMPACT_SAVING = 0.985

function fake(curve: Curve) {
  const trials: EncodeTrial[] = []
  const encode = async (t: EncodeTrial) => {
    trials.push(t)
    return new Uint8Array(t.compact ? Math.round(curve(t) * COMPACT_SAVING) : curve(t))
  }
  return { encode, trials }
}

const CAP = 512_000

/** The usual final (mozjpeg) encodes a search made, in order (a compact one is counted apart). */
const finalsOf = (trials: readonly EncodeTrial[]) => trials.filter((t) => !t.draft && !t.compact)

describe('fitToCap', () => {
  it('keeps full resolution and raises quality when the image is small', async () => {
    const f = fake(rate(20_000))
    const r = await fitToCap({ longSide: 1200, maxBytes: CAP, encode: f.encode })
    expect(r.longSide).toBe(1200)
    expect(r.quality).toBe(MAX_QUALITY)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    expect(r.encodes).toBeLessThanOrEqual(3)
  })

  it('prefers ~3000 px at good quality over full 4000 px at poor quality', async () => {
    // 4000 px at q80 ≈ 790 kB (full resolution would need q≈70); 3000 px at q80 ≈ 470 kB.
    const f = fake(rate(65_000))
    const r = await fitToCap({ longSide: 4000, maxBytes: CAP, encode: f.encode })
    expect(r.longSide).toBe(3000)
    expect(r.quality).toBeGreaterThanOrEqual(GOOD_QUALITY)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    expect(r.bytes.length).toBeGreaterThan(CAP * 0.85)
    // Drafts find the side; after the first final, finals only climb single steps that fit.
    const finals = finalsOf(r.trials)
    expect(finals.length).toBeLessThanOrEqual(3)
    expect(finals.every((t, i) => i === 0 || t.quality === (finals[i - 1]?.quality ?? 0) + 1)).toBe(true)
    // Two of the drafts measure the detail exponent (3000 and 2400 px at q85); the search reuses the first.
    expect(r.encodes).toBeLessThanOrEqual(10)
  })

  it('uses full resolution when it fits at good quality', async () => {
    const f = fake(rate(25_000))
    const r = await fitToCap({ longSide: 4000, maxBytes: CAP, encode: f.encode })
    expect(r.longSide).toBe(4000)
    expect(r.quality).toBeGreaterThanOrEqual(GOOD_QUALITY)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
  })

  it('never asks for more pixels than the source has', async () => {
    const f = fake(rate(500_000))
    await fitToCap({ longSide: 2200, maxBytes: CAP, encode: f.encode })
    for (const t of f.trials) expect(t.longSide).toBeLessThanOrEqual(2200)
  })

  it('survives a non-monotone rate curve and still returns ≤ cap', async () => {
    const base = rate(60_000)
    const jitter: Curve = (t) => Math.round(base(t) * (t.quality % 2 === 0 ? 1.06 : 0.95))
    const f = fake(jitter)
    const r = await fitToCap({ longSide: 4000, maxBytes: CAP, encode: f.encode })
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    expect(r.quality).toBeGreaterThanOrEqual(GOOD_QUALITY)
  })

  it('steps down when the final encoder comes out larger than the draft', async () => {
    const f = fake(rate(60_000, { finalRatio: 1.3 }))
    const r = await fitToCap({ longSide: 4000, maxBytes: CAP, encode: f.encode })
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    const finals = finalsOf(f.trials).map((t) => rate(60_000, { finalRatio: 1.3 })(t))
    expect(finals.some((bytes) => bytes > CAP)).toBe(true)
  })

  it('falls back below the legible side only with quality ≥ FLOOR, then to MIN on the last side', async () => {
    const f = fake(rate(900_000))
    const r = await fitToCap({ longSide: 4000, maxBytes: 60_000, encode: f.encode })
    expect(r.bytes.length).toBeLessThanOrEqual(60_000)
    expect(r.longSide).toBeLessThan(LEGIBLE_LONG_SIDE)
    expect(r.quality).toBeGreaterThanOrEqual(FLOOR_QUALITY)
  })

  it('reaches a tiny cap on the smallest side at MIN quality', async () => {
    const f = fake(rate(900_000, { floor: 50 }))
    const r = await fitToCap({ longSide: 4000, maxBytes: 1_000, encode: f.encode })
    expect(r.bytes.length).toBeLessThanOrEqual(1_000)
    expect(r.quality).toBeGreaterThanOrEqual(MIN_QUALITY)
  })

  it('throws CapUnreachableError when nothing fits', async () => {
    const f = fake(() => 700)
    await expect(fitToCap({ longSide: 4000, maxBytes: 500, encode: f.encode })).rejects.toBeInstanceOf(
      CapUnreachableError,
    )
    await expect(fitToCap({ longSide: 10, maxBytes: 0, encode: f.encode })).rejects.toBeInstanceOf(
      CapUnreachableError,
    )
  })

  it('does not grow an already-small source beyond its size when quality allows', async () => {
    const f = fake(rate(40_000))
    const r = await fitToCap({ longSide: 1280, maxBytes: CAP, preferBytes: 60_000, encode: f.encode })
    expect(r.bytes.length).toBeLessThanOrEqual(60_000)
    expect(r.quality).toBeGreaterThanOrEqual(GOOD_QUALITY)
    expect(r.longSide).toBe(1280)
  })

  it('exceeds the preferred size only to keep GOOD quality, never the cap', async () => {
    const f = fake(rate(200_000))
    const r = await fitToCap({ longSide: 1280, maxBytes: CAP, preferBytes: 30_000, encode: f.encode })
    expect(r.quality).toBe(GOOD_QUALITY)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    expect(r.bytes.length).toBeGreaterThan(30_000)
  })

  it('never tries a quality above maxQuality', async () => {
    const f = fake(rate(20_000))
    const r = await fitToCap({ longSide: 1200, maxBytes: CAP, maxQuality: 97, encode: f.encode })
    expect(r.quality).toBe(97)
    expect(Math.max(...f.trials.map((t) => t.quality))).toBe(97)
  })

  it('re-aims with the calibrated ratio: one final encode where a wrong default needs more', async () => {
    // The true final/draft ratio is 0.62; with the default guess (0.9) the search's first final
    // is at its floor quality, two thirds of the cap, and it then spends the rest in more finals;
    // calibrated, the first final is within a step of the cap.
    const curve = rate(300_000, { finalRatio: 0.62 })
    const plain = fake(curve)
    const p = await fitToCap({ longSide: 2000, maxBytes: CAP, finalToDraft: 0.9, encode: plain.encode })
    const withCal = fake(curve)
    const calibrate = async () => 0.62
    const c = await fitToCap({
      longSide: 2000,
      maxBytes: CAP,
      finalToDraft: 0.9,
      encode: withCal.encode,
      calibrate,
    })
    const [plainFirst, calFirst] = [finalsOf(plain.trials)[0], finalsOf(withCal.trials)[0]]
    expect(plainFirst && curve(plainFirst)).toBeLessThan(CAP * 0.75)
    expect(calFirst && curve(calFirst)).toBeGreaterThan(CAP * 0.9)
    expect(finalsOf(withCal.trials)).toHaveLength(1)
    expect(finalsOf(plain.trials).length).toBeGreaterThan(1)
    expect(c.bytes.length).toBeLessThanOrEqual(CAP)
    expect(c.bytes.length).toBeGreaterThan(CAP * 0.9)
    // Uncalibrated, the 1600 px final leaves a third of the cap: the budget rule takes 2000 px back.
    expect([p.longSide, c.longSide]).toEqual([2000, 2000])
    expect(p.bytes.length).toBeGreaterThan(CAP * 0.9)
  })

  it('holds the cap when the calibration is badly wrong (too optimistic)', async () => {
    const f = fake(rate(300_000, { finalRatio: 1.1 }))
    const r = await fitToCap({ longSide: 3000, maxBytes: CAP, encode: f.encode, calibrate: async () => 0.6 })
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
  })

  it('holds the cap on 300 random rate curves', async () => {
    let seed = 42
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 300; i++) {
      const curve = rate(5_000 + rnd() * 400_000, {
        alpha: 1.2 + rnd(),
        k: 0.02 + rnd() * 0.05,
        finalRatio: 0.8 + rnd() * 0.4,
      })
      const noisy: Curve = (t) => Math.round(curve(t) * (0.94 + rnd() * 0.12))
      const f = fake(noisy)
      const longSide = 300 + Math.round(rnd() * 6000)
      const maxBytes = 50_000 + Math.round(rnd() * 600_000)
      const r = await fitToCap({ longSide, maxBytes, encode: f.encode })
      expect(r.bytes.length).toBeLessThanOrEqual(maxBytes)
      expect(r.longSide).toBeLessThanOrEqual(longSide)
      expect(f.trials.length).toBe(r.encodes)
      expect(r.encodes).toBeLessThanOrEqual(30)
    }
  })
})

/**
 * A 2560×3837 wallpaper photo (a JPEG at its own size): drafts 573 kB at full size q80 and
 * 398 kB at 3000 px q80, +4.2 % per quality step; mozjpeg makes 0.923 of the draft at full
 * size (the source's block grid) but 0.857 at 3000 px, and the sampled bands read 0.879 / 0.852.
 */
const portraitPhoto = (t: EncodeTrial): number => {
  const full = t.longSide >= 3837
  const draft = 78_200 * Math.pow(t.longSide / 1000, 1.48) * Math.exp(0.042 * (t.quality - 80))
  return Math.round(t.draft ? draft : draft * (full ? 0.923 : 0.857))
}
const portraitBands = async (longSide: number) => (longSide >= 3837 ? 0.879 : 0.852)

/** The final (mozjpeg) encodes a search made, in order. */

/** Bytes of the final encode one fake would return, without counting it as a trial. */
const finalBytes = (curve: Curve, longSide: number, quality: number) =>
  curve({ longSide, quality, draft: false })

describe('fitToCap spends the budget (issue 13)', () => {
  it('does not stop at q80 on the smaller side after the full size overshot', async () => {
    // Before the fix: full size q80 overshot (528 kB), the search fell to 3000 px at the same
    // q80 and returned its first fitting final, 341 kB (67 % of the cap).
    const f = fake(portraitPhoto)
    const r = await fitToCap({
      longSide: 3837,
      maxBytes: CAP,
      finalToDraft: 0.76,
      encode: f.encode,
      calibrate: portraitBands,
    })
    expect(r.longSide).toBe(3000)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    expect(r.bytes.length).toBeGreaterThanOrEqual(CAP * 0.9)
    expect(r.quality).toBeGreaterThan(GOOD_QUALITY + 4)
    expect(finalBytes(portraitPhoto, 3837, GOOD_QUALITY)).toBeGreaterThan(CAP)
    expect(finalsOf(f.trials).length).toBeLessThanOrEqual(MAX_FINALS)
  })

  it('aims each side with the ratio sampled at that side: no final over the cap', async () => {
    // Sampled on 16-row-aligned bands the ratios are right (0.923 full size, 0.857 at 3000 px);
    // applying the 3000 px ratio to the full size chose a full-size final that overshot.
    const f = fake(portraitPhoto)
    const calibrate = async (longSide: number) => (longSide >= 3837 ? 0.923 : 0.857)
    const r = await fitToCap({
      longSide: 3837,
      maxBytes: CAP,
      finalToDraft: 0.76,
      encode: f.encode,
      calibrate,
    })
    const finals = finalsOf(f.trials)
    expect(finals[0]?.longSide).toBe(3000)
    expect(finals.every((t) => finalBytes(portraitPhoto, t.longSide, t.quality) <= CAP)).toBe(true)
    expect(r.longSide).toBe(3000)
    // Spent to within one quality step (≈ 4.3 % here) of the cap.
    expect(finalBytes(portraitPhoto, 3000, r.quality + 1)).toBeGreaterThan(CAP * 0.985)
    expect(r.bytes.length).toBeGreaterThanOrEqual(CAP * 0.9)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
  })

  it('follows a final/draft ratio that moves with quality (a re-encoded JPEG at its own size)', async () => {
    // 2056×3088: drafts 510 kB at q80, +2.3 % per step; mozjpeg makes 0.76 of the draft at q80
    // but 0.95 at q90. With one ratio for the whole curve the real photo ended at q81, 396 kB,
    // after 4 finals (a raise to q90 overshot), and this model at 426 kB.
    const ratioAt = (q: number) => Math.min(0.95, 0.76 + 0.019 * (q - 80))
    const curve: Curve = (t) => {
      const draft = 509_700 * Math.pow(t.longSide / 3088, 1.6) * Math.exp(0.0229 * (t.quality - 80))
      return Math.round(t.draft ? draft : draft * ratioAt(t.quality))
    }
    const f = fake(curve)
    const calibrate = async (_side: number, quality: number) => ratioAt(quality)
    const r = await fitToCap({
      longSide: 3088,
      maxBytes: CAP,
      finalToDraft: 0.76,
      encode: f.encode,
      calibrate,
    })
    expect(r.longSide).toBe(3088)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    expect(r.bytes.length).toBeGreaterThanOrEqual(CAP * 0.9)
    expect(finalsOf(f.trials).length).toBeLessThanOrEqual(2)
  })

  it('retries inside the bracket when a raise overshoots', async () => {
    // The final/draft ratio climbs with quality (0.6 at q80, 0.84 at q92), so a raise aimed
    // with the ratio measured at the first final lands over the cap.
    const curve: Curve = (t) => {
      const draft = 90_000 * Math.pow(t.longSide / 1000, 1.8) * Math.exp(0.04 * (t.quality - 80))
      return Math.round(t.draft ? draft : draft * (0.6 + 0.02 * Math.max(0, t.quality - 80)))
    }
    const f = fake(curve)
    const r = await fitToCap({ longSide: 3000, maxBytes: CAP, encode: f.encode, calibrate: async () => 0.6 })
    const finals = finalsOf(f.trials)
    expect(finals.some((t) => curve(t) > CAP)).toBe(true)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    expect(r.bytes.length).toBeGreaterThanOrEqual(CAP * 0.9)
    expect(finals.length).toBeLessThanOrEqual(MAX_FINALS)
  })

  it('takes a quality step whose final fits even above 90 % of the cap (a rounding cliff)', async () => {
    // mozjpeg's rounded tables make some steps large: here q86 → q87 costs +8 % (as on a 12 MP
    // ID-card photo at 2400 px), every other step +4 %. The first final lands at 92 % of the cap.
    const cliff: Curve = (t) => {
      const jump = t.quality >= 87 ? 1.0625 / 1.04 : 1
      const draft = 605_000 * Math.pow(t.longSide / 2400, 2) * Math.pow(1.04, t.quality - 86) * jump
      return Math.round(t.draft ? draft : draft * 0.78)
    }
    const f = fake(cliff)
    // The sampled ratio is a little high (bands are within about ±4 % of the picture's), so the
    // first final aims one step short of the cliff.
    const calibrate = async () => 0.8
    const r = await fitToCap({
      longSide: 2400,
      maxBytes: CAP,
      finalToDraft: 0.78,
      encode: f.encode,
      calibrate,
    })
    expect(finalsOf(f.trials)[0]?.quality).toBe(86)
    expect(finalBytes(cliff, 2400, 86)).toBeGreaterThan(CAP * 0.9)
    expect(finalBytes(cliff, 2400, 87)).toBeLessThanOrEqual(CAP * 0.985)
    expect(r.longSide).toBe(2400)
    expect(r.quality).toBe(87)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
  })

  it('with a spare core, encodes the next step beside the first final and keeps it when it fits', async () => {
    const curve = rate(65_000)
    const alone = fake(curve)
    const r1 = await fitToCap({ longSide: 4000, maxBytes: CAP, encode: alone.encode })
    const spare = fake(curve)
    const r2 = await fitToCap({ longSide: 4000, maxBytes: CAP, encode: spare.encode, parallelFinals: true })
    // Same answer; the step beside the first final replaced the climb's draft-predicted final.
    expect([r2.longSide, r2.quality]).toEqual([r1.longSide, r1.quality])
    // The first two finals (in the order they finished) are the planned quality and the next.
    const pair = finalsOf(spare.trials)
      .slice(0, 2)
      .map((t) => t.quality)
      .sort((a, b) => a - b)
    expect(pair[1]).toBe((pair[0] ?? 0) + 1)
    expect(r2.bytes.length).toBeLessThanOrEqual(CAP)
    // Nothing is still encoding once the search has answered.
    const n = spare.trials.length
    await new Promise((done) => setTimeout(done, 10))
    expect(spare.trials).toHaveLength(n)
  })

  it('asks whether a core is free when the first final starts, after the drafts', async () => {
    const curve = rate(65_000)
    for (const free of [true, false]) {
      const f = fake(curve)
      const asked: number[] = []
      const r = await fitToCap({
        longSide: 4000,
        maxBytes: CAP,
        encode: f.encode,
        parallelFinals: () => {
          asked.push(f.trials.length)
          return free
        },
      })
      // Asked once, once the drafts were made and before any final.
      expect(asked).toHaveLength(1)
      expect(asked[0]).toBeGreaterThan(0)
      expect(f.trials.slice(0, asked[0]).every((t) => t.draft)).toBe(true)
      // Free: the next step's final starts right beside the first, before it has answered.
      // Not free: the first final is followed by drafts that aim the next one.
      const first = f.trials.findIndex((t) => !t.draft)
      const [a, b] = [f.trials[first], f.trials[first + 1]]
      expect(b?.draft).toBe(!free)
      if (free) expect(Math.abs((a?.quality ?? 0) - (b?.quality ?? 0))).toBe(1)
      expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    }
  })

  it('without a spare core, aims the first final one step up when that step is predicted under CLIMB_FILL', async () => {
    // The sampled ratio a little low (0.9, true 0.93): q is at 97.6 % of the cap and q+1, predicted
    // at 98.8 %, comes out at 102 %.
    const curve = rate(65_000)
    const calibrate = async () => 0.9
    // The draft plan aimed with the same ratio: the ratio is sampled where the plan lands.
    const req = { longSide: 3000, maxBytes: CAP, finalToDraft: 0.9, calibrate }
    const alone = fake(curve)
    const r = await fitToCap({ ...req, encode: alone.encode, parallelFinals: false })
    // Alone, the search starts at q+1 and steps down to q.
    expect(finalsOf(alone.trials).map((t) => t.quality)).toEqual([r.quality + 1, r.quality])
    expect(finalBytes(curve, 3000, r.quality + 1)).toBeGreaterThan(CAP)
    expect(finalBytes(curve, 3000, r.quality)).toBeGreaterThan(CAP * 0.95)
    // With a spare core, q first, and the step above beside it (compactly: predicted just over 98.5 %).
    const spare = fake(curve)
    const r2 = await fitToCap({ ...req, encode: spare.encode, parallelFinals: true })
    expect(r2.quality).toBe(r.quality)
    expect(finalsOf(spare.trials)[0]?.quality).toBe(r.quality)
    expect(spare.trials.filter((t) => !t.draft).map((t) => t.quality)).toContain(r.quality + 1)
  })

  it('keeps the plan when the step above is predicted over CLIMB_FILL', async () => {
    // The sampled ratio right (0.93): q+1 is predicted at 102 %, so the first final is q, and fits.
    const curve = rate(65_000)
    const f = fake(curve)
    const r = await fitToCap({
      longSide: 3000,
      maxBytes: CAP,
      encode: f.encode,
      finalToDraft: 0.93,
      calibrate: async () => 0.93,
    })
    expect(finalsOf(f.trials)[0]?.quality).toBe(r.quality)
    expect(finalBytes(curve, 3000, r.quality + 1)).toBeGreaterThan(CAP * 0.995)
  })

  it('encodes the step above compactly when its usual final misses the cap by less than 2 %', async () => {
    // q85 comes out 1 % over the cap; its compact final (1.5 % smaller) fits.
    const near: Curve = (t) => {
      const draft = 640_000 * Math.pow(t.longSide / 2000, 2) * Math.pow(1.05, t.quality - 85)
      return Math.round(t.draft ? draft : draft * 0.808)
    }
    const f = fake(near)
    const r = await fitToCap({ longSide: 2000, maxBytes: CAP, finalToDraft: 0.808, encode: f.encode })
    expect(finalBytes(near, 2000, 85)).toBeGreaterThan(CAP)
    expect(finalBytes(near, 2000, 85)).toBeLessThan(CAP * 1.02)
    expect(r.quality).toBe(85)
    expect(f.trials.filter((t) => t.compact)).toEqual([
      { longSide: 2000, quality: 85, draft: false, compact: true },
    ])
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
  })

  it('with a spare core, starts the compact step beside the first final when the step above is predicted just over', async () => {
    // As above: q85's usual final is 1 % over the cap, its compact one fits.
    const near: Curve = (t) => {
      const draft = 640_000 * Math.pow(t.longSide / 2000, 2) * Math.pow(1.05, t.quality - 85)
      return Math.round(t.draft ? draft : draft * 0.808)
    }
    for (const spare of [true, false]) {
      const f = fake(near)
      // Finals answer a few ms after they start: was the first usual final in when the compact started?
      let firstAnswered = false
      let compactStartedEarly: boolean | undefined
      const encode = async (t: EncodeTrial) => {
        if (t.compact) compactStartedEarly = !firstAnswered
        const out = await f.encode(t)
        if (!t.draft) await new Promise((done) => setTimeout(done, 5))
        if (!t.draft && !t.compact) firstAnswered = true
        return out
      }
      const r = await fitToCap({
        longSide: 2000,
        maxBytes: CAP,
        encode,
        calibrate: async () => 0.808,
        parallelFinals: spare,
      })
      expect(r.quality).toBe(85)
      expect(r.bytes.length).toBeLessThanOrEqual(CAP)
      const firstFinal = f.trials.findIndex((t) => !t.draft)
      expect(f.trials.filter((t) => t.compact)).toHaveLength(1)
      expect(compactStartedEarly).toBe(spare)
      // Never the usual q85 as well: the compact one settles that step.
      expect(finalsOf(f.trials).some((t) => t.quality === 85)).toBe(false)
      expect(firstFinal).toBeGreaterThan(0)
    }
  })

  it('does not try a compact final when the step above is well over the cap', async () => {
    const f = fake(rate(65_000))
    const r = await fitToCap({ longSide: 3000, maxBytes: CAP, encode: f.encode, calibrate: async () => 0.9 })
    expect(finalBytes(rate(65_000), 3000, r.quality + 1)).toBeGreaterThan(CAP * 1.02)
    expect(f.trials.some((t) => t.compact)).toBe(false)
  })

  it('ends within a quality step of the cap, on 300 random photos', async () => {
    let seed = 11
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    let short = 0
    for (let i = 0; i < 300; i++) {
      const [c, alpha, k] = [30_000 + rnd() * 250_000, 1.3 + rnd() * 0.9, 0.03 + rnd() * 0.03]
      const [r0, perQ] = [0.6 + rnd() * 0.3, (rnd() - 0.5) * 0.01]
      const curve: Curve = (t) => {
        const draft = c * Math.pow(t.longSide / 1000, alpha) * Math.exp(k * (t.quality - 80))
        return Math.max(300, Math.round(t.draft ? draft : draft * (r0 + perQ * (t.quality - 85))))
      }
      const f = fake(curve)
      const r = await fitToCap({ longSide: 1500 + Math.round(rnd() * 4500), maxBytes: CAP, encode: f.encode })
      expect(r.bytes.length).toBeLessThanOrEqual(CAP)
      expect(finalsOf(f.trials).length).toBeLessThanOrEqual(MAX_FINALS)
      // The next step at the chosen side fits with room to spare: budget left unused.
      if (r.quality < MAX_QUALITY && finalBytes(curve, r.longSide, r.quality + 1) <= CAP * 0.97) short++
    }
    // The one-step check predicts with the ratio of the last final; the random curves drift it
    // by up to 0.5 % per step, so a rare step predicted just over TARGET_FILL is left.
    expect(short).toBeLessThanOrEqual(3)
  })

  it('leaves room only when nothing more legible fits, on 300 random photos', async () => {
    let seed = 7
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    let wasted = 0
    for (let i = 0; i < 300; i++) {
      // Final/draft ratio varies with side and quality, as measured on real photos (0.55–1.0).
      const [c, alpha, k] = [30_000 + rnd() * 250_000, 1.3 + rnd() * 0.9, 0.03 + rnd() * 0.03]
      const [r0, perQ, perSide] = [0.6 + rnd() * 0.3, (rnd() - 0.5) * 0.01, (rnd() - 0.5) * 0.1]
      const ratioAt = (t: EncodeTrial) =>
        r0 + perQ * (t.quality - 85) + perSide * Math.log2(t.longSide / 2000)
      const curve: Curve = (t) => {
        const draft = c * Math.pow(t.longSide / 1000, alpha) * Math.exp(k * (t.quality - 80))
        return Math.max(300, Math.round(t.draft ? draft : draft * ratioAt(t)))
      }
      const longSide = 1500 + Math.round(rnd() * 4500)
      const bandError = 0.94 + rnd() * 0.12
      const f = fake(curve)
      const r = await fitToCap({
        longSide,
        maxBytes: CAP,
        finalToDraft: 0.76,
        encode: f.encode,
        calibrate: async (side, quality) => ratioAt({ longSide: side, quality, draft: false }) * bandError,
      })
      expect(r.bytes.length).toBeLessThanOrEqual(CAP)
      expect(r.encodes).toBeLessThanOrEqual(30)
      expect(finalsOf(f.trials).length).toBeLessThanOrEqual(MAX_FINALS + 2)
      if (r.bytes.length >= CAP * 0.9) continue
      // Under 90 % of the cap, nothing the budget rule aims at (≤ 96 %) may fit: neither the
      // next larger side at its floor quality, nor MIN_RAISE_STEP (2) qualities up at this side.
      const larger = sideLadder(longSide)
        .filter((x) => x > r.longSide)
        .pop()
      const largerFits =
        larger !== undefined && finalBytes(curve, larger, minQualityFor(larger, false)) <= CAP * 0.96
      const up = r.quality + 2
      const raiseFits = up <= MAX_QUALITY && finalBytes(curve, r.longSide, up) <= CAP * 0.96
      if (largerFits || raiseFits) wasted++
    }
    // A handful of prediction misses stay (a raise predicted one step short is not tried);
    // the search before issue 13 wasted 8 of these 300.
    expect(wasted).toBeLessThanOrEqual(2)
  })
})
