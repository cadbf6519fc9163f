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
})
