import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { buildPrintPdf, type PrintPdfInput } from '../../../../electron/main/services/packet-pdf/print-pdf'
import { ink, pdfInfo, pdfText, renderPage, squash } from './render'

const jpeg = async (w: number, h: number, colour: string): Promise<Uint8Array> =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: colour } })
      .jpeg()
      .toBuffer(),
  )

const base = (over: Partial<PrintPdfInput> = {}): Omit<PrintPdfInput, 'images'> => ({
  siteName: '小明的博客',
  date: '2026-12-07',
  now: new Date('2026-12-07T08:00:00Z'),
  draft: false,
  ...over,
})

// The image area: inside the 50 pt margins, below the caption (about 95 pt from the top).
const MARGIN_X = 50 / 595.28
const inside = { x0: MARGIN_X + 0.01, y0: 0.14, x1: 1 - MARGIN_X - 0.01, y1: 0.9 }

describe('buildPrintPdf', () => {
  it('puts each image on its own A4 page under its caption, inside the margins', async () => {
    const images = [
      {
        caption: '身份证正面',
        fileName: '1_开办主体/01_身份证正面.jpg',
        jpeg: await jpeg(1600, 1000, '#203040'),
      },
      { caption: '本人手持身份证照', jpeg: await jpeg(900, 1200, '#403020') },
      { caption: '域名证书', jpeg: await jpeg(2400, 1700, '#204030') },
    ]
    const pdf = await buildPrintPdf({ ...base(), images })
    const info = pdfInfo(pdf)
    expect(info.pages).toBe(3)
    expect(info.pageSize).toMatch(/^595\.28 x 841\.89 pts/)
    images.forEach((image, i) => {
      const text = squash(pdfText(pdf, i + 1))
      expect(text).toContain(squash(`${i + 1}. ${image.caption}`))
      expect(text).toContain(`第${i + 1}/3页`)
      expect(text).toContain('2026-12-07')
      for (const other of images.filter((o) => o !== image))
        expect(text).not.toContain(squash(`. ${other.caption}`))
      const page = renderPage(pdf, i + 1)
      expect(page.warnings).toBe('')
      // A dark image fills a large part of the page; nothing is drawn in the side margins.
      expect(ink(page, inside)).toBeGreaterThan(0.25)
      expect(ink(page, { x0: 0, y0: 0, x1: MARGIN_X - 0.005, y1: 1 })).toBe(0)
      expect(ink(page, { x0: 1 - MARGIN_X + 0.005, y0: 0, x1: 1, y1: 1 })).toBe(0)
    })
    expect(pdfText(pdf, 1)).toContain('1_开办主体/01_身份证正面.jpg')
  })

  it('does not blow a small image up past 150 dpi', async () => {
    const pdf = await buildPrintPdf({
      ...base(),
      images: [{ caption: '小图', jpeg: await jpeg(300, 200, '#000000') }],
    })
    const page = renderPage(pdf, 1, 72)
    // 300 × 200 px at 150 dpi = 144 × 96 pt of black on a 595 × 842 pt page.
    const black = page.data.filter((v) => v < 40).length
    expect(black).toBeGreaterThan(144 * 96 * 0.9)
    expect(black).toBeLessThan(144 * 96 * 1.1)
  })

  it('says so on the page when an image cannot be read, and keeps the other pages', async () => {
    const images = [
      { caption: '坏图', jpeg: new Uint8Array([0xff, 0xd8, 1, 2, 3]) },
      { caption: '好图', jpeg: await jpeg(800, 500, '#333333') },
    ]
    const pdf = await buildPrintPdf({ ...base(), images })
    expect(pdfInfo(pdf).pages).toBe(2)
    expect(pdfText(pdf, 1)).toContain('这张图片无法读取')
    expect(ink(renderPage(pdf, 2), inside)).toBeGreaterThan(0.1)
  })

  it('marks every page 草稿 when forced', async () => {
    const images = [
      { caption: '甲', jpeg: await jpeg(400, 100, '#ffffff') },
      { caption: '乙', jpeg: await jpeg(400, 100, '#ffffff') },
    ]
    const plain = await buildPrintPdf({ ...base(), images })
    const draft = await buildPrintPdf({ ...base({ draft: true }), images })
    const centre = { x0: 0.3, y0: 0.35, x1: 0.7, y1: 0.65 }
    for (const p of [1, 2]) {
      expect(ink(renderPage(draft, p), centre)).toBeGreaterThan(ink(renderPage(plain, p), centre) + 0.025)
      expect(pdfText(draft, p)).toContain('草稿')
    }
  })
})
