import { describe, expect, it } from 'vitest'
import {
  applyHomography,
  homography,
  scaleQuad,
  straighten,
  straightenedSize,
  validQuad,
  type Quad,
} from '../../../core/ocr/perspective'

const rect = (l: number, t: number, w: number, h: number): Quad => [
  { x: l, y: t },
  { x: l + w, y: t },
  { x: l + w, y: t + h },
  { x: l, y: t + h },
]

/** A 1-channel picture whose value encodes the column (x) in its left half and 200 on its right half. */
function ramp(width: number, height: number) {
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[y * width + x] = x < width / 2 ? x : 200
  return { data, width, height, channels: 1 }
}

describe('homography', () => {
  it('maps each corner of one quad onto the other', () => {
    const from: Quad = [
      { x: 12, y: 30 },
      { x: 410, y: 5 },
      { x: 440, y: 300 },
      { x: 3, y: 260 },
    ]
    const to = rect(0, 0, 856, 540)
    const h = homography(from, to)
    expect(h).not.toBeNull()
    from.forEach((p, i) => {
      const q = applyHomography(h as number[], p)
      expect(q.x).toBeCloseTo(to[i]?.x ?? NaN, 6)
      expect(q.y).toBeCloseTo(to[i]?.y ?? NaN, 6)
    })
  })

  it('refuses three collinear corners', () => {
    expect(
      homography(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
          { x: 2, y: 2 },
          { x: 0, y: 5 },
        ],
        rect(0, 0, 10, 10),
      ),
    ).toBeNull()
  })
})

describe('straightenedSize', () => {
  it('keeps the measured long side and takes the short side from the real aspect', () => {
    expect(straightenedSize(rect(0, 0, 856, 500), 'id-card')).toEqual({ width: 856, height: 540 })
    expect(straightenedSize(rect(0, 0, 500, 700), 'page')).toEqual({ width: 495, height: 700 })
    expect(straightenedSize(rect(0, 0, 9000, 5000), 'id-card', 4000).width).toBe(4000)
  })
})

describe('straighten', () => {
  it('cuts an axis-aligned quad out pixel for pixel', () => {
    const src = ramp(200, 120)
    const out = straighten(src, rect(10, 20, 79, 50), 'id-card')
    expect([out.width, out.height]).toEqual([79, 50])
    // Column u of the result is column 10 + u of the source.
    for (const u of [0, 5, 40, 78]) expect(out.data[7 * out.width + u]).toBe(10 + u)
  })

  it('turns a card photographed at 90° back to landscape content order', () => {
    const src = ramp(200, 200)
    // Corners listed from the card's own top-left (bottom-left of the photo), clockwise.
    const q: Quad = [
      { x: 20, y: 170 },
      { x: 20, y: 10 },
      { x: 121, y: 10 },
      { x: 121, y: 170 },
    ]
    const out = straighten(src, q, 'id-card')
    expect(out.width).toBeGreaterThan(out.height)
    // Along the card's top edge the source column stays 20: the left column of the photo.
    expect(out.data[Math.floor(out.width / 2)]).toBe(20)
    // Its bottom edge lies on source column ~120 (the right half: 200).
    expect(out.data[out.width * (out.height - 2) + 10]).toBe(200)
  })
})

describe('validQuad and scaleQuad', () => {
  it('accepts a convex quad inside the picture, refuses one outside, crossed or tiny', () => {
    expect(validQuad(rect(10, 10, 100, 60), 200, 100)).toBe(true)
    expect(validQuad(rect(150, 10, 100, 60), 200, 100)).toBe(false)
    const crossed: Quad = [
      { x: 10, y: 10 },
      { x: 100, y: 70 },
      { x: 100, y: 10 },
      { x: 10, y: 70 },
    ]
    expect(validQuad(crossed, 200, 100)).toBe(false)
    expect(validQuad(rect(10, 10, 5, 5), 200, 100)).toBe(false)
  })

  it('scales corners from the frame they were measured in', () => {
    const q = scaleQuad(rect(100, 50, 200, 100), { width: 1000, height: 500 }, { width: 500, height: 250 })
    expect(q[0]).toEqual({ x: 50, y: 25 })
    expect(q[2]).toEqual({ x: 150, y: 75 })
  })
})
