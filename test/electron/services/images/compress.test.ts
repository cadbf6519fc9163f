import sharp from 'sharp'
import type { Metadata, Sharp } from 'sharp'
import { describe, expect, it } from 'vitest'
import { LOSSLESS_MAX_QUALITY } from '../../../../core/images/caps'
import { compressImage, makeThumbnail } from '../../../../electron/main/services/images'
import {
  bmp24,
  documentRaw,
  encode,
  exifTags,
  markerRaw,
  meanRgb,
  photoRaw,
  rawOpts,
  redCorner,
} from './fixtures'

const CAP = 512_000

async function expectClean(jpeg: Buffer): Promise<Metadata> {
  const meta = await sharp(jpeg).metadata()
  expect(meta.format).toBe('jpeg')
  expect(meta.exif).toBeUndefined()
  expect(meta.xmp).toBeUndefined()
  expect(meta.iptc).toBeUndefined()
  expect(meta.icc).toBeUndefined()
  expect(meta.orientation).toBeUndefined()
  expect(meta.space).toBe('srgb')
  return meta
}

describe('compressImage: orientation and metadata', () => {
  it.each([
    [6, 'tr'],
    [8, 'bl'],
  ])('applies EXIF orientation %i, drops EXIF/GPS/Make', async (orientation, corner) => {
    const input = await encode(await markerRaw(300, 200))
      .withExif({
        IFD0: { Make: 'BeianTestCam' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1' },
      })
      .withMetadata({ orientation })
      .jpeg({ quality: 90 })
      .toBuffer()
    const inMeta = await sharp(input).metadata()
    expect(inMeta.orientation).toBe(orientation)
    expect(exifTags(inMeta.exif)).toEqual(expect.arrayContaining([0x0112, 0x010f, 0x8825]))
    const r = await compressImage(input, { maxBytes: CAP })
    const meta = await expectClean(r.jpeg)
    expect([meta.width, meta.height]).toEqual([200, 300])
    expect([r.width, r.height, r.sourceWidth, r.sourceHeight]).toEqual([200, 300, 200, 300])
    expect(await redCorner(r.jpeg)).toBe(corner)
    expect(r.jpeg.includes('BeianTestCam')).toBe(false)
  })

  it('crops in pixels of the rotated image, as the editor shows it', async () => {
    // 300×200 with the red marker top-left; turned 90° it is 200×300 with the marker top-right.
    const input = await encode(await markerRaw(300, 200))
      .png()
      .toBuffer()
    const r = await compressImage(input, {
      maxBytes: CAP,
      rotate: 90,
      crop: { left: 100, top: 0, width: 100, height: 150 },
    })
    expect([r.width, r.height]).toEqual([100, 150])
    expect(await redCorner(r.jpeg)).toBe('tr')
    // A crop that fits the unrotated 300×200 but not the rotated 200×300 is refused.
    await expect(
      compressImage(input, {
        maxBytes: CAP,
        rotate: 90,
        crop: { left: 150, top: 0, width: 150, height: 100 },
      }),
    ).rejects.toMatchObject({
      code: 'image/bad-crop',
    })
  })

  it('crops in upright pixels without rotation, and rotates without a crop', async () => {
    const input = await encode(await markerRaw(300, 200))
      .png()
      .toBuffer()
    const cropped = await compressImage(input, {
      maxBytes: CAP,
      crop: { left: 0, top: 0, width: 150, height: 100 },
    })
    expect([cropped.width, cropped.height]).toEqual([150, 100])
    expect(await redCorner(cropped.jpeg)).toBe('tl')
    const turned = await compressImage(input, { maxBytes: CAP, rotate: 90 })
    expect([turned.width, turned.height]).toEqual([200, 300])
    expect(await redCorner(turned.jpeg)).toBe('tr')
    await expect(
      compressImage(input, { maxBytes: CAP, crop: { left: 200, top: 0, width: 150, height: 100 } }),
    ).rejects.toMatchObject({
      code: 'image/bad-crop',
    })
  })
})

describe('compressImage: size', () => {
  it('brings a 12 MP photo under 512,000 bytes at good quality and ~3000 px', async () => {
    const input = await encode(await photoRaw(4000, 3000, 5))
      .jpeg({ quality: 92 })
      .toBuffer()
    expect(input.length).toBeGreaterThan(CAP)
    const r = await compressImage(input, { maxBytes: CAP })
    expect(r.jpeg.length).toBeLessThanOrEqual(CAP)
    expect(r.quality).toBeGreaterThanOrEqual(80)
    expect(r.longSide).toBeGreaterThanOrEqual(2400)
    expect(r.sourceFormat).toBe('jpeg')
    await expectClean(r.jpeg)
  })

  it('holds a 400 KB preset and a tight 60 KB cap', async () => {
    const input = await encode(await photoRaw(2000, 1500))
      .jpeg({ quality: 92 })
      .toBuffer()
    for (const maxBytes of [400_000, 60_000]) {
      const r = await compressImage(input, { maxBytes })
      expect(r.jpeg.length).toBeLessThanOrEqual(maxBytes)
    }
  })

  it('fits a 4000 px page densely filled with small text, keeping ≥ 1600 px at good quality', async () => {
    const input = await encode(documentRaw(4000, 2828)).jpeg({ quality: 95 }).toBuffer()
    const r = await compressImage(input, { maxBytes: CAP })
    expect(r.jpeg.length).toBeLessThanOrEqual(CAP)
    expect(r.longSide).toBeGreaterThanOrEqual(1600)
    expect(r.quality).toBeGreaterThanOrEqual(66)
  })

  it('never enlarges a small image', async () => {
    const input = await encode(await photoRaw(240, 160))
      .png()
      .toBuffer()
    const r = await compressImage(input, { maxBytes: CAP })
    expect([r.width, r.height]).toEqual([240, 160])
    expect(r.warnings).toContain('too-small')
  })

  it('keeps an already clean small JPEG as it is (metadata removed losslessly, no re-encode)', async () => {
    const clean = await encode(await photoRaw(800, 600))
      .jpeg({ quality: 85 })
      .toBuffer()
    const tagged = await sharp(clean)
      .withExif({ IFD0: { Make: 'BeianTestCam' } })
      .jpeg({ quality: 85 })
      .toBuffer()
    const r = await compressImage(clean, { maxBytes: CAP })
    expect(r.encodes).toBe(0)
    expect(r.jpeg.length).toBeLessThanOrEqual(clean.length)
    expect(r.quality).toBeGreaterThanOrEqual(80)
    const t = await compressImage(tagged, { maxBytes: CAP })
    expect(t.jpeg.length).toBeLessThan(tagged.length)
    expect(t.jpeg.includes('BeianTestCam')).toBe(false)
    await expectClean(t.jpeg)
  })

  it('still checks a picture the search makes no draft of (the checks start after its first draft)', async () => {
    // A clean grey JPEG under the cap is kept as it is: no draft, no final, and still the warning.
    const grey = await encode(await photoRaw(800, 600))
      .grayscale()
      .jpeg({ quality: 85 })
      .toBuffer()
    const r = await compressImage(grey, { maxBytes: CAP, colourRequired: true })
    expect(r.encodes).toBe(0)
    expect(r.warnings).toContain('grayscale')
  })

  it('keeps a small PNG screenshot at full chroma and high quality, no larger than q98 needs', async () => {
    const png = await encode(documentRaw(1280, 800, { background: '#ffffff' }))
      .png({ palette: true, colours: 16 })
      .toBuffer()
    const r = await compressImage(png, { maxBytes: CAP })
    const meta = await sharp(r.jpeg).metadata()
    expect(meta.chromaSubsampling).toBe('4:4:4')
    expect(r.quality).toBeGreaterThanOrEqual(90)
    expect(r.quality).toBeLessThanOrEqual(LOSSLESS_MAX_QUALITY)
    const q98 = await sharp(png)
      .flatten({ background: '#fff' })
      .jpeg({ quality: 98, mozjpeg: true, chromaSubsampling: '4:4:4' })
      .toBuffer()
    expect(r.jpeg.length).toBeLessThanOrEqual(Math.min(CAP, Math.round(q98.length * 1.05)))
    expect([r.width, r.height]).toEqual([1280, 800])
  })

  it('gives a tight cap to a small PNG screenshot by lowering quality, still at full chroma', async () => {
    const png = await encode(documentRaw(1280, 800, { background: '#ffffff' }))
      .png({ palette: true, colours: 16 })
      .toBuffer()
    const cap = png.length + 1_000
    const r = await compressImage(png, { maxBytes: cap })
    expect(r.jpeg.length).toBeLessThanOrEqual(cap)
    expect(r.quality).toBeLessThan(LOSSLESS_MAX_QUALITY)
    expect((await sharp(r.jpeg).metadata()).chromaSubsampling).toBe('4:4:4')
  })
})

describe('compressImage: formats and colour', () => {
  const docPromise = (async () => encode(documentRaw(1200, 850)))()

  it.each([
    ['png', (s: Sharp) => s.png()],
    ['webp', (s: Sharp) => s.webp({ quality: 90 })],
    ['tiff', (s: Sharp) => s.tiff()],
    ['gif', (s: Sharp) => s.gif()],
    ['avif', (s: Sharp) => s.avif({ quality: 60, effort: 0 })],
  ])('reads %s', async (format, write) => {
    const input = await write((await docPromise).clone()).toBuffer()
    const r = await compressImage(input, { maxBytes: CAP })
    expect(r.sourceFormat).toBe(format)
    expect([r.width, r.height]).toEqual([1200, 850])
    await expectClean(r.jpeg)
  })

  it('reads a hand-made BMP', async () => {
    const r = await compressImage(bmp24(await markerRaw(120, 90)), { maxBytes: CAP })
    expect(r.sourceFormat).toBe('bmp')
    expect([r.width, r.height]).toEqual([120, 90])
    expect(await redCorner(r.jpeg)).toBe('tl')
  })

  it('reads 16-bit and grey+alpha PNGs as 8-bit sRGB', async () => {
    const grey = { data: Buffer.alloc(120 * 80 * 2, 0x80), width: 120, height: 80, channels: 2 as const }
    const pngGa = await sharp(grey.data, { raw: grey }).png().toBuffer()
    const png16 = await sharp(grey.data, { raw: grey }).toColourspace('rgb16').png().toBuffer()
    expect((await sharp(png16).metadata()).depth).toBe('ushort')
    for (const input of [pngGa, png16]) {
      const r = await compressImage(input, { maxBytes: CAP })
      const meta = await expectClean(r.jpeg)
      expect([meta.width, meta.channels, meta.depth]).toEqual([120, 3, 'uchar'])
    }
  })

  it('flattens transparency on white', async () => {
    const rgba = { data: Buffer.alloc(200 * 100 * 4, 0), width: 200, height: 100, channels: 4 as const }
    const r = await compressImage(await sharp(rgba.data, rawOpts(rgba)).png().toBuffer(), { maxBytes: CAP })
    const [red, green, blue] = await meanRgb(r.jpeg)
    expect(Math.min(red, green, blue)).toBeGreaterThan(250)
  })

  it('converts CMYK to sRGB instead of inverting or dropping it', async () => {
    const flat = { data: Buffer.alloc(300 * 200 * 3), width: 300, height: 200, channels: 3 as const }
    for (let i = 0; i < flat.data.length; i += 3) flat.data.set([200, 60, 50], i)
    const cmyk = await sharp(flat.data, rawOpts(flat)).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer()
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk')
    const r = await compressImage(cmyk, { maxBytes: CAP })
    await expectClean(r.jpeg)
    const [red, green, blue] = await meanRgb(r.jpeg)
    expect(Math.abs(red - 200)).toBeLessThan(20)
    expect(Math.abs(green - 60)).toBeLessThan(25)
    expect(Math.abs(blue - 50)).toBeLessThan(25)
  })

  it('converts a Display-P3 image to sRGB (colour kept, profile not left behind)', async () => {
    const flat = { data: Buffer.alloc(300 * 200 * 3), width: 300, height: 200, channels: 3 as const }
    for (let i = 0; i < flat.data.length; i += 3) flat.data.set([40, 170, 60], i)
    const p3 = await sharp(flat.data, rawOpts(flat)).withIccProfile('p3').png().toBuffer()
    const p3Meta = await sharp(p3).metadata()
    expect(p3Meta.icc).toBeDefined()
    const stored = await sharp(p3).raw().keepIccProfile().toBuffer()
    expect(Math.abs((stored[1] ?? 0) - 170) + Math.abs((stored[0] ?? 0) - 40)).toBeGreaterThan(10)
    const r = await compressImage(p3, { maxBytes: CAP })
    await expectClean(r.jpeg)
    const [red, green, blue] = await meanRgb(r.jpeg)
    expect(Math.abs(red - 40) + Math.abs(green - 170) + Math.abs(blue - 60)).toBeLessThan(12)
  })

  it('uses the first frame of an animated GIF and the first page of a multi-page TIFF, with a note', async () => {
    const data = Buffer.alloc(64 * 192 * 3)
    for (let i = 0; i < data.length; i++) data[i] = 40 + 100 * Math.floor((3 * i) / data.length)
    const frames = { raw: { width: 64, height: 192, channels: 3 as const, pageHeight: 64 } }
    const gif = await sharp(data, frames).gif().toBuffer()
    expect((await sharp(gif).metadata()).pages).toBe(3)
    const g = await compressImage(gif, { maxBytes: CAP })
    expect([g.width, g.height]).toEqual([64, 64])
    expect(g.notes).toEqual(['first-frame-only'])
    const tiff = await sharp(data, frames).tiff().toBuffer()
    const t = await compressImage(tiff, { maxBytes: CAP })
    expect(t.notes).toEqual(['first-page-only'])
    expect([t.width, t.height]).toEqual([64, 64])
  })
})

describe('makeThumbnail', () => {
  it('makes a small JPEG with a 320 px long side by default and never enlarges', async () => {
    const big = await encode(await photoRaw(1600, 1200))
      .jpeg()
      .toBuffer()
    const meta = await sharp(await makeThumbnail(big)).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 240])
    const small = await encode(await photoRaw(100, 50))
      .jpeg()
      .toBuffer()
    const m2 = await sharp(await makeThumbnail(small, 200)).metadata()
    expect([m2.width, m2.height]).toEqual([100, 50])
  })
})
