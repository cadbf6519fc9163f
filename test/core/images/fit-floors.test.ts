import { describe, expect, it } from 'vitest'
import {
  FLOOR_QUALITY,
  GOOD_QUALITY,
  NOISY_DETAIL,
  NOISY_LARGE_FLOOR,
  fullSizeFloor,
  largeSideFloor,
  minQualityFor,
  sideLadder,
} from '../../../core/images/caps'
import { DETAIL_QUALITY, detailSides } from '../../../core/images/detail'
import { fitToCap, type EncodeTrial } from '../../../core/images/fit'

const CAP = 512_000

describe('fullSizeFloor', () => {
  it("lowers the side's floor to the source's own quality, never below FLOOR_QUALITY", () => {
    expect(fullSizeFloor(GOOD_QUALITY, 70)).toBe(70)
    expect(fullSizeFloor(GOOD_QUALITY, 76.4)).toBe(76)
    expect(fullSizeFloor(GOOD_QUALITY, 40)).toBe(FLOOR_QUALITY)
  })

  it('never raises a floor, and ignores an unknown quality', () => {
    expect(fullSizeFloor(GOOD_QUALITY, 92)).toBe(GOOD_QUALITY)
    expect(fullSizeFloor(72, 75)).toBe(72)
    expect(fullSizeFloor(GOOD_QUALITY, 0)).toBe(GOOD_QUALITY)
    expect(fullSizeFloor(GOOD_QUALITY, Number.NaN)).toBe(GOOD_QUALITY)
  })
})

/**
 * A JPEG source of 2560×3837 a little over the cap: finals at full size fit up to q79
 * (+4.2 % bytes per quality step, 0.923 of the draft on the source's own block grid).
 */
const justOverCap = (t: EncodeTrial): number => {
  const draft = 78_200 * Math.pow(t.longSide / 1000, 1.48) * Math.exp(0.042 * (t.quality - 80))
  return Math.round(t.draft ? draft : draft * (t.longSide >= 3837 ? 0.923 : 0.857))
}

async function fit(sourceJpegQuality?: number) {
  const finals: EncodeTrial[] = []
  const r = await fitToCap({
    longSide: 3837,
    maxBytes: CAP,
    finalToDraft: 0.76,
    ...(sourceJpegQuality === undefined ? {} : { sourceJpegQuality }),
    encode: async (t) => {
      if (!t.draft) finals.push(t)
      return new Uint8Array(justOverCap(t))
    },
    calibrate: async (side) => (side >= 3837 ? 0.923 : 0.857),
  })
  return { r, finals }
}

describe('fitToCap with an unedited JPEG source (sourceJpegQuality)', () => {
  it('keeps full size below the q80 side floor when the source was saved below it', async () => {
    const fullQ80 = justOverCap({ longSide: 3837, quality: GOOD_QUALITY, draft: false })
    expect(fullQ80).toBeGreaterThan(CAP)
    expect(minQualityFor(3837, false)).toBe(GOOD_QUALITY)
    const { r } = await fit(70)
    expect(r.longSide).toBe(3837)
    expect(r.quality).toBeGreaterThanOrEqual(70)
    expect(r.quality).toBeLessThan(GOOD_QUALITY)
    expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    expect(r.bytes.length).toBeGreaterThanOrEqual(CAP * 0.9)
  })

  it('goes to a smaller side as before when the source is of higher quality, or unknown', async () => {
    for (const q of [undefined, 85]) {
      const { r } = await fit(q)
      expect(r.longSide).toBe(3000)
      expect(r.quality).toBeGreaterThanOrEqual(GOOD_QUALITY)
      expect(r.bytes.length).toBeLessThanOrEqual(CAP)
    }
  })

  it('does not accept full size under the source quality: a smaller side then', async () => {
    // Saved at q70 but far over the cap (a 4× larger picture at the same quality): full size
    // would need about q45, below the source's quality, so the ladder goes on as before.
    const r = await fitToCap({
      longSide: 7674,
      maxBytes: CAP,
      sourceJpegQuality: 70,
      encode: async (t) => new Uint8Array(justOverCap(t)),
    })
    expect(r.longSide).toBeLessThan(7674)
    expect(r.quality).toBeGreaterThanOrEqual(minQualityFor(r.longSide, false))
  })
})

