/**
 * Decode once: any accepted input → upright sRGB 8-bit RGB pixels on white, plus facts about
 * the source. Every later step (checks, trial encodes) works from this buffer.
 */
import { ImageInputError } from './errors'
import { decodeBmp } from './bmp'
import { decodeHeicInWorker, renderPdfPageInWorker } from './decode-pool'
import { isSrgbProfile, pngWithIcc } from './icc-png'
import { stripJpegMetadata } from './jpeg-strip'
import { applyOrientation } from './orientation'
import { openRaw, openSharp, type RawImage } from './sharp-options'
import type { PerspectiveEdit } from '../../../../core/model'
import { straightenSource } from '../ocr/straighten'

/** Notes about what was used from the input (not problems with the picture). */
export type ImageNoteCode = 'first-frame-only' | 'first-page-only'

export const IMAGE_NOTE_MESSAGES: Record<ImageNoteCode, string> = {
  'first-frame-only': '这是动图，只使用了第一帧。如需其他画面，请先截图或另存为静态图片。',
  'first-page-only': '文件有多页，只使用了第一页。如需其他页，请先单独导出该页。',
}

export type Crop = { left: number; top: number; width: number; height: number }
export type DecodeOptions = {
  pdfPage?: number
  rotate?: 0 | 90 | 180 | 270
  crop?: Crop
  /** Aborting stops a HEIC/PDF decode by ending its worker (decode-pool.ts). */
  signal?: AbortSignal
  /**
   * The upright source size `crop` was measured in (the stored material's). When the decoder
   * now yields another size of the same shape, the crop is scaled to it: a scanned PDF page, for
   * one, is taken at its own resolution since 2026-11, where it used to be rendered at 2800 px.
   */
  cropFrame?: { width: number; height: number }
  /** 透视校正 (core/model MaterialEdit.perspective): straightened first, then rotated and cropped. */
  perspective?: PerspectiveEdit
}

export type Decoded = RawImage & {
  channels: 3
  sourceFormat: string
  /** Upright size of the source before crop and rotation. */
  sourceWidth: number
  sourceHeight: number
  notes: ImageNoteCode[]
  /** The source itself, metadata stripped losslessly, when it is already a clean upright sRGB JPEG. */
  passthrough?: Buffer
  /** Number of pages of a PDF source. */
  pages?: number
}

/** Maps libvips error text to our codes; the raw text never reaches the user. */
export function mapSharpError(error: unknown): ImageInputError {
  if (error instanceof ImageInputError) return error
  // Programming errors are bugs, not bad files: let them surface as they are.
  if (error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError)
    throw error
  const text = String((error as Error)?.message ?? error)
  if (/pixel limit/i.test(text)) return new ImageInputError('image/too-many-pixels')
  if (/unsupported image format/i.test(text)) return new ImageInputError('image/not-image')
  if (/timeout/i.test(text)) return new ImageInputError('image/timeout')
  if (/extract_area|bad extract area/i.test(text)) return new ImageInputError('image/bad-crop')
  return new ImageInputError('image/damaged')
}

type Rgb = RawImage & { channels: 3 }

async function toRgb(pipeline: ReturnType<typeof openSharp>): Promise<Rgb> {
  const { data, info } = await pipeline
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 3) throw new ImageInputError('image/unsupported', `${info.channels} 通道`)
  return { data, width: info.width, height: info.height, channels: 3 }
}

async function decodeWithSharp(
  input: Buffer,
  format: string,
): Promise<Omit<Decoded, 'sourceWidth' | 'sourceHeight'>> {
  const meta = await openSharp(input).metadata()
  const notes: ImageNoteCode[] = []
  if ((meta.pages ?? 1) > 1)
    notes.push(format === 'gif' || format === 'webp' ? 'first-frame-only' : 'first-page-only')
  const rgb = await toRgb(openSharp(input))
  const clean =
    format === 'jpeg' &&
    (meta.orientation ?? 1) === 1 &&
    (meta.space === 'srgb' || meta.space === 'b-w') &&
    (meta.channels === 3 || meta.channels === 1) &&
    isSrgbProfile(meta.icc)
  const passthrough = clean ? (stripJpegMetadata(input) ?? undefined) : undefined
  return { ...rgb, sourceFormat: format, notes, ...(passthrough ? { passthrough } : {}) }
}

async function rawToRgb(img: RawImage, icc?: Buffer, orientation = 1): Promise<Rgb> {
  const pipeline = icc && !isSrgbProfile(icc) ? openSharp(await pngWithIcc(img, icc)) : openRaw(img)
  return toRgb(applyOrientation(pipeline, orientation))
}

