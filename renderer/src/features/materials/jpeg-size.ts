/**
 * Pixel size of a JPEG data URL, read from its frame header (SOFn). Pure, no DOM: the editor
 * needs the size of a PDF page's preview before the picture is drawn.
 */
import type { Size } from './crop-math'

const PREFIX = /^data:image\/jpeg;base64,/

/** SOF0…SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isFrameHeader = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

function bytesOf(dataUrl: string): Uint8Array | null {
  if (!PREFIX.test(dataUrl)) return null
  try {
    const raw = atob(dataUrl.replace(PREFIX, ''))
    const bytes = new Uint8Array(raw.length)
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
    return bytes
  } catch {
    return null
  }
}

/** The width and height a JPEG data URL declares, or null when it is not a readable JPEG. */
export function jpegSize(dataUrl: string): Size | null {
  const b = bytesOf(dataUrl)
  if (!b || b[0] !== 0xff || b[1] !== 0xd8) return null
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1] ?? 0
    if (marker === 0xff) {
      i += 1 // fill byte
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return null // end of image / scan data before any frame
    const length = ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)
    if (isFrameHeader(marker)) {
      const height = ((b[i + 5] ?? 0) << 8) | (b[i + 6] ?? 0)
      const width = ((b[i + 7] ?? 0) << 8) | (b[i + 8] ?? 0)
      return width > 0 && height > 0 ? { width, height } : null
    }
    i += 2 + length
  }
  return null
}
