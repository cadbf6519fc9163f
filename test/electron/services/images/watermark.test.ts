import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { ImageInputError, compressImage } from '../../../../electron/main/services/images'
import type { WatermarkPlacement } from '../../../../core/model'
import {
  LABEL_SIZE_DIVISOR,
  watermarkLayer,
  watermarkText,
  type WatermarkLayer,
} from '../../../../electron/main/services/images/watermark'
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

  it('tiles by default (stored edits from before placements): covers the picture edge to edge', () => {
    const layer = watermarkLayer(TEXT, 800, 600)
    const alphaIn = (x0: number, y0: number) => {
      let n = 0
      for (let y = y0; y < y0 + 300; y++)
        for (let x = x0; x < x0 + 400; x++) if ((layer.data[(y * 800 + x) * 4 + 3] ?? 0) > 0) n++
      return n
    }
    for (const [x, y] of [
      [0, 0],
      [400, 0],
      [0, 300],
      [400, 300],
    ] as const)
      expect(alphaIn(x, y)).toBeGreaterThan(500)
  })

  it('keeps a photo under a tight cap, after crop and rotation', async () => {
    const input = await encode(await photoRaw(800, 600))
      .jpeg({ quality: 92 })
      .toBuffer()
    const opts = { maxBytes: 40_000, rotate: 90 as const, crop: { left: 0, top: 0, width: 400, height: 500 } }
    const plain = await compressImage(input, opts)
    const marked = await compressImage(input, { ...opts, watermark: TEXT })
    expect([marked.width, marked.height]).toEqual([plain.width, plain.height])
    expect([marked.width, marked.height]).toEqual([400, 500])
    expect(marked.jpeg.length).toBeLessThanOrEqual(40_000)
    expect(marked.jpeg.equals(plain.jpeg)).toBe(false)
  })

  it('never passes a clean small JPEG through unchanged when a watermark is asked for', async () => {
    const input = await encode(await photoRaw(600, 400))
      .jpeg({ quality: 85 })
      .toBuffer()
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
    await expect(
      compressImage(input, { maxBytes: 512_000, watermark: '字'.repeat(41) }),
    ).rejects.toMatchObject({
      code: 'image/bad-watermark',
    })
    await expect(
      compressImage(input, { maxBytes: 512_000, watermark: '字'.repeat(41) }),
    ).rejects.toBeInstanceOf(ImageInputError)
  })
})

type Box = { left: number; top: number; width: number; height: number }
const PAPER = { r: 236, g: 232, b: 222 }

/** Largest distance from the flat paper colour inside `box` of a decoded JPEG. */
async function changeIn(jpeg: Buffer, box: Box): Promise<number> {
  const { data } = await sharp(jpeg).extract(box).raw().toBuffer({ resolveWithObject: true })
  let max = 0
  for (let i = 0; i < data.length; i += 3)
    max = Math.max(
      max,
      Math.abs((data[i] ?? 0) - PAPER.r),
      Math.abs((data[i + 1] ?? 0) - PAPER.g),
      Math.abs((data[i + 2] ?? 0) - PAPER.b),
    )
  return max
}

/** Bounding box of the layer's visible pixels, in picture coordinates. */
function inkBox(layer: WatermarkLayer): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1]
  for (let y = 0; y < layer.height; y++)
    for (let x = 0; x < layer.width; x++)
      if ((layer.data[(y * layer.width + x) * 4 + 3] ?? 0) > 24) {
        x0 = Math.min(x0, x)
        y0 = Math.min(y0, y)
        x1 = Math.max(x1, x)
        y1 = Math.max(y1, y)
      }
  return { left: layer.left + x0, top: layer.top + y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }
}

