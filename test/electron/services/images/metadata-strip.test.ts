/**
 * Issue 12: originals lose their metadata on import, the picture untouched. PDF certificates
 * (document information, XMP, EXIF of the embedded scan) and TIFF scans here; JPEG, PNG and
 * WebP in materials.test.ts.
 */
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { stripPdfMetadata } from '../../../../electron/main/services/images/pdf-strip'
import { withoutMetadata } from '../../../../electron/main/services/materials'
import { withCamera } from '../../../fixtures/variants'
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
