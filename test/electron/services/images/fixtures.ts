/** Generated test images for the image service (no real people, no files on disk). */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import sharp from 'sharp'

const CJK_FONT = 'FixtureCJK'
let fontReady = false
function cjkFont(): string {
  if (!fontReady) {
    fontReady = true
    const ttf = new URL(
      '../../../../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
      import.meta.url,
    )
    GlobalFonts.registerFromPath(ttf.pathname, CJK_FONT)
  }
  return CJK_FONT
}

export type Raw = { data: Buffer; width: number; height: number; channels: 3 | 4 }
export const rawOpts = (r: Raw) => ({ raw: { width: r.width, height: r.height, channels: r.channels } })

let seed = 1
const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647

/** A document page with many lines of small Chinese text, a red seal and a coloured header. */
export function documentRaw(
  width: number,
  height: number,
  o: { textPx?: number; background?: string } = {},
): Raw {
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = o.background ?? '#fbfaf6'
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = '#1f5fa8'
  ctx.fillRect(0, 0, width, Math.round(height * 0.08))
  const size = o.textPx ?? Math.max(10, Math.round(width / 80))
  ctx.font = `${size}px ${cjkFont()}`
  ctx.fillStyle = '#161616'
  const line =
    '统一社会信用代码 91110105MA01AB2C3X 经营范围 技术开发 技术咨询 域名注册证书 京公网安备 11010502000001号 '
  for (let y = Math.round(height * 0.12); y < height * 0.95; y += Math.round(size * 1.6)) {
    const offset = Math.floor(rnd() * 20)
    ctx.fillText(line.slice(offset) + line, Math.round(width * 0.05), y)
  }
  ctx.strokeStyle = '#d0202a'
  ctx.lineWidth = Math.max(2, width / 300)
  ctx.beginPath()
  ctx.arc(width * 0.75, height * 0.7, width * 0.09, 0, Math.PI * 2)
  ctx.stroke()
  const img = ctx.getImageData(0, 0, width, height)
  return { data: Buffer.from(img.data.buffer), width, height, channels: 4 }
}

/** Photo-like content: smooth colour fields plus sensor-like grain. */
export async function photoRaw(width: number, height: number, grain = 14): Promise<Raw> {
  const small = await sharp({
    create: {
      width: 64,
      height: 48,
      channels: 3,
      background: '#000000',
      noise: { type: 'gaussian', mean: 128, sigma: 70 },
    },
  })
    .raw()
    .toBuffer()
  const smooth = await sharp(small, { raw: { width: 64, height: 48, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer()
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000000',
      noise: { type: 'gaussian', mean: 128, sigma: grain },
    },
  })
    .raw()
    .toBuffer()
  for (let i = 0; i < smooth.length; i++)
    smooth[i] = Math.max(0, Math.min(255, (smooth[i] ?? 0) + (noise[i] ?? 128) - 128))
  return { data: smooth, width, height, channels: 3 }
}

/** A flat grey image with a red square in the top-left corner (of the stored pixels). */
export async function markerRaw(width: number, height: number): Promise<Raw> {
  const data = Buffer.alloc(width * height * 3, 200)
  const m = Math.round(Math.min(width, height) / 4)
  for (let y = 0; y < m; y++) for (let x = 0; x < m; x++) data.set([230, 20, 20], (y * width + x) * 3)
  return { data, width, height, channels: 3 }
}

export const encode = (r: Raw) => sharp(r.data, rawOpts(r))

/** Which corner of an RGB image holds the red marker: 'tl' | 'tr' | 'bl' | 'br' | null. */
export async function redCorner(jpeg: Buffer): Promise<string | null> {
  const { data, info } = await sharp(jpeg).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const at = (x: number, y: number) => {
    const i = (y * info.width + x) * info.channels
    return (data[i] ?? 0) > 180 && (data[i + 1] ?? 0) < 90 && (data[i + 2] ?? 0) < 90
  }
  const w = info.width - 3
  const h = info.height - 3
  const corners: Array<[string, number, number]> = [
    ['tl', 2, 2],
    ['tr', w, 2],
    ['bl', 2, h],
    ['br', w, h],
  ]
  return corners.find(([, x, y]) => at(x, y))?.[0] ?? null
}

/** Tags present in IFD0 of a TIFF/EXIF block (Orientation 0x0112, Make 0x010f, GPS pointer 0x8825…). */
export function exifTags(exif: Buffer | undefined): number[] {
  if (!exif) return []
  const start = exif.indexOf('Exif\0\0', 0, 'latin1') >= 0 ? exif.indexOf('Exif\0\0', 0, 'latin1') + 6 : 0
  const t = exif.subarray(start)
  const le = t.toString('latin1', 0, 2) === 'II'
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o))
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o))
  const ifd = u32(4)
  const n = u16(ifd)
  return Array.from({ length: n }, (_, i) => u16(ifd + 2 + i * 12))
}

/** A tiny 24-bit bottom-up BMP (sharp cannot write BMP). */
export function bmp24(r: Raw): Buffer {
  const stride = Math.ceil((r.width * 3) / 4) * 4
  const out = Buffer.alloc(54 + stride * r.height)
  out.write('BM', 0, 'latin1')
  out.writeUInt32LE(out.length, 2)
  out.writeUInt32LE(54, 10)
  out.writeUInt32LE(40, 14)
  out.writeInt32LE(r.width, 18)
  out.writeInt32LE(r.height, 22)
  out.writeUInt16LE(1, 26)
  out.writeUInt16LE(24, 28)
  for (let y = 0; y < r.height; y++) {
    const row = 54 + (r.height - 1 - y) * stride
    for (let x = 0; x < r.width; x++) {
      const p = (y * r.width + x) * r.channels
      out[row + x * 3] = r.data[p + 2] ?? 0
      out[row + x * 3 + 1] = r.data[p + 1] ?? 0
      out[row + x * 3 + 2] = r.data[p] ?? 0
    }
  }
  return out
}

/** Mean RGB of the whole image. */
export async function meanRgb(img: Buffer): Promise<[number, number, number]> {
  const s = await sharp(img).stats()
  return [s.channels[0]?.mean ?? 0, s.channels[1]?.mean ?? 0, s.channels[2]?.mean ?? 0]
}
