// Reference decoding of corpus inputs: the upright original in sRGB, alpha on white.
// sharp (libvips) covers most formats; HEIC goes through heic-decode (sharp's prebuilt
// libvips has no HEVC decoder), BMP through a tiny reader; a scanned PDF page is its picture
// (pdf-picture.ts), any other PDF page is rendered by poppler's pdftoppm at PDF_REFERENCE_DPI.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp, { type Sharp } from 'sharp'
import { pictureReference } from './pdf-picture'

export type Rgb = { data: Buffer; width: number; height: number }

const run = promisify(execFile)

export async function toRgb(img: Sharp): Promise<Rgb> {
  const { data, info } = await img
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

type HeicDecode = (o: {
  buffer: Buffer
}) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>

async function decodeHeic(buf: Buffer): Promise<Sharp> {
  const name = 'heic-decode'
  const mod = (await import(name)) as { default: HeicDecode }
  const img = await mod.default({ buffer: buf })
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: 4 },
  })
}

/** 24/32-bit uncompressed BMP (what the fixtures write). */
export function decodeBmp(buf: Buffer): Sharp {
  const offset = buf.readUInt32LE(10)
  const width = buf.readInt32LE(18)
  const rawH = buf.readInt32LE(22)
  const height = Math.abs(rawH)
  const bpp = buf.readUInt16LE(28) / 8
  if (bpp !== 3 && bpp !== 4) throw new Error(`unsupported BMP depth ${bpp * 8}`)
  const stride = Math.ceil((width * bpp) / 4) * 4
  const out = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    const row = offset + (rawH > 0 ? height - 1 - y : y) * stride
    for (let x = 0; x < width; x++) {
      const s = row + x * bpp
      const d = (y * width + x) * 3
      out[d] = buf[s + 2] ?? 0
      out[d + 1] = buf[s + 1] ?? 0
      out[d + 2] = buf[s] ?? 0
    }
  }
  return sharp(out, { raw: { width, height, channels: 3 } })
}

/**
 * A vector page has no pixels of its own: its reference is rendered at 900 dpi, where every
 * correct rasteriser agrees and scaling down to 1600/3000 px gives the page as it truly looks.
 * At 300 dpi the reference carried poppler's own small-size glyph rendering: poppler at 200 dpi
 * scored butteraugli 8.7 against it but 12.5 against poppler at 900 dpi, and pdf.js at 300 dpi
 * 10.1 against it but 3.1 at 900 dpi (pdf.js and poppler both at 900 dpi: 2.1, SSIM 0.9998).
 */
export const PDF_REFERENCE_DPI = 900

/** Render page 1 of a PDF to PNG with pdftoppm (Debian poppler-utils). */
export async function pdfToPng(pdfPath: string, dpi: number, outBase: string): Promise<string> {
  await run('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-png', '-singlefile', pdfPath, outBase])
  return `${outBase}.png`
}

/** The upright original as sRGB pixels — the reference every output is scored against. */
export async function decodeReference(path: string, format: string): Promise<Rgb> {
  const buf = await readFile(path)
  if (format === 'heic') return toRgb((await decodeHeic(buf)).autoOrient())
  if (format === 'bmp') return toRgb(decodeBmp(buf))
  if (format === 'pdf') {
    const picture = await pictureReference(path)
    if (picture) return picture
    const dir = await mkdtemp(join(tmpdir(), 'bench-ref-'))
    try {
      return await toRgb(sharp(await readFile(await pdfToPng(path, PDF_REFERENCE_DPI, join(dir, 'ref')))))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  return toRgb(sharp(buf).autoOrient())
}

/** An output JPEG's stored pixels, deliberately NOT auto-oriented: the portal shows stored pixels. */
export async function decodeOutput(path: string): Promise<Rgb> {
  return toRgb(sharp(await readFile(path)))
}
