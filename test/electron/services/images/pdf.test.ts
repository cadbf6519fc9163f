import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  PDFDocument,
  StandardFonts,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  rgb,
} from 'pdf-lib'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { compressImage } from '../../../../electron/main/services/images'

const CAP = 512_000
const QPDF = '/usr/bin/qpdf'
const work = mkdtempSync(join(tmpdir(), 'beian-pdf-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const p1 = doc.addPage([595, 842])
  p1.drawRectangle({ x: 0, y: 742, width: 595, height: 100, color: rgb(0.1, 0.3, 0.7) })
  for (let i = 0; i < 40; i++)
    p1.drawText(`Domain certificate line ${i} example.cn registrant 2026-11-28`, {
      x: 40,
      y: 700 - i * 16,
      size: 7,
      font,
    })
  const p2 = doc.addPage([842, 595])
  p2.drawRectangle({ x: 0, y: 0, width: 842, height: 595, color: rgb(0.85, 0.1, 0.1) })
  return Buffer.from(await doc.save())
}

/** A registrar-style page whose Chinese font is NOT embedded (STSong-Light + UniGB-UCS2-H). */
function nonEmbeddedCjkPdf(): Buffer {
  const text = '516C5B89590768488BC14E66' // 公安备案证书 in UCS-2
  const stream = `BT /F1 60 Tf 60 700 Td <${text}> Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

async function darkFraction(
  jpeg: Buffer,
  region?: { left: number; top: number; width: number; height: number },
): Promise<number> {
  let img = sharp(jpeg).greyscale()
  if (region) img = img.extract(region)
  const { data } = await img.raw().toBuffer({ resolveWithObject: true })
  let dark = 0
  for (const v of data) if (v < 100) dark++
  return dark / data.length
}

function qpdfEncrypt(input: Buffer, user: string, name: string): Buffer {
  if (!existsSync(QPDF))
    throw new Error(`qpdf is required for this test (${QPDF}); install it: apt-get install -y qpdf`)
  const src = join(work, `${name}-in.pdf`)
  const dst = join(work, `${name}-out.pdf`)
  writeFileSync(src, input)
  execFileSync(QPDF, ['--encrypt', user, 'owner-secret', '256', '--', src, dst])
  return readFileSync(dst)
}

describe('PDF input', () => {
  it('renders page 1 by default at a legible resolution, page 2 on request', async () => {
    const pdf = await twoPagePdf()
    const r = await compressImage(pdf, { maxBytes: CAP })
    expect(r.sourceFormat).toBe('pdf')
    expect(r.jpeg.length).toBeLessThanOrEqual(CAP)
    expect(Math.max(r.sourceWidth, r.sourceHeight)).toBeGreaterThanOrEqual(2400)
    expect(r.height).toBeGreaterThan(r.width) // A4 portrait
    expect(await darkFraction(r.jpeg)).toBeGreaterThan(0.005) // 7 pt text rendered
    const p2 = await compressImage(pdf, { maxBytes: CAP, pdfPage: 2 })
    expect(p2.width).toBeGreaterThan(p2.height)
    const stats = await sharp(p2.jpeg).stats()
    expect(stats.channels[0]?.mean).toBeGreaterThan(180)
    expect(stats.channels[1]?.mean).toBeLessThan(60)
    await expect(compressImage(pdf, { maxBytes: CAP, pdfPage: 3 })).rejects.toMatchObject({
      code: 'pdf/page-out-of-range',
    })
  })

  it('draws Chinese text of a non-embedded registrar font with the fallback CJK font', async () => {
    const r = await compressImage(nonEmbeddedCjkPdf(), { maxBytes: CAP })
    const scale = r.width / 595
    const band = {
      left: Math.round(60 * scale),
      top: Math.round(60 * scale),
      width: Math.round(360 * scale),
      height: Math.round(120 * scale),
    }
    // Glyphs drawn: ~0.16 of the band is ink; tofu boxes (no fallback font) give ~0.03.
    expect(await darkFraction(r.jpeg, band)).toBeGreaterThan(0.08)
  })

  it('refuses password-protected PDFs (user and owner-only) with "remove the password"', async () => {
    const pdf = await twoPagePdf()
    for (const [name, user] of [
      ['user', 'open-me'],
      ['owner', ''],
    ] as const) {
      const locked = qpdfEncrypt(pdf, user, name)
      const e = await compressImage(locked, { maxBytes: CAP }).catch(
        (x: unknown) => x as { code: string; message: string },
      )
      expect(e).toMatchObject({ code: 'pdf/encrypted' })
      expect((e as { message: string }).message).toContain('移除密码')
    }
  })

  it('refuses a 500-page PDF by its page count, saying how many pages it has', async () => {
    const doc = await PDFDocument.create()
    for (let i = 0; i < 500; i++) doc.addPage([200, 200])
    const pdf = Buffer.from(await doc.save())
    await expect(compressImage(pdf, { maxBytes: CAP })).rejects.toMatchObject({
      code: 'pdf/too-many-pages',
      message: expect.stringContaining('共 500 页'),
    })
  })

  it('refuses a blank page, and a page whose only picture is a 64 MP Flate bomb, as blank', async () => {
    const blank = await PDFDocument.create()
    blank.addPage([595, 842])
    await expect(compressImage(Buffer.from(await blank.save()), { maxBytes: CAP })).rejects.toMatchObject({
      code: 'pdf/blank-page',
      message: expect.stringContaining('5000 万像素'),
    })
    // 8000×8000 grey deflates to ~64 KB; decoded it would be 64 MB of grey and 256 MB of RGBA.
    const side = 8000
    const doc = await PDFDocument.create()
    const bomb = doc.context.flateStream(new Uint8Array(side * side), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: side,
      Height: side,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
    })
    const page = doc.addPage([595, 595])
    const name = page.node.newXObject('Bomb', doc.context.register(bomb))
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(595, 0, 0, 595, 0, 0),
      drawObject(name),
      popGraphicsState(),
    )
    const pdf = Buffer.from(await doc.save())
    expect(pdf.length).toBeLessThan(200_000)
    await expect(compressImage(pdf, { maxBytes: CAP })).rejects.toMatchObject({ code: 'pdf/blank-page' })
  })

  it('refuses damaged PDFs with their own message', async () => {
    await expect(compressImage(Buffer.from('%PDF-1.7\n'), { maxBytes: CAP })).rejects.toMatchObject({
      code: 'pdf/damaged',
    })
    const junk = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41)])
    await expect(compressImage(junk, { maxBytes: CAP })).rejects.toMatchObject({ code: 'pdf/damaged' })
  })
})
