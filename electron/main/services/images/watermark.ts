/**
 * Optional watermark (e.g. 仅供公安备案使用), placed one of three ways (see WatermarkPlacement):
 * - `corner` 右下角: one line in the bottom-right corner, dark grey with a light halo;
 * - `band` 底部横条: a light translucent strip along the bottom edge, the text centred on it;
 * - `tiled` 满铺: semi-transparent grey text repeated diagonally across the whole picture.
 * libvips' text/SVG loaders are blocked process-wide, so the text is drawn with @napi-rs/canvas
 * (CJK font from fonts.ts) into an RGBA buffer and composited by sharp from raw pixels.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas'
import { WATERMARK_MAX_CHARS } from '../../../../core/limits'
import type { WatermarkPlacement } from '../../../../core/model'
import { ImageInputError } from './errors'
import { CJK_FAMILY, registerCjkFont } from './fonts'
import { openRaw, type RawImage } from './sharp-options'

/** Tiled ink: readable on white and on dark photos, text underneath stays legible. */
export const WATERMARK_RGBA = 'rgba(128, 128, 128, 0.32)'
/** Corner and band ink: one line only, so it can be darker; the halo keeps it readable on dark photos. */
const LABEL_RGBA = 'rgba(55, 55, 55, 0.78)'
const HALO_RGBA = 'rgba(255, 255, 255, 0.6)'
const BAND_RGBA = 'rgba(255, 255, 255, 0.62)'
/** Halo stroke width, in ems. */
const HALO_EM = 0.16
/** Text angle (radians, counter-clockwise up to the right). */
const ANGLE = -Math.PI / 6
/**
 * Corner and band text: 1/48 of the long side. The size is relative, so it survives the
 * compressor's downscaling: 50 px at 2400 px, 33 px at the 1600 px legibility floor.
 */
export const LABEL_SIZE_DIVISOR = 48
const LABEL_MIN_PX = 12
/** Share of the picture's width the one line may take. */
const LABEL_WIDTH_SHARE: Record<Exclude<WatermarkPlacement, 'tiled'>, number> = { corner: 0.5, band: 0.9 }

/** An RGBA layer and where its top-left corner goes on the picture. */
export type WatermarkLayer = RawImage & { channels: 4; left: number; top: number }

/** Trimmed watermark text, or null for none; throws for text longer than WATERMARK_MAX_CHARS. */
export function watermarkText(text: string | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim()
  if (t === '') return null
  if ([...t].length > WATERMARK_MAX_CHARS) throw new ImageInputError('image/bad-watermark')
  return t
}

/** Tiled font size in px: about 1/22 of the long side, so a 40-character line still repeats. */
export const watermarkFontPx = (width: number, height: number): number =>
  Math.max(12, Math.round(Math.max(width, height) / 22))

const fontOf = (px: number): string => `${px}px "${CJK_FAMILY}", sans-serif`

/** Corner/band font size: relative to the long side, shrunk only when the line would be too wide. */
function labelFontPx(text: string, width: number, height: number, placement: 'corner' | 'band'): number {
  registerCjkFont()
  const ctx = createCanvas(1, 1).getContext('2d')
  ctx.font = fontOf(100)
  const widthAt100 = Math.max(1, ctx.measureText(text).width)
  const natural = Math.max(LABEL_MIN_PX, Math.round(Math.max(width, height) / LABEL_SIZE_DIVISOR))
  // Per px of font: the line's advance plus the halo on both ends.
  const fits = Math.floor((LABEL_WIDTH_SHARE[placement] * width) / (widthAt100 / 100 + HALO_EM))
  // Never below LABEL_MIN_PX: on a narrow crop the line may run past its share rather than vanish.
  return Math.max(LABEL_MIN_PX, Math.min(natural, fits))
}

function toLayer(
  ctx: SKRSContext2D,
  width: number,
  height: number,
  left: number,
  top: number,
): WatermarkLayer {
  const rgba = ctx.getImageData(0, 0, width, height).data
  const data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength)
  return { data, width, height, channels: 4, left, top }
}

