import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { ImageInputError, compressImage } from '../../../../electron/main/services/images'
import { watermarkLayer, watermarkText } from '../../../../electron/main/services/images/watermark'
import { encode, photoRaw } from './fixtures'

const TEXT = '仅供公安备案使用'

const whitePng = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer()

/** Share of pixels darker than near-white in a region of a JPEG. */
async function inkShare(jpeg: Buffer, region?: { left: number; top: number; width: number; height: number }) {
  const img = region ? sharp(jpeg).extract(region) : sharp(jpeg)
  const { data, info } = await img.greyscale().raw().toBuffer({ resolveWithObject: true })
  let ink = 0
  for (const v of data) if (v < 235) ink++
  return ink / (info.width * info.height)
}

describe('watermark', () => {
  it('draws visible grey Chinese text on a plain white picture, same size, under the cap', async () => {
    const input = await whitePng(1200, 800)
    const plain = await compressImage(input, { maxBytes: 512_000 })
    const marked = await compressImage(input, { maxBytes: 512_000, watermark: TEXT })
    expect([marked.width, marked.height]).toEqual([1200, 800])
    expect(marked.jpeg.length).toBeLessThanOrEqual(512_000)
    expect(await inkShare(plain.jpeg)).toBeLessThan(0.001)
    const centre = { left: 300, top: 200, width: 600, height: 400 }
    expect(await inkShare(marked.jpeg, centre)).toBeGreaterThan(0.02)
    // Semi-transparent grey: no pixel goes black, none is tinted.
    const { data } = await sharp(marked.jpeg).raw().toBuffer({ resolveWithObject: true })
    expect(data.reduce((m, v) => Math.min(m, v), 255)).toBeGreaterThan(120)
  })

  it('covers the picture edge to edge (each quadrant has ink)', () => {
    const layer = watermarkLayer(TEXT, 800, 600)
    const alphaIn = (x0: number, y0: number) => {
      let n = 0
      for (let y = y0; y < y0 + 300; y++)
        for (let x = x0; x < x0 + 400; x++) if ((layer.data[(y * 800 + x) * 4 + 3] ?? 0) > 0) n++
      return n
    }
    for (const [x, y] of [[0, 0], [400, 0], [0, 300], [400, 300]] as const) expect(alphaIn(x, y)).toBeGreaterThan(500)
  })

  it('keeps a photo under a tight cap, after crop and rotation', async () => {
    const input = await encode(await photoRaw(800, 600)).jpeg({ quality: 92 }).toBuffer()
    const opts = { maxBytes: 40_000, rotate: 90 as const, crop: { left: 0, top: 0, width: 400, height: 500 } }
    const plain = await compressImage(input, opts)
    const marked = await compressImage(input, { ...opts, watermark: TEXT })
    expect([marked.width, marked.height]).toEqual([plain.width, plain.height])
    expect([marked.width, marked.height]).toEqual([400, 500])
    expect(marked.jpeg.length).toBeLessThanOrEqual(40_000)
    expect(marked.jpeg.equals(plain.jpeg)).toBe(false)
  })

  it('never passes a clean small JPEG through unchanged when a watermark is asked for', async () => {
    const input = await encode(await photoRaw(600, 400)).jpeg({ quality: 85 }).toBuffer()
    const plain = await compressImage(input, { maxBytes: 512_000 })
    expect(plain.encodes).toBe(0)
    const marked = await compressImage(input, { maxBytes: 512_000, watermark: TEXT })
    expect(marked.encodes).toBeGreaterThan(0)
  })

  it('ignores blank text and refuses more than 40 characters', async () => {
    expect(watermarkText('   ')).toBeNull()
    expect(watermarkText(' 仅供  备案 ')).toBe('仅供 备案')
    expect(watermarkText('字'.repeat(40))).toHaveLength(40)
    const input = await whitePng(64, 64)
    await expect(compressImage(input, { maxBytes: 512_000, watermark: '字'.repeat(41) })).rejects.toMatchObject({
      code: 'image/bad-watermark',
    })
    await expect(compressImage(input, { maxBytes: 512_000, watermark: '字'.repeat(41) })).rejects.toBeInstanceOf(
      ImageInputError,
    )
  })
})
