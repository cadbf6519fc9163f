import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  applyOrientation,
  exifOrientation,
  heifHasTransform,
} from '../../../../electron/main/services/images/orientation'
import { estimateJpegQuality, stripJpegMetadata } from '../../../../electron/main/services/images/jpeg-strip'
import { encode, markerRaw, redCorner } from './fixtures'

const box = (type: string, body: Buffer) => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + body.length)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, body])
}

describe('orientation helpers', () => {
  it.each([1, 3, 6, 8])('reads EXIF orientation %i as sharp wrote it', async (o) => {
    const jpeg = await encode(await markerRaw(40, 20))
      .withMetadata({ orientation: o })
      .jpeg()
      .toBuffer()
    expect(exifOrientation((await sharp(jpeg).metadata()).exif)).toBe(o)
  })

  it('returns 1 for missing or garbage EXIF', () => {
    expect(exifOrientation(undefined)).toBe(1)
    expect(exifOrientation(Buffer.from('garbage-garbage-garbage'))).toBe(1)
  })

  it.each([2, 3, 4, 5, 6, 7, 8])(
    'applies orientation %i exactly like sharp/libvips autoOrient does',
    async (o) => {
      const m = await markerRaw(60, 40)
      const truth = await sharp(await encode(m).withMetadata({ orientation: o }).jpeg().toBuffer())
        .autoOrient()
        .png()
        .toBuffer()
      const mine = await applyOrientation(encode(m), o).png().toBuffer()
      const [t, x] = await Promise.all([sharp(truth).metadata(), sharp(mine).metadata()])
      expect([x.width, x.height]).toEqual([t.width, t.height])
      expect(await redCorner(mine)).toBe(await redCorner(truth))
    },
  )

  it('finds irot/imir only inside the meta box', () => {
    const ftyp = box('ftyp', Buffer.from('heic\0\0\0\0mif1heic', 'latin1'))
    const withIrot = Buffer.concat([
      ftyp,
      box('meta', Buffer.from('....iprp....ipco....irot\x01', 'latin1')),
      box('mdat', Buffer.alloc(16)),
    ])
    const plain = Buffer.concat([
      ftyp,
      box('meta', Buffer.from('....iprp....ipco....ispe', 'latin1')),
      box('mdat', Buffer.from('irot-in-data....', 'latin1')),
    ])
    expect(heifHasTransform(withIrot)).toBe(true)
    expect(heifHasTransform(plain)).toBe(false)
  })
})

describe('lossless JPEG metadata strip', () => {
  it('drops EXIF/XMP/ICC/COM segments and keeps the pixels bit-identical', async () => {
    const jpeg = await encode(await markerRaw(64, 48))
      .withExif({ IFD0: { Make: 'BeianTestCam' } })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>',
      )
      .jpeg({ quality: 90 })
      .toBuffer()
    const stripped = stripJpegMetadata(jpeg)
    expect(stripped).not.toBeNull()
    const meta = await sharp(stripped as Buffer).metadata()
    expect([meta.exif, meta.xmp, meta.icc]).toEqual([undefined, undefined, undefined])
    const [a, b] = await Promise.all([
      sharp(jpeg).raw().toBuffer(),
      sharp(stripped as Buffer)
        .raw()
        .toBuffer(),
    ])
    expect(a.equals(b)).toBe(true)
    expect(stripJpegMetadata(Buffer.from('not a jpeg'))).toBeNull()
  })

  it.each([50, 75, 90])('estimates IJG quality %i from the quantisation table', async (q) => {
    const jpeg = await encode(await markerRaw(32, 32))
      .jpeg({ quality: q })
      .toBuffer()
    expect(Math.abs(estimateJpegQuality(jpeg) - q)).toBeLessThanOrEqual(2)
  })
})
