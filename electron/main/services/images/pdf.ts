/**
 * PDF page → pixels with pdfjs-dist 5 (legacy build, runs on Node 20 and Electron) and
 * @napi-rs/canvas. Registrar certificates often use non-embedded Chinese fonts (STSong-Light),
 * so a CJK font is registered as the generic fallback families pdf.js asks the canvas for.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { registerCjkFont, setCjkFont } from './fonts'
import { ImageInputError, MAX_INPUT_PIXELS, MAX_PDF_PAGES } from './errors'
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { RawImage } from './sharp-options'

/** Long side of the rendered page: keeps 6–7 pt text legible on A4 (≈ 250 dpi). */
export const PDF_RENDER_LONG_SIDE = 2800
/** Never render small pages above this resolution. */
export const PDF_MAX_DPI = 600

const nodeRequire = createRequire(import.meta.url)
const pdfjsRoot = dirname(nodeRequire.resolve('pdfjs-dist/package.json'))

/** Uses this CJK font file instead of the bundled Noto Sans SC (call before the first PDF). */
export function setPdfFallbackFont(path: string): void {
  setCjkFont(path)
}

/** True when the file declares an /Encrypt dictionary (user or owner password). */
export function pdfIsEncrypted(input: Buffer): boolean {
  return input.includes('/Encrypt', 0, 'latin1')
}

async function openPdf(input: Buffer): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: new Uint8Array(input),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    verbosity: 0,
  })
  try {
    return await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    if ((error as Error).name === 'PasswordException') throw new ImageInputError('pdf/encrypted')
    throw new ImageInputError('pdf/damaged')
  }
}

function renderScale(widthPt: number, heightPt: number): number {
  const long = Math.max(widthPt, heightPt, 1)
  let scale = Math.min(PDF_RENDER_LONG_SIDE / long, PDF_MAX_DPI / 72)
  const pixels = widthPt * heightPt * scale * scale
  if (pixels > MAX_INPUT_PIXELS) scale *= Math.sqrt(MAX_INPUT_PIXELS / pixels)
  return scale
}

export type PdfPage = RawImage & { pages: number }

/** Renders page `pageNumber` (1-based) on white; refuses encrypted, over-long or damaged files. */
export async function renderPdfPage(input: Buffer, pageNumber = 1): Promise<PdfPage> {
  if (pdfIsEncrypted(input)) throw new ImageInputError('pdf/encrypted')
  registerCjkFont()
  const doc = await openPdf(input)
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new ImageInputError('pdf/too-many-pages', `共 ${doc.numPages} 页`)
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
      throw new ImageInputError('pdf/page-out-of-range', `共 ${doc.numPages} 页`)
    }
    const page = await doc.getPage(pageNumber)
    const base = page.getViewport({ scale: 1 })
    const viewport = page.getViewport({ scale: renderScale(base.width, base.height) })
    const width = Math.max(1, Math.round(viewport.width))
    const height = Math.max(1, Math.round(viewport.height))
    const canvas = createCanvas(width, height)
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, width, height)
    const renderArgs = { canvas: canvas as never, canvasContext: ctx as never, viewport }
    await page.render(renderArgs).promise
    const rgba = ctx.getImageData(0, 0, width, height).data
    return {
      data: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength),
      width,
      height,
      channels: 4,
      pages: doc.numPages,
    }
  } catch (error) {
    if (error instanceof ImageInputError) throw error
    throw new ImageInputError('pdf/damaged')
  } finally {
    await doc.destroy().catch(() => undefined)
  }
}
