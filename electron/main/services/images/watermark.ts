/**
 * Optional watermark (e.g. 仅供公安备案使用): semi-transparent grey text repeated diagonally
 * across the whole picture. libvips' text/SVG loaders are blocked process-wide, so the text is
 * drawn with @napi-rs/canvas (CJK font from fonts.ts) into an RGBA buffer and composited by
 * sharp from raw pixels.
 */
import { createCanvas } from '@napi-rs/canvas'
import { ImageInputError } from './errors'
import { CJK_FAMILY, registerCjkFont } from './fonts'
import { openRaw, type RawImage } from './sharp-options'

export const WATERMARK_MAX_CHARS = 40
/** Ink colour and opacity: readable on white and on dark photos, text underneath stays legible. */
export const WATERMARK_RGBA = 'rgba(128, 128, 128, 0.32)'
/** Text angle (radians, counter-clockwise up to the right). */
const ANGLE = -Math.PI / 6

/** Trimmed watermark text, or null for none; throws for text longer than WATERMARK_MAX_CHARS. */
export function watermarkText(text: string | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim()
  if (t === '') return null
  if ([...t].length > WATERMARK_MAX_CHARS) throw new ImageInputError('image/bad-watermark')
  return t
}

/** Font size in px: about 1/22 of the long side, so a 40-character line still repeats. */
export const watermarkFontPx = (width: number, height: number): number =>
  Math.max(12, Math.round(Math.max(width, height) / 22))

/** Transparent RGBA layer of `width`×`height` with `text` tiled along the diagonal. */
export function watermarkLayer(text: string, width: number, height: number): RawImage {
  registerCjkFont()
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  const px = watermarkFontPx(width, height)
  ctx.font = `${px}px "${CJK_FAMILY}", sans-serif`
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
  const rgba = ctx.getImageData(0, 0, width, height).data
  return { data: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height, channels: 4 }
}

/** Returns the picture with the watermark composited (same size, 3 channels). */
export async function applyWatermark<T extends RawImage & { channels: 3 }>(img: T, text: string): Promise<T> {
  const layer = watermarkLayer(text, img.width, img.height)
  const raw = { width: layer.width, height: layer.height, channels: 4 as const }
  const { data, info } = await openRaw(img)
    .composite([{ input: layer.data, raw }])
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 3 || info.width !== img.width || info.height !== img.height)
    throw new ImageInputError('image/damaged')
  return { ...img, data }
}