describe('side ladder and floors (issue 13, fourth round)', () => {
  it('has a 2400 px step for a 2560 px source, and skips steps within 5 % of the side above', () => {
    expect(sideLadder(2560).slice(0, 3)).toEqual([2560, 2400, 2000])
    expect(sideLadder(3088).slice(0, 2)).toEqual([3088, 2400])
    expect(sideLadder(3168).slice(0, 3)).toEqual([3168, 3000, 2400])
    for (const full of [1700, 2100, 2560, 3100, 4000, 6000]) {
      const sides = sideLadder(full)
      for (let i = 1; i < sides.length; i++)
        expect(sides[i] ?? 0).toBeLessThanOrEqual((sides[i - 1] ?? 0) * 0.95)
    }
  })

  it('accepts q66 from 1600 px up to 2600 px, q80 above', () => {
    expect(minQualityFor(2560, false)).toBe(66)
    expect(minQualityFor(2400, false)).toBe(66)
    expect(minQualityFor(1600, false)).toBe(66)
    expect(minQualityFor(2600, false)).toBe(GOOD_QUALITY)
    expect(minQualityFor(1599, false)).toBe(FLOOR_QUALITY)
  })
})

type Curve = (t: EncodeTrial) => number

function fake(curve: Curve) {
  const trials: EncodeTrial[] = []
  const encode = async (t: EncodeTrial) => {
    trials.push(t)
    return new Uint8Array(curve(t))
  }
  return { encode, trials }
}

describe('large-side floors follow the detail exponent (issue 13, fifth round)', () => {
  /** A 4000 px picture whose draft bytes scale with side^e; 3000 px fits at q83 but not q85. */
  const curveWith =
    (e: number): Curve =>
    (t) => {
      const at3000 = 690_000 * Math.exp(0.045 * (t.quality - 83))
      const draft = at3000 * Math.pow(t.longSide / 3000, e)
      return Math.round(t.draft ? draft : draft * 0.76)
    }

  it('measures the exponent between 3000 and 2400 px, or the source side and a side 1.2× smaller', () => {
    expect(detailSides(4000)).toEqual([3000, 2400])
    expect(detailSides(3088)).toEqual([3088, 2400])
    expect(detailSides(2880)).toEqual([2880, 2400])
    expect(detailSides(2650)).toEqual([2650, 2000])
    // Below LARGE_SIDE no floor depends on it.
    expect(detailSides(2560)).toBeNull()
    expect(detailSides(1200)).toBeNull()
  })

  it('raises the floor above 2600 px for a noise-dominated picture only', () => {
    expect(largeSideFloor(undefined)).toBe(GOOD_QUALITY)
    expect(largeSideFloor(2.2)).toBe(GOOD_QUALITY)
    expect(largeSideFloor(NOISY_DETAIL)).toBe(NOISY_LARGE_FLOOR)
    expect(largeSideFloor(2.8)).toBe(NOISY_LARGE_FLOOR)
  })

  it('keeps 3000 px at q83 for a photo but takes 2400 px at a higher quality for a noisy one', async () => {
    for (const [e, side] of [
      [1.8, 3000],
      [2.7, 2400],
    ] as const) {
      const f = fake(curveWith(e))
      const r = await fitToCap({ longSide: 4000, maxBytes: CAP, finalToDraft: 0.76, encode: f.encode })
      expect(r.longSide).toBe(side)
      expect(r.bytes.length).toBeLessThanOrEqual(CAP)
      // The exponent was measured on drafts at 3000 and 2400 px at q85.
      const probes = f.trials.filter((t) => t.draft && t.quality === DETAIL_QUALITY).map((t) => t.longSide)
      expect(probes).toEqual(expect.arrayContaining([3000, 2400]))
      if (side === 2400) expect(r.quality).toBeGreaterThanOrEqual(NOISY_LARGE_FLOOR)
      else expect(r.quality).toBeLessThan(NOISY_LARGE_FLOOR)
    }
  })

  it('takes a given exponent without measuring it', async () => {
    const f = fake(curveWith(1.8))
    // The curve itself scales like a photo (e = 1.8, see above: 3000 px); the given exponent rules.
    const r = await fitToCap({
      longSide: 4000,
      maxBytes: CAP,
      finalToDraft: 0.76,
      encode: f.encode,
      detailExponent: 2.7,
    })
    expect(r.longSide).toBe(2400)
  })
})
