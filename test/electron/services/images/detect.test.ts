import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../../../electron/main/services/images'

const b = (...parts: Array<string | number[] | Buffer>): Buffer =>
  Buffer.concat(
    parts.map((p) =>
      typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p),
    ),
  )
const ftyp = (major: string, ...compat: string[]) => {
  const body = b('ftyp', major, [0, 0, 0, 0], ...compat)
  return b([0, 0, 0, body.length + 4], body, [0, 0, 0, 8])
}

describe('detectFormat', () => {
  it.each([
    ['jpeg', b([0xff, 0xd8, 0xff, 0xe0])],
    ['png', b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['gif', b('GIF89a')],
    ['gif', b('GIF87a')],
    ['webp', b('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['tiff', b('II', [0x2a, 0])],
    ['tiff', b('MM', [0, 0x2a])],
    ['bmp', b('BM', new Array(12).fill(0), [40, 0, 0, 0], [0, 0, 0, 0])],
    ['avif', ftyp('avif', 'mif1', 'miaf')],
    ['avif', ftyp('mif1', 'avif')],
    ['heic', ftyp('heic', 'mif1', 'heic')],
    ['heic', ftyp('mif1', 'heic')],
    ['pdf', b('%PDF-1.7\n')],
    ['pdf', b('\n\n%PDF-1.4')],
    ['svg', b('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['svg', b('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>')],
    ['text', Buffer.from('身份证号码 110105...\n', 'utf8')],
    ['jxl', b([0xff, 0x0a, 0, 0])],
  ])('detects %s', (format, head) => {
    expect(detectFormat(head)).toBe(format)
  })

  it('does not trust look-alikes', () => {
    expect(detectFormat(b('BM', [1, 2, 3, 4, 5]))).toBeNull() // "BM" without a DIB header
    expect(detectFormat(b('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull()
    expect(detectFormat(ftyp('isom', 'mp41'))).toBeNull() // an MP4 video
    expect(detectFormat(b([0, 1, 2, 3, 250, 251, 252, 253, 0, 0]))).toBeNull()
    expect(detectFormat(new Uint8Array(0))).toBeNull()
  })
})
