/**
 * Attaches an ICC profile to decoded pixels by wrapping them in an uncompressed PNG with an
 * iCCP chunk, so sharp converts them to sRGB exactly like any tagged file (used for HEIC,
 * whose pixels heic-decode returns in the camera's space, e.g. Display P3 on iPhones).
 */
import { crc32, deflateSync } from 'node:zlib'
import { openRaw, type RawImage } from './sharp-options'

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

/** PNG bytes of `img` carrying `icc` as its embedded profile. */
export async function pngWithIcc(img: RawImage, icc: Buffer): Promise<Buffer> {
  const png = await openRaw(img).png({ compressionLevel: 0, adaptiveFiltering: false }).toBuffer()
  const ihdrEnd = 8 + 8 + 13 + 4
  const iccp = chunk('iCCP', Buffer.concat([Buffer.from('icc\0\0', 'latin1'), deflateSync(icc)]))
  return Buffer.concat([png.subarray(0, ihdrEnd), iccp, png.subarray(ihdrEnd)])
}

/** True for profiles that describe sRGB already (no conversion needed). */
export function isSrgbProfile(icc: Buffer | undefined): boolean {
  if (!icc) return true
  const text = icc.toString('latin1')
  return /sRGB|IEC61966/i.test(text)
}