/** HEIC (wasm) and PDF (pdf.js) decode in a worker thread: seconds of JS that would freeze the window. */
async function decodeSource(input: Buffer, format: string, opts: DecodeOptions) {
  if (format === 'heic') {
    const heic = await decodeHeicInWorker(input, opts.signal)
    return { ...(await rawToRgb(heic, heic.icc, heic.orientation)), sourceFormat: 'heic', notes: [] }
  }
  if (format === 'pdf') {
    const page = await renderPdfPageInWorker(input, opts.pdfPage ?? 1, opts.signal)
    return { ...(await rawToRgb(page)), sourceFormat: 'pdf', notes: [], pages: page.pages }
  }
  if (format === 'bmp') return { ...(await rawToRgb(decodeBmp(input))), sourceFormat: 'bmp', notes: [] }
  return decodeWithSharp(input, format)
}

function validCrop(c: Crop, w: number, h: number): boolean {
  const ints = [c.left, c.top, c.width, c.height].every((v) => Number.isInteger(v))
  return (
    ints &&
    c.left >= 0 &&
    c.top >= 0 &&
    c.width >= 1 &&
    c.height >= 1 &&
    c.left + c.width <= w &&
    c.top + c.height <= h
  )
}

/** Two sizes of the same picture differ by rounding only (a 2800 px render vs a 2001 px scan: < 0.1 %). */
const SAME_SHAPE = 0.01

type Size = { width: number; height: number }

/**
 * A crop measured on the picture at `frame` size (upright, before `rotate`) → the same part of
 * the picture at `size`. The crop itself is in the turned picture's pixels (core/model CropRect).
 */
export function cropForSize(crop: Crop, frame: Size, size: Size, rotate: 0 | 90 | 180 | 270): Crop {
  const turns = rotate === 90 || rotate === 270
  const turned = turns ? { w: size.height, h: size.width } : { w: size.width, h: size.height }
  const fw = turns ? frame.height : frame.width
  const fh = turns ? frame.width : frame.height
  if (fw === turned.w && fh === turned.h) return crop
  if (fw < 1 || fh < 1 || Math.abs(fw / fh / (turned.w / turned.h) - 1) > SAME_SHAPE)
    throw new ImageInputError('image/bad-crop')
  const sx = turned.w / fw
  const sy = turned.h / fh
  const left = Math.min(turned.w - 1, Math.round(crop.left * sx))
  const top = Math.min(turned.h - 1, Math.round(crop.top * sy))
  return {
    left,
    top,
    width: Math.max(1, Math.min(turned.w - left, Math.round(crop.width * sx))),
    height: Math.max(1, Math.min(turned.h - top, Math.round(crop.height * sy))),
  }
}

/**
 * Decodes, then applies the user's rotation and crop. The crop is in pixels of the upright
 * source AFTER the rotation (core/model.ts `CropRect`): what the user sees in the editor.
 */
export async function decodeInput(input: Buffer, format: string, opts: DecodeOptions): Promise<Decoded> {
  let src: Omit<Decoded, 'sourceWidth' | 'sourceHeight'>
  try {
    src = await decodeSource(input, format, opts)
  } catch (error) {
    throw mapSharpError(error)
  }
  const base = { sourceWidth: src.width, sourceHeight: src.height }
  // The crop of a straightened picture is measured in it, not in the source (no cropFrame scaling).
  if (opts.perspective) src = straightenSource(src, opts.perspective, opts.cropFrame)
  const rotate = opts.rotate ?? 0
  if (!opts.crop && rotate === 0) return { ...src, ...base }
  const turns = rotate === 90 || rotate === 270
  const turned = turns ? { w: src.height, h: src.width } : { w: src.width, h: src.height }
  const crop =
    opts.crop && opts.cropFrame && !opts.perspective
      ? cropForSize(opts.crop, opts.cropFrame, src, rotate)
      : opts.crop
  if (crop && !validCrop(crop, turned.w, turned.h)) throw new ImageInputError('image/bad-crop')
  let pipeline = openRaw(src)
  // sharp applies extract after rotate when it is called after rotate.
  if (rotate !== 0) pipeline = pipeline.rotate(rotate)
  if (crop) pipeline = pipeline.extract(crop)
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true })
  return {
    data,
    width: info.width,
    height: info.height,
    channels: 3,
    sourceFormat: src.sourceFormat,
    notes: src.notes,
    ...(src.pages === undefined ? {} : { pages: src.pages }),
    ...base,
  }
}
