/**
 * Image service: any user file (JPEG, PNG, WebP, TIFF, GIF, BMP, AVIF, HEIC, PDF) → the most
 * legible upright sRGB JPEG without metadata that fits the portal's byte cap.
 */
import type { ImageWarningCode, PerspectiveEdit, WatermarkPlacement } from '../../../../core/model'
import { imageWarnings } from '../../../../core/images/checks'
import { LOSSLESS_MAX_QUALITY } from '../../../../core/images/caps'
import { CapUnreachableError, fitToCap } from '../../../../core/images/fit'
import { estimateJpegQuality } from './jpeg-strip'
import { measureImage } from './analyze'
import { decodeInput, mapSharpError, type Decoded, type ImageNoteCode } from './decode'
import { inputFormat } from '../input-gate'
import { FINAL_TO_DRAFT, makeEncoders } from './encode'
import { ImageInputError } from './errors'
import { openSharp } from './sharp-options'
import { cpuSnapshot, hasSpareCore, type CpuSnapshot } from './spare-core'
import { applyWatermark, watermarkText } from './watermark'

export { detectFormat } from './detect'
export { ImageInputError, imageErrorMessage, type ImageErrorCode } from './errors'
export { IMAGE_NOTE_MESSAGES, type ImageNoteCode } from './decode'

/** Whole-call backstop (HEIC wasm and pdf.js cannot be interrupted by sharp's timeout). */
export const COMPRESS_TIMEOUT_MS = 90_000

export type CompressOptions = {
  maxBytes: number
  colourRequired?: boolean
  idCard?: boolean
  pdfPage?: number
  rotate?: 0 | 90 | 180 | 270
  /** In pixels of the upright original (after EXIF/HEIF orientation) turned by `rotate`. */
  crop?: { left: number; top: number; width: number; height: number }
  /** The upright source size `crop` was measured in, when it may predate the decoder (decode.ts). */
  cropFrame?: { width: number; height: number }
  /** 透视校正: the document's corners in the upright original, straightened before rotate and crop. */
  perspective?: PerspectiveEdit
  signal?: AbortSignal
  /**
   * Optional text (≤ WATERMARK_MAX_CHARS, e.g. 仅供公安备案使用) drawn over the
   * rotated/cropped picture, before fitting to the cap.
   */
  watermark?: string
  /** Where the watermark goes (watermark.ts); default `tiled`, as before placements existed. */
  watermarkPlacement?: WatermarkPlacement
}

export type CompressResult = {
  jpeg: Buffer
  width: number
  height: number
  quality: number
  sourceFormat: string
  sourceWidth: number
  sourceHeight: number
  warnings: ImageWarningCode[]
  /** Trial encodes spent (0 when the source JPEG was kept, minus its metadata). */
  encodes: number
  /** What was used from the input (first frame/page only); see IMAGE_NOTE_MESSAGES. */
  notes: ImageNoteCode[]
  /** Long side chosen by the search (equals max(width, height)). */
  longSide: number
  /** Number of pages of a PDF source (the page used is CompressOptions.pdfPage). */
  pages?: number
}

/** Lossless formats: their byte count says nothing about the JPEG size a picture needs. */
const LOSSLESS_FORMATS: ReadonlySet<string> = new Set(['png', 'gif', 'tiff', 'bmp'])

/**
 * A small lossless source (typically a screenshot) keeps full chroma at every quality and stops
 * at LOSSLESS_MAX_QUALITY, with no byte preference. Screenshots have sharp coloured edges on
 * flat backgrounds: a JPEG as legible as the PNG needs several times its bytes (the old 1.5×
 * growth limit left a certificate screenshot at butteraugli 3.8 where ImageMagick reached 1.2
 * with 483 KB); 4:4:4 at q98 matches it with about 380 KB, and no setting above buys more
 * (see LOSSLESS_MAX_QUALITY), so the file is never bigger than that.
 * JPEG sources under the cap are passed through (never made larger), so need no rule here.
 */
function smallLossless(input: Buffer, format: string, opts: CompressOptions): boolean {
  return LOSSLESS_FORMATS.has(format) && input.length < opts.maxBytes
}

/** Pictures being compressed in this process: with one, the search may use a second core. */
let inFlight = 0

