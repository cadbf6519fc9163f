/**
 * Lossless metadata removal for JPEGs that need no re-encode: drops APP1–APP13, APP15 and COM
 * segments (EXIF, GPS, XMP, IPTC/Photoshop, ICC, comments), keeps JFIF/Adobe and the codec
 * segments, and copies the entropy-coded data verbatim.
 */

const SOS = 0xda
const EOI = 0xd9

function keepSegment(marker: number): boolean {
  if (marker === 0xe0 || marker === 0xee) return true // APP0 JFIF, APP14 Adobe (colour transform)
  if (marker >= 0xe1 && marker <= 0xef) return false
  return marker !== 0xfe // COM
}

/** Returns the stripped JPEG, or null when the marker structure is not what a JPEG should be. */
export function stripJpegMetadata(jpeg: Buffer): Buffer | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null
  const parts: Buffer[] = [jpeg.subarray(0, 2)]
  let i = 2
  while (i + 4 <= jpeg.length) {
    if (jpeg[i] !== 0xff) return null
    const marker = jpeg[i + 1] ?? 0
    if (marker === 0xff) {
      i++
      continue
    }
    if (marker === EOI) return null
    const len = jpeg.readUInt16BE(i + 2)
    if (len < 2 || i + 2 + len > jpeg.length) return null
    if (marker === SOS) {
      parts.push(jpeg.subarray(i))
      return Buffer.concat(parts)
    }
    if (keepSegment(marker)) parts.push(jpeg.subarray(i, i + 2 + len))
    i += 2 + len
  }
  return null
}

/** IJG standard luminance quantisation table (quality 50), natural order. */
const STD_LUMA = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
]
const STD_SUM = STD_LUMA.reduce((a, b) => a + b, 0)

/** Estimates the IJG quality of a JPEG from its first (luma) quantisation table; 0 if unknown. */
export function estimateJpegQuality(jpeg: Buffer): number {
  let i = 2
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff) {
    const marker = jpeg[i + 1] ?? 0
    const len = jpeg.readUInt16BE(i + 2)
    if (marker === 0xdb && i + 5 + 64 <= jpeg.length) {
      const precision = (jpeg[i + 4] ?? 0) >> 4
      let sum = 0
      for (let k = 0; k < 64; k++)
        sum += precision ? jpeg.readUInt16BE(i + 5 + 2 * k) : (jpeg[i + 5 + k] ?? 0)
      const scale = (sum * 100) / STD_SUM
      const q = scale <= 100 ? (200 - scale) / 2 : 5000 / scale
      return Math.max(1, Math.min(100, Math.round(q)))
    }
    if (marker === SOS) break
    i += 2 + len
  }
  return 0
}
