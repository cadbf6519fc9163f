import { describe, expect, it } from 'vitest'
import { assignHalves } from '../../bench/corpus'
import { highestFitting } from '../../bench/exhaustive'

describe('bench corpus halves', () => {
  it('deals each group alternately by name hash: balanced, deterministic, order-blind', () => {
    const inputs = [
      ...Array.from({ length: 11 }, (_, i) => ({ name: `photo-${i}.jpg`, group: 'photo' })),
      ...Array.from({ length: 8 }, (_, i) => ({ name: `doc-${i}.png`, group: 'document' })),
    ]
    const a = assignHalves(inputs)
    const b = assignHalves([...inputs].reverse())
    expect([...a].sort()).toEqual([...b].sort())
    const count = (group: string, half: string) =>
      inputs.filter((i) => i.group === group && a.get(i.name) === half).length
    expect([count('photo', 'tuning'), count('photo', 'checking')]).toEqual([6, 5])
    expect([count('document', 'tuning'), count('document', 'checking')]).toEqual([4, 4])
  })
})

describe('exhaustive reference search', () => {
  const cases: Array<[number, number]> = [
    [200_000, 0.04],
    [900_000, 0.03],
    [400_000, 0.045],
    [3_000_000, 0.05],
    [5_000, 0.05],
  ]
  it.each(cases)(
    'finds the highest fitting quality (size %i at q80, slope %f) in few encodes',
    async (c, k) => {
      // Slightly non-monotone, as mozjpeg is.
      const size = (q: number) => Math.round(c * Math.exp(k * (q - 80)) * (1 + 0.01 * Math.sin(q)))
      let truth = 0
      for (let q = 1; q <= 100; q++) if (size(q) <= 512_000) truth = q
      let encodes = 0
      const r = await highestFitting(async (q) => {
        encodes++
        return Buffer.alloc(size(q))
      }, 512_000)
      expect(r?.quality).toBe(truth)
      expect(r?.jpeg.length).toBe(size(truth))
      expect(encodes).toBeLessThanOrEqual(9)
    },
  )

  it('returns null when not even quality 1 fits', async () => {
    expect(await highestFitting(async () => Buffer.alloc(600_000), 512_000)).toBeNull()
  })
})
