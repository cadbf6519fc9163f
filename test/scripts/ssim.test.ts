import { describe, expect, it } from 'vitest'
import { createRng } from '../fixtures/prng'
import { luma, ssim } from '../../bench/ssim'
import { median, p95, quantile } from '../../bench/stats'

const W = 64
const H = 48

function texture(seed: number): Float32Array {
  const rng = createRng(seed)
  return Float32Array.from(
    { length: W * H },
    (_, i) => 128 + 60 * Math.sin((i % W) / 5) * Math.cos(Math.floor(i / W) / 7) + rng.range(-10, 10),
  )
}

const noisy = (a: Float32Array, amount: number, seed = 2): Float32Array => {
  const rng = createRng(seed)
  return a.map((v) => Math.max(0, Math.min(255, v + rng.range(-amount, amount))))
}

describe('ssim', () => {
  it('is 1 for identical images', () => {
    const a = texture(1)
    expect(ssim(a, a, W, H)).toBeCloseTo(1, 10)
  })

  it('is symmetric', () => {
    const a = texture(1)
    const b = noisy(a, 30)
    expect(ssim(a, b, W, H)).toBeCloseTo(ssim(b, a, W, H), 10)
  })

  it('falls as noise grows', () => {
    const a = texture(1)
    const s = [5, 20, 60].map((n) => ssim(a, noisy(a, n), W, H))
    expect(s[0]).toBeLessThan(1)
    expect(s[1]).toBeLessThan(s[0] as number)
    expect(s[2]).toBeLessThan(s[1] as number)
  })

  it('scores a sideways (transposed) picture far below a slightly noisy one', () => {
    const a = texture(3)
    const t = new Float32Array(W * H)
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) t[y * W + x] = a[(x % H) * W + (y % W)] as number
    expect(ssim(a, t, W, H)).toBeLessThan(0.5)
    expect(ssim(a, noisy(a, 5), W, H)).toBeGreaterThan(0.9)
  })

  it('ignores a constant offset less than structure loss (luminance term only)', () => {
    const a = texture(4)
    expect(
      ssim(
        a,
        a.map((v) => v + 5),
        W,
        H,
      ),
    ).toBeGreaterThan(0.99)
  })

  it('rejects mismatched sizes', () => {
    expect(() => ssim(texture(1), new Float32Array(10), W, H)).toThrow()
  })

  it('computes Rec. 601 luma from RGB', () => {
    expect(
      [...luma(Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]), 4, 1)].map((v) =>
        Math.round(v),
      ),
    ).toEqual([76, 150, 29, 255])
  })
})

describe('stats', () => {
  it('median and p95 interpolate', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(p95(Array.from({ length: 21 }, (_, i) => i))).toBe(19)
    expect(quantile([], 0.5)).toBeNaN()
  })
})
