/**
 * Issue 12: originals lose their metadata on import, the picture untouched. PDF certificates
 * (document information, XMP, EXIF of the embedded scan), TIFF scans and iPhone-style HEIC
 * here; JPEG, PNG and WebP in materials.test.ts.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import decodeHeic from 'heic-decode'
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { stripPdfMetadata } from '../../../../electron/main/services/images/pdf-strip'
import { withoutMetadata } from '../../../../electron/main/services/materials'
import { blankHeifMetadata } from '../../../../electron/main/services/images/heic-strip'
import { exifOrientation, heifHasTransform } from '../../../../electron/main/services/images/orientation'
import { HEIF_ENC, withCamera, withOrientation } from '../../../fixtures/variants'
import { documentRaw, encode } from './fixtures'

const XMP = `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description exif:GPSLatitude="39,54.45N" xmlns:exif="http://ns.adobe.com/exif/1.0/"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`

/** A scanner app's PDF: author and app in the document information, XMP, and a JPEG page with GPS. */
async function scannedPdf(): Promise<{ pdf: Buffer; jpeg: Buffer }> {
  const jpeg = await withCamera(await encode(documentRaw(800, 560)).jpeg().toBuffer())
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setAuthor('张三')
  doc.setCreator('SynthScan 3.1')
  doc.setProducer('SynthScan PDF')
  doc.setTitle('营业执照扫描件')
  const xmp = doc.context.stream(XMP, { Type: 'Metadata', Subtype: 'XML' })
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp))
  const img = await doc.embedJpg(jpeg)
  const page = doc.addPage([img.width, img.height])
  page.drawImage(img, { x: 0, y: 0, width: img.width, height: img.height })
  return { pdf: Buffer.from(await doc.save({ useObjectStreams: false })), jpeg }
}

/** Every image stream's bytes (the embedded JPEGs). */
async function embeddedJpegs(pdf: Buffer): Promise<Buffer[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  return doc.context
    .enumerateIndirectObjects()
    .flatMap(([, o]) =>
      o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')
        ? [Buffer.from(o.contents)]
        : [],
    )
}

const pixels = async (jpeg: Buffer) => (await sharp(jpeg).raw().toBuffer()).toString('base64')

describe('PDF metadata on import', () => {
  it('drops the document information, the XMP and the embedded JPEG’s EXIF; the page image is the same', async () => {
    const { pdf, jpeg } = await scannedPdf()
    expect((await sharp((await embeddedJpegs(pdf))[0]).metadata()).exif).toBeDefined()
    const clean = await withoutMetadata(pdf)
    const doc = await PDFDocument.load(clean, { updateMetadata: false })
    expect([doc.getAuthor(), doc.getCreator(), doc.getProducer(), doc.getTitle()]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    expect(doc.catalog.has(PDFName.of('Metadata'))).toBe(false)
    expect(clean.includes('GPSLatitude')).toBe(false)
    expect(clean.includes('SynthCam')).toBe(false)
    const [embedded] = await embeddedJpegs(clean)
    expect(embedded).toBeDefined()
    expect((await sharp(embedded as Buffer).metadata()).exif).toBeUndefined()
    expect(await pixels(embedded as Buffer)).toBe(await pixels(jpeg))
    expect(doc.getPageCount()).toBe(1)
  })

  it('keeps a PDF without metadata byte for byte, and one it cannot load as it was', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false })
    doc.addPage([200, 100])
    const bare = Buffer.from(await doc.save({ useObjectStreams: false }))
    expect(await stripPdfMetadata(bare)).toBeNull()
    expect((await withoutMetadata(bare)).equals(bare)).toBe(true)
    const damaged = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x41)])
    expect((await withoutMetadata(damaged)).equals(damaged)).toBe(true)
  })
})

describe('TIFF metadata on import', () => {
  it('re-writes an 8-bit TIFF carrying XMP losslessly, without it', async () => {
    const tiff = await encode(documentRaw(400, 280))
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/">GPS 39.9N 116.4E</x:xmpmeta>')
      .tiff()
      .toBuffer()
    expect((await sharp(tiff).metadata()).xmp).toBeDefined()
    const clean = await withoutMetadata(tiff)
    const meta = await sharp(clean).metadata()
    expect(meta.format).toBe('tiff')
    expect(meta.xmp).toBeUndefined()
    expect(clean.includes('GPS 39.9N')).toBe(false)
    expect((await sharp(clean).raw().toBuffer()).equals(await sharp(tiff).raw().toBuffer())).toBe(true)
  })

  it('keeps a TIFF without metadata byte for byte', async () => {
    const tiff = await encode(documentRaw(200, 140)).tiff().toBuffer()
    expect((await withoutMetadata(tiff)).equals(tiff)).toBe(true)
  })
})

/** A HEIC made by Debian's heif-enc from a JPEG: it copies the JPEG's EXIF (GPS included) as an Exif item. */
async function heicFromJpeg(jpeg: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'beian-heic-strip-'))
  try {
    await writeFile(join(dir, 'in.jpg'), jpeg)
    await promisify(execFile)(HEIF_ENC, [
      '-q',
      '60',
      '-p',
      'preset=ultrafast',
      join(dir, 'in.jpg'),
      '-o',
      join(dir, 'out.heic'),
    ])
    return await readFile(join(dir, 'out.heic'))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const decoded = async (heic: Buffer) => Buffer.from((await decodeHeic({ buffer: heic })).data)

describe('HEIC metadata on import', () => {
  it('blanks the EXIF item in place: no camera or GPS left, the same size and the same picture', async () => {
    const heic = await heicFromJpeg(await withCamera(await encode(documentRaw(320, 240)).jpeg().toBuffer()))
    expect(heic.includes('SynthCam')).toBe(true)
    const clean = await withoutMetadata(heic)
    expect(clean.includes('SynthCam')).toBe(false)
    expect(clean.includes('GPS')).toBe(false)
    expect(clean.length).toBe(heic.length)
    expect((await decoded(clean)).equals(await decoded(heic))).toBe(true)
  })

  it('keeps a HEIC whose EXIF Orientation is what turns it upright (no irot): blanking would store it sideways', async () => {
    const heic = await heicFromJpeg(
      await withOrientation(await encode(documentRaw(320, 240)).jpeg().toBuffer(), 6),
    )
    expect(heifHasTransform(heic)).toBe(false)
    expect(exifOrientation((await sharp(heic).metadata()).exif)).toBe(6)
    expect((await withoutMetadata(heic)).equals(heic)).toBe(true)
  })

  it('leaves a file it does not understand as it was', () => {
    expect(blankHeifMetadata(Buffer.from('not a heif file at all'))).toBeNull()
    const truncated = Buffer.alloc(64)
    truncated.writeUInt32BE(4096, 0)
    truncated.write('meta', 4, 'latin1')
    expect(blankHeifMetadata(truncated)).toBeNull()
  })
})
