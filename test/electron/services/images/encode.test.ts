import { describe, expect, it } from 'vitest'
import { makeEncoders, sampleBands } from '../../../../electron/main/services/images/encode'
import { photoRaw } from './fixtures'

describe('encoders', () => {
  it('samples whole MCU rows: 8 bands covering at most 1/8 of the rows, none for small pictures', () => {
    const img = { data: Buffer.alloc(640 * 2048 * 3), width: 640, height: 2048, channels: 3 as const }
    const s = sampleBands(img)
    expect(s?.height).toBe(256)
    expect(s?.data.length).toBe(640 * 256 * 3)
    expect(sampleBands({ ...img, height: 1000, data: Buffer.alloc(640 * 1000 * 3) })).toBeNull()
  })

  it('starts every band on the 16-row grid, so a JPEG source keeps its block grid', () => {
    for (const height of [2048, 3837, 3001, 5000]) {
      // One pixel per row holding the row number (mod 2^16) in its first two bytes.
      const data = Buffer.alloc(height * 3)
      for (let y = 0; y < height; y++) data.writeUInt16LE(y, y * 3)
      const s = sampleBands({ data, width: 1, height, channels: 3 })
      const rows = Array.from({ length: s?.height ?? 0 }, (_, r) => s?.data.readUInt16LE(r * 3) ?? -1)
      const band = (s?.height ?? 0) / 8
      const starts = rows.filter((_, r) => r % band === 0)
      expect(starts).toHaveLength(8)
      for (const y of starts) expect(y % 16).toBe(0)
      expect(Math.max(...rows)).toBeLessThan(height)
    }
  })

  it('calibrates the final/draft ratio close to the whole picture’s', async () => {
    const photo = await photoRaw(1400, 1400)
    const { encode, calibrate } = makeEncoders(photo)
    const ratio = await calibrate(1400, 85)
    const draft = await encode({ longSide: 1400, quality: 85, draft: true })
    const final = await encode({ longSide: 1400, quality: 85, draft: false })
    expect(ratio).toBeDefined()
    expect(Math.abs((ratio ?? 0) - final.length / draft.length)).toBeLessThan(0.06)
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
