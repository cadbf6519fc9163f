/**
 * What the OCR worker does with one photo: decode upright, downscale (PaddleOCR has no input
 * limit: a raw 12 MP photo takes 15–24 s and 5 GB), straighten the document when its corners
 * are found, recognise the lines, parse the fields, and read again turned (turns.ts) while the
 * key field (the ID number, the USCC, the validity) is missing or the page lies on its side.
 */
import {
  type DocumentKind,
  type OcrLine,
  type ReadResult,
  parseAnyDocument,
  parseDocument,
} from '../../../../core/ocr'
import { openRaw, openSharp } from '../images/sharp-options'
import { findDocumentQuad, warpDocument, type RgbaImage } from './deskew'
import type { DeskewTarget, Quad } from './deskew-geometry'
import type { OpenCv } from './opencv'
import type { DeskewOutcome, ReadKind, ReadOutcome } from './protocol'
import { bestTurn, type Reading, type Turn } from './turns'

/** Long side of the image given to the recogniser. */
export const OCR_LONG_SIDE = 1600
/** Long side the corners are searched at (then scaled back). */
const FIND_LONG_SIDE = 1000
/** Long side kept for straightening. */
const WORK_LONG_SIDE = 2000

export type Recognise = (png: Buffer) => Promise<OcrLine[]>

export const targetOf = (kind: DocumentKind): DeskewTarget => (kind === 'licence' ? 'page' : 'id-card')

const parse = (kind: ReadKind, lines: readonly OcrLine[], today?: string): ReadResult =>
  kind === 'auto' ? parseAnyDocument(lines, today) : parseDocument(kind, lines, today)

async function rgba(
  input: Buffer,
  longSide: number,
): Promise<RgbaImage & { fullWidth: number; fullHeight: number }> {
  const meta = await openSharp(input).metadata()
  const { data, info } = await openSharp(input)
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const turned = (meta.orientation ?? 1) >= 5
  const [fullWidth, fullHeight] = turned
    ? [meta.height ?? 0, meta.width ?? 0]
    : [meta.width ?? 0, meta.height ?? 0]
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
    fullWidth,
    fullHeight,
  }
}

const scaleQuad = (q: Quad, f: number): Quad => q.map((p) => ({ x: p.x * f, y: p.y * f })) as Quad

async function shrink(img: RgbaImage, longSide: number): Promise<RgbaImage> {
  const { data, info } = await openRaw({
    data: Buffer.from(img.data),
    width: img.width,
    height: img.height,
    channels: 4,
  })
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data: new Uint8Array(data), width: info.width, height: info.height }
}

/** The document's quad in `work` pixels, searched on a smaller copy. */
async function locate(cv: OpenCv, work: RgbaImage, target: DeskewTarget): Promise<Quad | null> {
  const small = await shrink(work, FIND_LONG_SIDE)
  const quad = findDocumentQuad(cv, small, target)
  return quad && scaleQuad(quad, work.width / small.width)
}

const png = (img: RgbaImage, rotate: Turn): Promise<Buffer> =>
  openRaw({ data: Buffer.from(img.data), width: img.width, height: img.height, channels: 4 })
    .resize({ width: OCR_LONG_SIDE, height: OCR_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .rotate(rotate)
    .png({ compressionLevel: 1 })
    .toBuffer()

export async function readPhoto(
  deps: { cv: () => Promise<{ cv: OpenCv }>; recognise: Recognise },
  input: Buffer,
  task: { kind: ReadKind; deskew: boolean; today?: string },
): Promise<ReadOutcome> {
  const t0 = performance.now()
  const work = await rgba(input, WORK_LONG_SIDE)
  let quad: Quad | null = null
  let page: RgbaImage = work
  let found: DeskewTarget | null = null
  if (task.deskew) {
    const { cv } = await deps.cv()
    // Without a kind, a card is tried first, then a page.
    const targets: DeskewTarget[] = task.kind === 'auto' ? ['id-card', 'page'] : [targetOf(task.kind)]
    for (const target of targets) {
      quad = await locate(cv, work, target)
      if (quad) {
        page = warpDocument(cv, work, quad, target, OCR_LONG_SIDE)
        found = target
        break
      }
    }
  }
  const t1 = performance.now()
  const readAt = async (turn: Turn): Promise<Reading> => {
    const lines = await deps.recognise(await png(page, turn))
    return { lines, result: parse(task.kind, lines, task.today) }
  }
  const cardExpected = task.kind === 'id-front' || task.kind === 'id-back' || found === 'id-card'
  const { result, lines, turn } = await bestTurn(await readAt(0), readAt, page, cardExpected)
  const full = quad && scaleQuad(quad, work.fullWidth / work.width)
  return {
    ...result,
    rotated: turn !== 0,
    turn,
    quad: full,
    lines,
    ms: { prepare: Math.round(t1 - t0), ocr: Math.round(performance.now() - t1) },
  }
}

export async function deskewPhoto(cv: OpenCv, input: Buffer, target: DeskewTarget): Promise<DeskewOutcome> {
  const work = await rgba(input, WORK_LONG_SIDE)
  const quad = await locate(cv, work, target)
  if (!quad) return { quad: null, width: work.fullWidth, height: work.fullHeight, image: null }
  const flat = warpDocument(cv, work, quad, target, WORK_LONG_SIDE)
  const jpeg = await openRaw({
    data: Buffer.from(flat.data),
    width: flat.width,
    height: flat.height,
    channels: 4,
  })
    .removeAlpha()
    .jpeg({ quality: 92 })
    .toBuffer()
  return {
    quad: scaleQuad(quad, work.fullWidth / work.width),
    width: work.fullWidth,
    height: work.fullHeight,
    image: new Uint8Array(jpeg),
  }
}
