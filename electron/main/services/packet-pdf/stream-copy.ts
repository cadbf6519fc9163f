/**
 * pdf-lib writes every stream's contents into the output one byte at a time in a JS loop
 * (PDFStream.copyBytesInto); for 材料打印.pdf that is megabytes of JPEG per packet, about a
 * fifth of a packet's CPU time. The same bytes are written with one `Uint8Array.set` instead.
 * Installed once, on import; the output is byte-for-byte what pdf-lib writes.
 */
import { PDFStream } from 'pdf-lib'

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))
const STREAM = ascii('\nstream\n')
const END_STREAM = ascii('\nendstream')

/** pdf-lib's own copyBytesInto, kept for tests that compare the two. */
export const originalCopyBytesInto = PDFStream.prototype.copyBytesInto

export function fastCopyBytesInto(this: PDFStream, buffer: Uint8Array, offset: number): number {
  this.updateDict()
  const start = offset
  offset += this.dict.copyBytesInto(buffer, offset)
  buffer.set(STREAM, offset)
  offset += STREAM.length
  const contents = this.getContents()
  buffer.set(contents, offset)
  offset += contents.length
  buffer.set(END_STREAM, offset)
  offset += END_STREAM.length
  return offset - start
}

PDFStream.prototype.copyBytesInto = fastCopyBytesInto