function tiledLayer(text: string, width: number, height: number): WatermarkLayer {
  const ctx = createCanvas(width, height).getContext('2d')
  const px = watermarkFontPx(width, height)
  ctx.font = fontOf(px)
  ctx.fillStyle = WATERMARK_RGBA
  ctx.textBaseline = 'middle'
  const step = Math.ceil(ctx.measureText(text).width + px * 3)
  const rowGap = Math.round(px * 4)
  const reach = Math.ceil(Math.hypot(width, height) / 2) + step
  ctx.translate(width / 2, height / 2)
  ctx.rotate(ANGLE)
  for (let row = 0, y = -reach; y <= reach; row++, y += rowGap) {
    const shift = row % 2 === 0 ? 0 : step / 2
    for (let x = -reach - shift; x <= reach; x += step) ctx.fillText(text, x, y)
  }
  return toLayer(ctx, width, height, 0, 0)
}

/** Draws one line with a light halo, centred at (x, y) of the layer. */
function drawLabel(ctx: SKRSContext2D, text: string, px: number, x: number, y: number): void {
  ctx.font = fontOf(px)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.lineJoin = 'round'
  ctx.lineWidth = Math.max(2, px * HALO_EM)
  ctx.strokeStyle = HALO_RGBA
  ctx.strokeText(text, x, y)
  ctx.fillStyle = LABEL_RGBA
  ctx.fillText(text, x, y)
}

/** 右下角: a box just big enough for the line, inset from the bottom-right corner. */
function cornerLayer(text: string, width: number, height: number): WatermarkLayer {
  const px = labelFontPx(text, width, height, 'corner')
  const measure = createCanvas(1, 1).getContext('2d')
  measure.font = fontOf(px)
  const pad = Math.ceil(px * 0.3)
  const w = Math.min(width, Math.ceil(measure.measureText(text).width) + 2 * pad)
  const h = Math.min(height, Math.ceil(px * 1.5))
  const margin = Math.round(px * 0.6)
  const left = Math.max(0, width - w - margin)
  const top = Math.max(0, height - h - margin)
  const ctx = createCanvas(w, h).getContext('2d')
  drawLabel(ctx, text, px, w / 2, h / 2)
  return toLayer(ctx, w, h, left, top)
}

/** 底部横条: a full-width light strip along the bottom edge with the line centred on it. */
function bandLayer(text: string, width: number, height: number): WatermarkLayer {
  const px = labelFontPx(text, width, height, 'band')
  const h = Math.min(height, Math.ceil(px * 2))
  const ctx = createCanvas(width, h).getContext('2d')
  ctx.fillStyle = BAND_RGBA
  ctx.fillRect(0, 0, width, h)
  drawLabel(ctx, text, px, width / 2, h / 2)
  return toLayer(ctx, width, h, 0, height - h)
}

/** The transparent RGBA layer for a `width`×`height` picture and where it goes. */
export function watermarkLayer(
  text: string,
  width: number,
  height: number,
  placement: WatermarkPlacement = 'tiled',
): WatermarkLayer {
  registerCjkFont()
  if (placement === 'corner') return cornerLayer(text, width, height)
  if (placement === 'band') return bandLayer(text, width, height)
  return tiledLayer(text, width, height)
}

/** Returns the picture with the watermark composited (same size, 3 channels). */
export async function applyWatermark<T extends RawImage & { channels: 3 }>(
  img: T,
  text: string,
  placement: WatermarkPlacement = 'tiled',
): Promise<T> {
  const layer = watermarkLayer(text, img.width, img.height, placement)
  const raw = { width: layer.width, height: layer.height, channels: 4 as const }
  const { data, info } = await openRaw(img)
    .composite([{ input: layer.data, raw, left: layer.left, top: layer.top }])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 3 || info.width !== img.width || info.height !== img.height)
    throw new ImageInputError('image/damaged')
  return { ...img, data }
}