async function encodeToCap(
  d: Decoded,
  input: Buffer,
  opts: CompressOptions,
  started: CpuSnapshot,
  onDraft: () => void,
) {
  if (d.passthrough && d.passthrough.length <= opts.maxBytes && !opts.rotate && !opts.crop) {
    return {
      jpeg: d.passthrough,
      width: d.width,
      height: d.height,
      quality: estimateJpegQuality(d.passthrough),
      encodes: 0,
    }
  }
  const screenshot = smallLossless(input, d.sourceFormat, opts)
  try {
    const fit = await fitToCap({
      longSide: Math.max(d.width, d.height),
      maxBytes: opts.maxBytes,
      finalToDraft: FINAL_TO_DRAFT,
      ...(screenshot ? { maxQuality: LOSSLESS_MAX_QUALITY } : {}),
      // Only an unedited JPEG keeps its bytes (passthrough): at its own size and block grid, its
      // own quality is a safe floor for full size (core/images/side-floor.ts says why).
      ...(d.passthrough ? { sourceJpegQuality: estimateJpegQuality(d.passthrough) } : {}),
      // Asked at the first final: the CPU used by others since this picture started decides.
      parallelFinals: () => hasSpareCore(started, inFlight),
      ...makeEncoders(d, {
        signal: opts.signal,
        fullChroma: screenshot,
        onStage: (stage) => (stage === 'draft' ? onDraft() : undefined),
      }),
    })
    const jpeg = Buffer.from(fit.bytes.buffer, fit.bytes.byteOffset, fit.bytes.byteLength)
    const meta = await openSharp(jpeg).metadata()
    return {
      jpeg,
      width: meta.width ?? 0,
      height: meta.height ?? 0,
      quality: fit.quality,
      encodes: fit.encodes,
    }
  } catch (error) {
    if (error instanceof CapUnreachableError) throw new ImageInputError('image/cap-unreachable')
    throw mapSharpError(error)
  }
}

/** The decoded picture with the watermark drawn in; never passed through as the source JPEG. */
async function watermarked(
  d: Decoded,
  text: string,
  placement: WatermarkPlacement | undefined,
): Promise<Decoded> {
  try {
    const { passthrough: _source, ...pixels } = d
    return await applyWatermark(pixels, text, placement)
  } catch (error) {
    throw mapSharpError(error)
  }
}

async function compressNow(input: Buffer, opts: CompressOptions): Promise<CompressResult> {
  if (!Number.isInteger(opts.maxBytes) || opts.maxBytes < 1)
    throw new ImageInputError('image/cap-unreachable')
  const started = cpuSnapshot()
  const format = inputFormat(input)
  const mark = watermarkText(opts.watermark)
  const decoded = await decodeInput(input, format, opts)
  if (opts.signal?.aborted) throw new ImageInputError('image/cancelled')
  const pixels = mark === null ? decoded : await watermarked(decoded, mark, opts.watermarkPlacement)
  // The checks (on the picture without the watermark) run beside the search, on the core its
  // single-threaded encodes leave idle. They start once its first draft is in: before that the
  // search resizes the picture on both cores, and a third resize beside them slowed all three
  // (a 12 MP photo's first draft came 40 ms later). A search that fails (or is cancelled) before
  // its first draft never starts them.
  let startChecks = (): void => undefined
  const checksMayStart = new Promise<void>((resolve) => (startChecks = resolve))
  const [stats, out] = await Promise.all([
    checksMayStart.then(() => measureImage(decoded)),
    encodeToCap(pixels, input, opts, started, startChecks).then((done) => {
      startChecks()
      return done
    }),
  ])
  if (out.jpeg.length > opts.maxBytes) throw new ImageInputError('image/cap-unreachable')
  return {
    ...out,
    sourceFormat: decoded.sourceFormat,
    sourceWidth: decoded.sourceWidth,
    sourceHeight: decoded.sourceHeight,
    warnings: imageWarnings(stats, opts),
    notes: decoded.notes,
    longSide: Math.max(out.width, out.height),
    ...(decoded.pages === undefined ? {} : { pages: decoded.pages }),
  }
}

/** Compresses one image to ≤ opts.maxBytes. Throws ImageInputError (code + Chinese message) for bad input. */
export async function compressImage(input: Buffer, opts: CompressOptions): Promise<CompressResult> {
  // The backstop also aborts the work: a HEIC/PDF decode then ends its worker instead of running on.
  const stop = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const backstop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ImageInputError('image/timeout'))
      stop.abort()
    }, COMPRESS_TIMEOUT_MS)
    timer.unref()
  })
  let onAbort = (): void => undefined
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => {
      reject(new ImageInputError('image/cancelled'))
      stop.abort()
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true })
  })
  if (opts.signal?.aborted) throw new ImageInputError('image/cancelled')
  inFlight++
  try {
    return await Promise.race([compressNow(input, { ...opts, signal: stop.signal }), backstop, cancelled])
  } finally {
    inFlight--
    clearTimeout(timer)
    // A batch shares one signal across many images: never leave a listener behind.
    opts.signal?.removeEventListener('abort', onAbort)
  }
}

/** Small JPEG for UI previews (default 320 px long side), never enlarged. */
export async function makeThumbnail(jpeg: Buffer, longSide = 320): Promise<Buffer> {
  try {
    return await openSharp(jpeg)
      .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: 78, mozjpeg: false, optimiseCoding: true })
      .toBuffer()
  } catch (error) {
    throw mapSharpError(error)
  }
}
