import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import { PDFDocument, type PDFFont } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import {
  cjkFontBytes,
  cjkFontPath,
  embedCjkFont,
  fontkitForPdfLib,
} from '../../../../electron/main/services/packet-pdf/font'
import { ink, pdfFonts, pdfText, renderPage, type Gray } from './render'

// Short strings: the subset bug of @pdf-lib/fontkit only shows with few glyphs (shared notes).
const SAMPLE = '公安备案材料 京公网安备11010502000001号'

async function onePage(text: string, embed: (doc: PDFDocument) => Promise<PDFFont>): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await embed(doc)
  doc.addPage([595.28, 120]).drawText(text, { x: 20, y: 50, size: 24, font })
  return doc.save()
}

/** The same string drawn by Skia (@napi-rs/canvas) from the same font file, at 72 dpi. */
function referenceRender(text: string): Gray {
  GlobalFonts.registerFromPath(cjkFontPath(), 'PacketReferenceCJK')
  const canvas = createCanvas(595, 120)
  const g = canvas.getContext('2d')
  g.fillStyle = '#fff'
  g.fillRect(0, 0, 595, 120)
  g.fillStyle = '#000'
  g.font = '24px PacketReferenceCJK'
  g.fillText(text, 20, 70)
  const rgba = canvas.data()
  return {
    width: 595,
    height: 120,
    data: Uint8Array.from({ length: 595 * 120 }, (_, i) => rgba[i * 4] ?? 255),
    warnings: '',
  }
}

/** Ink of eight vertical strips of the text line: a missing or boxed glyph shows in its strip. */
const strips = (img: Gray): number[] =>
  [...Array(8).keys()].map((i) => ink(img, { x0: i / 8, y0: 0, x1: (i + 1) / 8, y1: 1 }))

/** Poppler's ink over Skia's, per strip that has text. */
function ratios(pdf: Uint8Array, text: string): number[] {
  const [got, want] = [strips(renderPage(pdf, 1, 72)), strips(referenceRender(text))]
  return want.flatMap((w, i) => (w > 0.005 ? [(got[i] ?? 0) / w] : []))
}

describe('embedCjkFont', () => {
  it('draws a short CJK string as the font does (no tofu, no missing glyphs)', async () => {
    const pdf = await onePage(SAMPLE, (doc) => embedCjkFont(doc))
    expect(pdf.length).toBeLessThan(40_000)
    const r = ratios(pdf, SAMPLE)
    expect(r.length).toBeGreaterThanOrEqual(6)
    // The renderers anti-alias differently (poppler about 10 % darker), but evenly along the line.
    const mean = r.reduce((a, b) => a + b, 0) / r.length
    expect(mean).toBeGreaterThan(0.85)
    expect(mean).toBeLessThan(1.35)
    for (const v of r) expect(Math.abs(v / mean - 1)).toBeLessThan(0.12)
    expect(renderPage(pdf, 1).warnings).toBe('')
    expect(pdfText(pdf).trim()).toBe(SAMPLE)
    // Named as a subset (PDF 32000-1 §9.6.4), so pdffonts and preflight tools say so.
    expect(pdfFonts(pdf)).toMatch(/^[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/m)
  })

  it('the check notices other glyphs: a different string does not match the reference', async () => {
    const pdf = await onePage('一二三四五六七八九十 京公网安备11010502000001号', (doc) => embedCjkFont(doc))
    const r = ratios(pdf, SAMPLE)
    const mean = r.reduce((a, b) => a + b, 0) / r.length
    expect(r.some((v) => Math.abs(v / mean - 1) >= 0.12)).toBe(true)
  })

  it('reuses the parsed font: the same bytes parse once, and two documents stay independent', async () => {
    const bytes = await cjkFontBytes()
    expect(await cjkFontBytes()).toBe(bytes)
    const create = (fontkitForPdfLib as unknown as { create(b: Uint8Array): unknown }).create
    expect(create(bytes)).toBe(create(bytes))
    const first = await onePage('第一份', (doc) => embedCjkFont(doc))
    const second = await onePage('第二份', (doc) => embedCjkFont(doc))
    expect(pdfText(first).trim()).toBe('第一份')
    expect(pdfText(second).trim()).toBe('第二份')
  })
})
