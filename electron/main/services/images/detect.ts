/** Format detection from content (magic bytes), never from the file name. */

export type SourceFormat =
  'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'bmp' | 'avif' | 'heic' | 'pdf' | 'svg' | 'jxl' | 'psd' | 'text'

/** Formats compressImage accepts. */
export const ACCEPTED_FORMATS: ReadonlySet<string> = new Set([
  'jpeg',
  'png',
  'webp',
  'tiff',
  'gif',
  'bmp',
  'avif',
  'heic',
  'pdf',
])

const ascii = (b: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...b.subarray(start, end))
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  sig.every((v, i) => b[at + i] === v)

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs'])
const AVIF_BRANDS = new Set(['avif', 'avis'])

/** ISO-BMFF `ftyp` box: major brand first, then the compatible brands. */
function ftypFormat(b: Uint8Array): SourceFormat | null {
  if (b.length < 16 || ascii(b, 4, 8) !== 'ftyp') return null
  const boxSize = Math.min(
    b.length,
    ((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0),
  )
  const brands = [ascii(b, 8, 12)]
  for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(ascii(b, i, i + 4))
  if (AVIF_BRANDS.has(brands[0] ?? '')) return 'avif'
  if (HEIC_BRANDS.has(brands[0] ?? '')) return 'heic'
  if (brands.some((x) => AVIF_BRANDS.has(x))) return 'avif'
  if (brands.some((x) => HEIC_BRANDS.has(x) || x === 'mif1' || x === 'msf1')) return 'heic'
  return null
}

function isBmp(b: Uint8Array): boolean {
  if (!startsWith(b, [0x42, 0x4d]) || b.length < 18) return false
  const headerSize = (b[14] ?? 0) | ((b[15] ?? 0) << 8) | ((b[16] ?? 0) << 16) | ((b[17] ?? 0) << 24)
  return [12, 40, 52, 56, 64, 108, 124].includes(headerSize)
}

function textFormat(b: Uint8Array): SourceFormat | null {
  const sample = b.subarray(0, 2048)
  if (sample.length === 0) return null
  let printable = 0
  for (const c of sample) if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127)) printable++
  if (printable / sample.length < 0.97) return null
  const head = new TextDecoder('utf-8', { fatal: false }).decode(sample).toLowerCase()
  if (/<svg[\s>]/.test(head) || head.includes('<!doctype svg')) return 'svg'
  return 'text'
}

/** Detects the format from the first bytes (≥ 64 recommended; 2 KB lets text/SVG be told apart). */
export function detectFormat(head: Uint8Array): string | null {
  if (head.length < 2) return null
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp'
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff'
  if (isBmp(head)) return 'bmp'
  const ftyp = ftypFormat(head)
  if (ftyp) return ftyp
  if (ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return 'pdf'
  if (startsWith(head, [0xff, 0x0a]) || ascii(head, 4, 8) === 'JXL ') return 'jxl'
  if (ascii(head, 0, 4) === '8BPS') return 'psd'
  return textFormat(head)
}
