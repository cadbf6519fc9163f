/**
 * The cases of the hostile-input corpus (shared/notes/security.md §3, §4) that hostile.test.ts
 * and pdf.test.ts do not already hold, each refused with its own code and Chinese message (what
 * is wrong and what to do), or handled safely: billion-laughs and remote-reference SVG, a JPEG
 * whose header claims 64 MP, a PDF cut in half, random bytes sent as a PDF, a PDF carrying an
 * /OpenAction script (only pixels come out), and a PNG read by its bytes whatever its name.
 */
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { compressImage } from '../../../../electron/main/services/images'
import { imageErrorMessage } from '../../../../electron/main/services/images/errors'
import { encode, photoRaw } from './fixtures'

const CAP = 512_000

async function refusal(input: Buffer): Promise<{ code: string; message: string }> {
  const error = await compressImage(input, { maxBytes: CAP }).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  )
  if (!error) throw new Error('accepted a hostile input')
  // The user sees the table's message: Chinese, and no library text.
  expect(error.message).toMatch(/[\u4e00-\u9fff]/)
  expect(error.message).not.toMatch(/vips|libjpeg|pdf\.js|Input buffer|Error:/i)
  return error
}

/** A small real JPEG whose SOF header is rewritten to claim `width`×`height`. */
function withClaimedSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg)
  for (let i = 2; i < out.length - 9;) {
    if (out[i] !== 0xff) throw new Error('not a marker')
    const marker = out[i + 1] as number
    const length = out.readUInt16BE(i + 2)
    if (marker >= 0xc0 && marker <= 0xc2) {
      out.writeUInt16BE(height, i + 5)
      out.writeUInt16BE(width, i + 7)
      return out
    }
    i += 2 + length
  }
  throw new Error('no SOF marker')
}

async function onePagePdf(): Promise<PDFDocument> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595, 842])
  const jpeg = await encode(await photoRaw(400, 300))
    .jpeg()
    .toBuffer()
  page.drawImage(await doc.embedJpg(jpeg), { x: 50, y: 400, width: 400, height: 300 })
  return doc
}

let pdf: Buffer
beforeAll(async () => {
  pdf = Buffer.from(await (await onePagePdf()).save())
})

describe('hostile-input corpus: SVG', () => {
  it('refuses a billion-laughs SVG as SVG, before any XML parser sees it', async () => {
    const entities = ['<!ENTITY lol "lol">']
    for (let i = 1; i <= 9; i++)
      entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`)
    const svg = `<?xml version="1.0"?>\n<!DOCTYPE svg [${entities.join('')}]>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>`
    const error = await refusal(Buffer.from(svg))
    expect(error).toMatchObject({ code: 'image/svg', message: imageErrorMessage('image/svg') })
  })

  it('refuses an SVG with a remote image and a CSS @import (no request is made)', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style>@import url("http://127.0.0.1:9/x.css");</style><image href="http://127.0.0.1:9/x.png" width="10" height="10"/></svg>'
    expect((await refusal(Buffer.from(svg))).code).toBe('image/svg')
  })
})

describe('hostile-input corpus: sizes and names', () => {
  it('refuses a JPEG whose header claims 8000×8000 (64 MP) from the header, with the size message', async () => {
    const jpeg = await encode(await photoRaw(320, 240))
      .jpeg()
      .toBuffer()
    const liar = withClaimedSize(jpeg, 8000, 8000)
    expect(liar.length).toBeLessThan(100_000)
    const error = await refusal(liar)
    expect(error).toMatchObject({
      code: 'image/too-many-pixels',
      message: imageErrorMessage('image/too-many-pixels'),
    })
    expect(error.message).toMatch(/缩小/)
  })

  it('reads a PNG by its bytes (never a file name or extension) and answers a JPEG', async () => {
    const png = await encode(await photoRaw(500, 400))
      .png()
      .toBuffer()
    const result = await compressImage(png, { maxBytes: CAP })
    expect((await sharp(result.jpeg).metadata()).format).toBe('jpeg')
    expect([result.width, result.height]).toEqual([500, 400])
  })
})

describe('hostile-input corpus: PDF', () => {
  it('refuses a PDF cut in half as a damaged PDF', async () => {
    const error = await refusal(pdf.subarray(0, pdf.length >> 1))
    expect(error).toMatchObject({ code: 'pdf/damaged', message: imageErrorMessage('pdf/damaged') })
  })

  it('refuses random bytes sent as a PDF as not an image (nothing looks like a PDF)', async () => {
    const random = Buffer.alloc(8192)
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 101) % 253
    const error = await refusal(random)
    expect(error).toMatchObject({ code: 'image/not-image', message: imageErrorMessage('image/not-image') })
  })

  it('keeps only pixels of a PDF with an /OpenAction script: the result is a JPEG, no PDF passes through', async () => {
    const doc = await onePagePdf()
    const action = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("x")') })
    doc.catalog.set(PDFName.of('OpenAction'), action)
    const scripted = Buffer.from(await doc.save({ useObjectStreams: false }))
    expect(scripted.toString('latin1')).toContain('/OpenAction')
    const result = await compressImage(scripted, { maxBytes: CAP })
    expect(result.jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    expect(result.jpeg.toString('latin1')).not.toMatch(/OpenAction|JavaScript|%PDF/)
  })
})
