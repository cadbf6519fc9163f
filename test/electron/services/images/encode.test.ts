import { describe, expect, it } from 'vitest'
import { makeEncoders, sampleBands } from '../../../../electron/main/services/images/encode'
import { photoRaw } from './fixtures'

describe('encoders', () => {
  it('samples one-MCU-row bands covering 1/8 of the rows, none for small pictures', () => {
    const img = { data: Buffer.alloc(640 * 2048 * 3), width: 640, height: 2048, channels: 3 as const }
    const s = sampleBands(img)
    // 2048 / 8 = 256 rows: 16 bands of 16 rows.
    expect(s?.height).toBe(256)
    expect(s?.data.length).toBe(640 * 256 * 3)
    // 1000 / 8 / 16 = 7 bands, under the 8 needed to trust the sample.
    expect(sampleBands({ ...img, height: 1000, data: Buffer.alloc(640 * 1000 * 3) })).toBeNull()
  })

  it('spreads the bands over the whole height, each on the 16-row grid (a JPEG source keeps its block grid)', () => {
    for (const height of [1024, 2048, 3837, 3001, 5000]) {
      // One pixel per row holding the row number (mod 2^16) in its first two bytes.
      const data = Buffer.alloc(height * 3)
      for (let y = 0; y < height; y++) data.writeUInt16LE(y, y * 3)
      const s = sampleBands({ data, width: 1, height, channels: 3 })
      const rows = Array.from({ length: s?.height ?? 0 }, (_, r) => s?.data.readUInt16LE(r * 3) ?? -1)
      const starts = rows.filter((_, r) => r % 16 === 0)
      expect(starts).toHaveLength(Math.floor(height / 8 / 16))
      for (const [r, y] of rows.entries()) expect(y).toBe((starts[Math.floor(r / 16)] ?? -1) + (r % 16))
      for (const y of starts) expect(y % 16).toBe(0)
      // Strictly increasing, first band in the top tenth and last in the bottom tenth of the picture.
      for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1] ?? Infinity)
      expect(starts[0]).toBeLessThan(height / 10)
      expect(Math.max(...rows)).toBeLessThan(height)
      expect(Math.max(...rows)).toBeGreaterThan((height * 9) / 10)
    }
  })

  it('calibrates the final/draft ratio close to the whole picture’s', async () => {
    const photo = await photoRaw(1400, 1400)
    const { encode, calibrate } = makeEncoders(photo)
    const ratio = await calibrate(1400, 85)
    const draft = await encode({ longSide: 1400, quality: 85, draft: true })
    const final = await encode({ longSide: 1400, quality: 85, draft: false })
    expect(ratio).toBeDefined()
    expect(Math.abs((ratio ?? 0) - final.length / draft.length)).toBeLessThan(0.025)
    expect(final.length).toBeLessThan(draft.length)
  })

  it('reports each stage to onStage, resizing once per long side', async () => {
    const photo = await photoRaw(2400, 1800)
    const stages: string[] = []
    const { encode, calibrate } = makeEncoders(photo, {
      onStage: (stage, ms) => stages.push(`${stage}:${ms >= 0}`),
    })
    await encode({ longSide: 2000, quality: 80, draft: true })
    await encode({ longSide: 2000, quality: 84, draft: true })
    await encode({ longSide: 2000, quality: 84, draft: false })
    await encode({ longSide: 2400, quality: 80, draft: true })
    expect(await calibrate(2000, 84)).toBeGreaterThan(0)
    expect(stages).toEqual([
      'resize:true',
      'draft:true',
      'draft:true',
      'final:true',
      'draft:true',
      'calibrate:true',
    ])
  })
})