describe('watermark placement', () => {
  const W = 1600
  const H = 1000
  const quadrants = {
    topLeft: { left: 0, top: 0, width: W / 2, height: H / 2 },
    topRight: { left: W / 2, top: 0, width: W / 2, height: H / 2 },
    bottomLeft: { left: 0, top: H / 2, width: W / 2, height: H / 2 },
    bottomRight: { left: W / 2, top: H / 2, width: W / 2, height: H / 2 },
  }
  let paper: Buffer
  const marked = new Map<WatermarkPlacement, Buffer>()
  beforeAll(async () => {
    paper = await sharp({ create: { width: W, height: H, channels: 3, background: PAPER } })
      .png()
      .toBuffer()
    for (const placement of ['corner', 'band', 'tiled'] as const) {
      const out = await compressImage(paper, {
        maxBytes: 512_000,
        watermark: TEXT,
        watermarkPlacement: placement,
      })
      expect([out.width, out.height]).toEqual([W, H])
      marked.set(placement, out.jpeg)
    }
  })
  const jpegOf = (p: WatermarkPlacement) => marked.get(p) as Buffer
  const UNTOUCHED = 4
  /** The tiled ink is light on purpose (about 35 levels on paper); the corner and band ink is darker. */
  const INKED = 20

  it('右下角: only the bottom-right corner changes', async () => {
    const jpeg = jpegOf('corner')
    for (const q of ['topLeft', 'topRight', 'bottomLeft'] as const)
      expect(await changeIn(jpeg, quadrants[q]), q).toBeLessThanOrEqual(UNTOUCHED)
    // Above the bottom strip, even the right half is untouched.
    expect(
      await changeIn(jpeg, { left: W / 2, top: 0, width: W / 2, height: Math.round(H * 0.88) }),
    ).toBeLessThanOrEqual(UNTOUCHED)
    const corner = {
      left: Math.round(W * 0.75),
      top: Math.round(H * 0.9),
      width: Math.round(W * 0.25),
      height: Math.round(H * 0.1),
    }
    expect(await changeIn(jpeg, corner)).toBeGreaterThan(INKED)
  })

  it('底部横条: a strip along the whole bottom edge, nothing above it', async () => {
    const jpeg = jpegOf('band')
    expect(
      await changeIn(jpeg, { left: 0, top: 0, width: W, height: Math.round(H * 0.9) }),
    ).toBeLessThanOrEqual(UNTOUCHED)
    const strip = (left: number) => ({ left, top: H - 12, width: 40, height: 12 })
    // The light strip reaches both ends of the edge, where there is no text.
    expect(await changeIn(jpeg, strip(0))).toBeGreaterThan(8)
    expect(await changeIn(jpeg, strip(W - 40))).toBeGreaterThan(8)
    expect(await inkShare(jpeg, { left: W / 2 - 100, top: H - 60, width: 200, height: 60 })).toBeGreaterThan(
      0.05,
    )
  })

  it('满铺: every quadrant changes', async () => {
    const jpeg = jpegOf('tiled')
    for (const q of Object.keys(quadrants) as (keyof typeof quadrants)[])
      expect(await changeIn(jpeg, quadrants[q]), q).toBeGreaterThan(INKED)
  })

  it.each([
    [4000, 3000],
    [3000, 4000],
    [1600, 1200],
  ])(
    'sizes the corner and band text to the image (%i×%i): ≥ 34 px tall at a 2400 px long side',
    (width, height) => {
      const toFinal = 2400 / Math.max(width, height)
      for (const placement of ['corner', 'band'] as const) {
        const box = inkBox(watermarkLayer(TEXT, width, height, placement))
        const text = placement === 'band' ? inkBox(watermarkLayer(TEXT, width, height, 'corner')) : box
        expect(text.height * toFinal, placement).toBeGreaterThanOrEqual(34)
        expect(text.height, placement).toBeGreaterThanOrEqual(
          Math.max(width, height) / LABEL_SIZE_DIVISOR / 1.4,
        )
        expect(box.left + box.width, placement).toBeLessThanOrEqual(width)
        expect(box.top + box.height, placement).toBeLessThanOrEqual(height)
      }
      const corner = inkBox(watermarkLayer(TEXT, width, height, 'corner'))
      expect(corner.width).toBeLessThanOrEqual(width / 2)
      expect(corner.left).toBeGreaterThan(width / 2)
      expect(corner.top).toBeGreaterThan(height * 0.85)
    },
  )

  it('shrinks a 40-character line to fit: within half the width in the corner, inside the picture as a band', () => {
    const long = '仅供公安联网备案使用'.repeat(4)
    expect([...long]).toHaveLength(40)
    const corner = inkBox(watermarkLayer(long, 1200, 800, 'corner'))
    expect(corner.width).toBeLessThanOrEqual(600)
    expect(corner.left + corner.width).toBeLessThanOrEqual(1200)
    const band = watermarkLayer(long, 1200, 800, 'band')
    expect([band.left, band.width, band.top + band.height]).toEqual([0, 1200, 800])
    const text = inkBox(band)
    expect(text.width).toBeLessThanOrEqual(1200)
  })

  it('never fails on a tiny picture', async () => {
    const tiny = await whitePng(40, 30)
    for (const placement of ['corner', 'band', 'tiled'] as const) {
      const out = await compressImage(tiny, {
        maxBytes: 512_000,
        watermark: TEXT,
        watermarkPlacement: placement,
      })
      expect([out.width, out.height], placement).toEqual([40, 30])
    }
  })
})
