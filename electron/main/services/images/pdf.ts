/**
 * PDF page → pixels with pdfjs-dist 5 (legacy build, runs on Node 20 and Electron) and
 * @napi-rs/canvas. Registrar certificates often use non-embedded Chinese fonts (STSong-Light),
 * so a CJK font is registered as the generic fallback families pdf.js asks the canvas for.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { registerCjkFont, setCjkFont } from './fonts'
import { PDF_MAX_PAGES } from '../../../../core/model'
import { ImageInputError, MAX_INPUT_PIXELS } from './errors'
import { onPage, orientPixels, paintsNothing, placementOf, singlePicture, type Matrix } from './pdf-scan-page'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
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

type PdfJs = typeof PdfJsModule

async function openPdf(pdfjs: PdfJs, input: Buffer): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(input),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    // A picture above the pixel limit is left out before it is decoded (a Flate bomb would
    // otherwise allocate gigabytes); the page then paints nothing and is refused as blank.
    maxImageSize: MAX_INPUT_PIXELS,
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

type OperatorList = Awaited<ReturnType<PDFPageProxy['getOperatorList']>>

export type PdfPage = RawImage & {
  pages: number
  /** 'picture': the page's only content, a scanned picture, taken at its own resolution. */
  source: 'picture' | 'rendered'
}

/** Decoded picture as pdf.js hands it over (src/shared/image_utils.js ImageKind). */
type PdfImageData = { width: number; height: number; kind?: number; data?: Uint8ClampedArray | Uint8Array }
const IMAGE_KIND = { GRAYSCALE_1BPP: 1, RGB_24BPP: 2, RGBA_32BPP: 3 } as const

/** pdf.js stores 1-bit pictures packed, 1 = white, rows padded to whole bytes. */
function unpackBits(img: PdfImageData & { data: Uint8ClampedArray | Uint8Array }): RawImage {
  const { width, height, data } = img
  const stride = (width + 7) >> 3
  const out = Buffer.alloc(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = data[y * stride + (x >> 3)] ?? 0
      out[y * width + x] = byte & (0x80 >> (x & 7)) ? 255 : 0
    }
  }
  return { data: out, width, height, channels: 1 }
}

function toRawImage(img: PdfImageData): RawImage | null {
  const { width, height, kind, data } = img
  if (!data || !Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return null
  if (kind === IMAGE_KIND.GRAYSCALE_1BPP) return unpackBits({ ...img, data })
  const channels = kind === IMAGE_KIND.RGBA_32BPP ? 4 : kind === IMAGE_KIND.RGB_24BPP ? 3 : 0
  if (channels === 0 || data.length < width * height * channels) return null
  return {
    data: Buffer.from(data.buffer, data.byteOffset, width * height * channels),
    width,
    height,
    channels,
  }
}

/**
 * A small picture on a large page (a stamp-sized scan on A4) would make a huge, mostly blank
 * page at the picture's density: such pages are rendered at PDF_RENDER_LONG_SIDE instead.
 */
const PDF_PICTURE_MAX_LONG_SIDE = 6000

/** A scanned picture's pixels differ from the page's aspect (non-square dpi): render instead. */
const ASPECT_TOLERANCE = 0.01

/**
 * The page at its only picture's own resolution, the picture upright and unresampled; null when
 * the page has anything else on it, or the picture is skewed, spills over the page, is stretched,
 * or too large (then the page is rendered, which scales it down).
 */
async function scannedPicture(
  page: PDFPageProxy,
  list: OperatorList,
  ops: PdfJs['OPS'],
): Promise<RawImage | null> {
  const viewport = page.getViewport({ scale: 1 })
  const found = singlePicture(list.fnArray, list.argsArray, ops, viewport.transform as Matrix)
  if (!found) return null
  const placement = placementOf(found.matrix, viewport)
  if (!placement) return null
  let data: PdfImageData
  if (typeof found.image === 'string') {
    const id = found.image
    const pool = id.startsWith('g_') ? page.commonObjs : page.objs
    data = await new Promise<PdfImageData>((resolve) => pool.get(id, resolve as (d: unknown) => void))
  } else {
    data = found.image as PdfImageData
  }
  if (!data || data.width * data.height > MAX_INPUT_PIXELS) return null
  const raw = toRawImage(data)
  if (!raw) return null
  const upright = orientPixels(raw, placement)
  const pixelAspect = upright.width / upright.height
  const boxAspect = placement.box.width / placement.box.height
  if (Math.abs(pixelAspect / boxAspect - 1) > ASPECT_TOLERANCE) return null
  const density = upright.width / placement.box.width
  if (Math.max(viewport.width, viewport.height) * density > PDF_PICTURE_MAX_LONG_SIDE) return null
  return onPage(upright, placement.box, viewport)
}

/**
 * Page `pageNumber` (1-based) as pixels: a scanned page's picture as stored, any other page
 * rendered on white (always rendered with `takePicture: false`). Refuses encrypted, over-long
 * or damaged files.
 */
export async function renderPdfPage(
  input: Buffer,
  pageNumber = 1,
  options: { takePicture?: boolean } = {},
): Promise<PdfPage> {
  if (pdfIsEncrypted(input)) throw new ImageInputError('pdf/encrypted')
  registerCjkFont()
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await openPdf(pdfjs, input)
  try {
    if (doc.numPages > PDF_MAX_PAGES) throw new ImageInputError('pdf/too-many-pages', `共 ${doc.numPages} 页`)
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
      throw new ImageInputError('pdf/page-out-of-range', `共 ${doc.numPages} 页`)
    }
    const page = await doc.getPage(pageNumber)
    const list = await page.getOperatorList()
    if (paintsNothing(list.fnArray, pdfjs.OPS)) throw new ImageInputError('pdf/blank-page')
    const picture = options.takePicture === false ? null : await scannedPicture(page, list, pdfjs.OPS)
    if (picture) return { ...picture, pages: doc.numPages, source: 'picture' }
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
      source: 'rendered',
    }
  } catch (error) {
    if (error instanceof ImageInputError) throw error
    throw new ImageInputError('pdf/damaged')
  } finally {
    await doc.destroy().catch(() => undefined)
  }
}
