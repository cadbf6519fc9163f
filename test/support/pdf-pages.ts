/** PDFs with one flat colour per page (and each page's own size), for page-choice tests. */
import { PDFDocument, rgb } from 'pdf-lib'
import sharp from 'sharp'

export type PageSpec = { size: [number, number]; colour: [number, number, number] }

export async function colourPagesPdf(pages: readonly PageSpec[]): Promise<Buffer> {
  const doc = await PDFDocument.create()
  for (const { size, colour } of pages) {
    const page = doc.addPage(size)
    page.drawRectangle({ x: 0, y: 0, width: size[0], height: size[1], color: rgb(...colour) })
  }
  return Buffer.from(await doc.save())
}

/** Mean R, G, B of an encoded image (or a data: URL of one). */
export async function meanColour(image: Buffer | string): Promise<[number, number, number]> {
  const bytes = typeof image === 'string' ? Buffer.from(image.split(',')[1] ?? '', 'base64') : image
  const { channels } = await sharp(bytes).stats()
  return [channels[0]?.mean ?? 0, channels[1]?.mean ?? 0, channels[2]?.mean ?? 0]
}
