import { PDFDocument, PDFStream } from 'pdf-lib'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { embedCjkFont } from '../../../../electron/main/services/packet-pdf/font'
import {
  fastCopyBytesInto,
  originalCopyBytesInto,
} from '../../../../electron/main/services/packet-pdf/stream-copy'
import { pdfText, renderPage } from './render'

afterEach(() => {
  PDFStream.prototype.copyBytesInto = fastCopyBytesInto
})

async function saveWith(copy: typeof fastCopyBytesInto, doc: PDFDocument): Promise<Uint8Array> {
  PDFStream.prototype.copyBytesInto = copy
  return doc.save({ useObjectStreams: false })
}

describe('fast stream copy', () => {
  it('is installed by the packet PDFs', () => {
    expect(PDFStream.prototype.copyBytesInto).toBe(fastCopyBytesInto)
    expect(originalCopyBytesInto).not.toBe(fastCopyBytesInto)
  })

  it('writes byte for byte what pdf-lib writes: JPEG, deflated content and a CJK subset', async () => {
    const doc = await PDFDocument.create()
    const font = await embedCjkFont(doc)
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#335577' } })
      .jpeg()
      .toBuffer()
    const image = await doc.embedJpg(jpeg)
    const page = doc.addPage([595.28, 841.89])
    page.drawImage(image, { x: 50, y: 300, width: 450, height: 300 })
    page.drawText('公安联网备案信息 example-blog.cn', { x: 50, y: 780, size: 14, font })
    doc.setCreationDate(new Date('2026-12-07T00:00:00Z'))
    doc.setModificationDate(new Date('2026-12-07T00:00:00Z'))
    const original = await saveWith(originalCopyBytesInto, doc)
    const fast = await saveWith(fastCopyBytesInto, doc)
    expect(fast.length).toBe(original.length)
    expect(Buffer.from(fast).equals(Buffer.from(original))).toBe(true)
    expect(pdfText(fast)).toContain('公安联网备案信息')
    expect(renderPage(fast, 1).warnings).toBe('')
  })
})
