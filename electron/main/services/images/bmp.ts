/**
 * Minimal BMP decoder (sharp's prebuilt libvips has no BMP loader): uncompressed 1/4/8/24/32-bit
 * and BI_BITFIELDS 16/32-bit, bottom-up or top-down. RLE-compressed BMPs are refused.
 */
import { ImageInputError, MAX_INPUT_PIXELS } from './errors'
import type { RawImage } from './sharp-options'

type Header = {
  width: number
  height: number
  topDown: boolean
  bpp: number
  compression: number
  dataOffset: number
  headerSize: number
  colours: number
}

function readHeader(b: Buffer): Header {
  if (b.length < 26) throw new ImageInputError('image/damaged', 'BMP')
  const headerSize = b.readUInt32LE(14)
  const core = headerSize === 12
  const width = core ? b.readUInt16LE(18) : b.readInt32LE(18)
  const rawHeight = core ? b.readInt16LE(20) : b.readInt32LE(22)
  const bpp = core ? b.readUInt16LE(24) : b.readUInt16LE(28)
  const compression = core ? 0 : b.readUInt32LE(30)
  const colours = core || b.length < 50 ? 0 : b.readUInt32LE(46)
  return {
    width,
    height: Math.abs(rawHeight),
    topDown: rawHeight < 0,
    bpp,
    compression,
    dataOffset: b.readUInt32LE(10),
    headerSize,
    colours,
  }
}

type Masks = { r: number; g: number; b: number }

function channelFrom(px: number, mask: number): number {
  if (mask === 0) return 0
  const shift = Math.clz32(0) - Math.clz32(mask & -mask)
  const max = mask >>> shift
  return Math.round((((px & mask) >>> shift) * 255) / max)
}

function masksOf(b: Buffer, h: Header): Masks {
  if (h.compression === 3 && b.length >= 14 + 40 + 12) {
    return { r: b.readUInt32LE(54), g: b.readUInt32LE(58), b: b.readUInt32LE(62) }
  }
  return h.bpp === 16 ? { r: 0x7c00, g: 0x03e0, b: 0x001f } : { r: 0xff0000, g: 0xff00, b: 0xff }
}

function palette(b: Buffer, h: Header): number[][] {
  const entry = h.headerSize === 12 ? 3 : 4
  const count = h.colours || 1 << h.bpp
  const start = 14 + h.headerSize
  const out: number[][] = []
  for (let i = 0; i < count && start + i * entry + 2 < b.length; i++) {
    const o = start + i * entry
    out.push([b[o + 2] ?? 0, b[o + 1] ?? 0, b[o] ?? 0])
  }
  return out
}

function pixelAt(
  b: Buffer,
  row: number,
  x: number,
  h: Header,
  pal: number[][],
  masks: Masks,
): [number, number, number] {
  if (h.bpp === 24) return [b[row + x * 3 + 2] ?? 0, b[row + x * 3 + 1] ?? 0, b[row + x * 3] ?? 0]
  if (h.bpp === 32 || h.bpp === 16) {
    const px = h.bpp === 32 ? b.readUInt32LE(row + x * 4) : b.readUInt16LE(row + x * 2)
    return [channelFrom(px, masks.r), channelFrom(px, masks.g), channelFrom(px, masks.b)]
  }
  const perByte = 8 / h.bpp
  const byte = b[row + Math.floor(x / perByte)] ?? 0
  const shift = 8 - h.bpp * ((x % perByte) + 1)
  const c = pal[(byte >> shift) & ((1 << h.bpp) - 1)] ?? [0, 0, 0]
  return [c[0] ?? 0, c[1] ?? 0, c[2] ?? 0]
}

/** Decodes a BMP to RGB pixels, top row first. */
export function decodeBmp(b: Buffer): RawImage {
  const h = readHeader(b)
  if (h.width <= 0 || h.height <= 0) throw new ImageInputError('image/damaged', 'BMP')
  if (h.width * h.height > MAX_INPUT_PIXELS) throw new ImageInputError('image/too-many-pixels')
  if (![1, 4, 8, 16, 24, 32].includes(h.bpp) || ![0, 3].includes(h.compression)) {
    throw new ImageInputError('image/unsupported', `BMP ${h.bpp} 位，压缩方式 ${h.compression}`)
  }
  const stride = Math.ceil((h.width * h.bpp) / 32) * 4
  if (h.dataOffset + stride * h.height > b.length)
    throw new ImageInputError('image/damaged', 'BMP 数据不完整')
  const pal = h.bpp <= 8 ? palette(b, h) : []
  const masks = masksOf(b, h)
  const out = Buffer.alloc(h.width * h.height * 3)
  for (let y = 0; y < h.height; y++) {
    const row = h.dataOffset + (h.topDown ? y : h.height - 1 - y) * stride
    for (let x = 0; x < h.width; x++) out.set(pixelAt(b, row, x, h, pal, masks), (y * h.width + x) * 3)
  }
  return { data: out, width: h.width, height: h.height, channels: 3 }
}
