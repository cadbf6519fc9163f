/** EXIF orientation helpers for decoders that sharp's autoOrient does not cover (HEIC via wasm). */
import type { Sharp } from 'sharp'

/** Orientation tag (0x0112) from IFD0 of an EXIF block (with or without the "Exif\0\0" prefix); 1 if absent. */
export function exifOrientation(exif: Buffer | undefined): number {
  if (!exif || exif.length < 14) return 1
  const prefix = exif.indexOf('Exif\0\0', 0, 'latin1')
  const t = exif.subarray(prefix >= 0 && prefix < 16 ? prefix + 6 : 0)
  const order = t.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM') return 1
  const le = order === 'II'
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o))
  const ifd = le ? t.readUInt32LE(4) : t.readUInt32BE(4)
  if (ifd + 2 > t.length) return 1
  const n = u16(ifd)
  for (let i = 0; i < n && ifd + 2 + i * 12 + 10 <= t.length; i++) {
    const entry = ifd + 2 + i * 12
    if (u16(entry) === 0x0112) {
      const v = u16(entry + 8)
      return v >= 1 && v <= 8 ? v : 1
    }
  }
  return 1
}

/** Applies an EXIF orientation (2–8) to a pipeline (sharp mirrors before it rotates). */
export function applyOrientation(img: Sharp, orientation: number): Sharp {
  switch (orientation) {
    case 2:
      return img.flop()
    case 3:
      return img.rotate(180)
    case 4:
      return img.flip()
    case 5:
      return img.rotate(90).flip()
    case 6:
      return img.rotate(90)
    case 7:
      return img.rotate(90).flop()
    case 8:
      return img.rotate(270)
    default:
      return img
  }
}

/** True when a HEIF file's `meta` box declares a rotation or mirror transform (irot / imir). */
export function heifHasTransform(file: Buffer): boolean {
  let at = 0
  while (at + 8 <= file.length) {
    let size = file.readUInt32BE(at)
    const type = file.toString('latin1', at + 4, at + 8)
    if (size === 1 && at + 16 <= file.length) size = Number(file.readBigUInt64BE(at + 8))
    if (size === 0) size = file.length - at
    if (size < 8) return false
    if (type === 'meta') {
      const meta = file.subarray(at, Math.min(file.length, at + size))
      return meta.includes('irot', 0, 'latin1') || meta.includes('imir', 0, 'latin1')
    }
    at += size
  }
  return false
}
