/**
 * 材料打印.pdf: each material on its own A4 page under its caption, as large as the page
 * allows without blowing a small image up past 150 dpi, for the 面审 printout and for clients who want paper.
 */
import { PDFDocument, type PDFImage } from 'pdf-lib'
import { embedCjkFont } from './font'
import './stream-copy'
import { ALERT, finishPages, MARGIN, MUTED, PageFlow, setMetadata } from './layout'

export type PrintImage = { caption: string; fileName?: string; jpeg: Uint8Array }
export type PrintPdfInput = {
  siteName: string
  date: string
  now: Date
  draft: boolean
  images: readonly PrintImage[]
  fontPath?: string
}

export const PRINT_PDF_NAME = '材料打印.pdf'
/** Points per pixel at 150 dpi: a small image is not blown up past what prints sharply. */
const MAX_PT_PER_PX = 72 / 150

function placeImage(flow: PageFlow, image: PDFImage): void {
  const boxW = flow.right - flow.left
  const boxH = flow.y - (MARGIN + 20)
  const scale = Math.min(boxW / image.width, boxH / image.height, MAX_PT_PER_PX)
  const [w, h] = [image.width * scale, image.height * scale]
  flow.page.drawImage(image, { x: flow.left + (boxW - w) / 2, y: flow.y - h, width: w, height: h })
}

export async function buildPrintPdf(input: PrintPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const title = `公安备案材料打印 - ${input.siteName || '网站'}`
  setMetadata(doc, title, input.now)
  const font = await embedCjkFont(doc, input.fontPath)
  const flow = new PageFlow(doc, font)
  if (input.images.length === 0) flow.text('没有可打印的材料。', { size: 12, color: ALERT })
  for (const [i, item] of input.images.entries()) {
    if (i > 0) flow.newPage()
    flow.text(`${i + 1}. ${item.caption}`, { size: 15 })
    flow.text(`${input.siteName}${item.fileName ? `  文件：${item.fileName}` : ''}`, {
      size: 9,
      color: MUTED,
    })
    flow.gap(8)
    const image = await doc.embedJpg(item.jpeg).catch(() => undefined)
    if (image) placeImage(flow, image)
    else
      flow.text('这张图片无法读取（不是有效的 JPEG），请在应用中重新导入这一项。', { size: 11, color: ALERT })
  }
  finishPages(doc, font, { title, date: input.date, draft: input.draft })
  // Without object streams pdf-lib skips a second (pure JS) deflate pass; the file grows a few KB.
  return doc.save({ useObjectStreams: false })
}
