import { describe, expect, it } from 'vitest'
import {
  FLOOR_QUALITY,
  GOOD_QUALITY,
  fullSizeFloor,
  minQualityFor,
  sideLadder,
} from '../../../core/images/caps'
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
