// The reference for a scanned PDF page: the page's only picture, at its own pixels, where the
// page places it. A scan has pixels of its own, so, like every raster input, it is scored
// against them, not against one rasteriser's resampling of them (poppler at 900 dpi replicates
// each stored pixel 5–6 times, a box reconstruction that favours poppler's own renders).
// Independent of the compressor: pdf-lib reads the content stream, poppler decodes the picture.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, PDFRef } from 'pdf-lib'
import sharp from 'sharp'
import { toRgb, type Rgb } from './decode'

const run = promisify(execFile)

type Box = { x: number; y: number; width: number; height: number }

/** The unrotated page-1 picture's box in PDF units, when the content is just `q a 0 0 d e f cm /Im Do Q`. */
export function pictureBox(content: string): Box | null {
  const tokens = content
    .replace(/%[^\n]*/g, ' ')
    .trim()
    .split(/\s+/)
  let ctm = [1, 0, 0, 1, 0, 0]
  const stack: number[][] = []
  const operands: string[] = []
  let box: Box | null = null
  for (const t of tokens) {
    if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) || t.startsWith('/')) {
      operands.push(t)
      continue
    }
    if (t === 'q') stack.push(ctm)
    else if (t === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0]
    else if (t === 'cm' && operands.length === 6) {
      const [a, b, c, d, e, f] = operands.map(Number) as [number, number, number, number, number, number]
      const [A, B, C, D, E, F] = ctm as [number, number, number, number, number, number]
      ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
    } else if (t === 'Do' && operands.length === 1 && !box) {
      const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number]
      if (b !== 0 || c !== 0 || a <= 0 || d <= 0) return null
      box = { x: e, y: f, width: a, height: d }
    } else return null
    operands.length = 0
  }
  return operands.length === 0 ? box : null
}

async function pageContent(
  pdf: Buffer,
): Promise<{ content: string; width: number; height: number; rotation: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const page = doc.getPage(0)
  const contents = page.node.Contents()
  const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : []
  const parts = streams.map((s) => {
    const stream = s instanceof PDFRef ? doc.context.lookup(s) : s
    if (!(stream instanceof PDFRawStream)) throw new Error('unexpected content stream')
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
  })
  const { width, height } = page.getSize()
  return { content: parts.join('\n'), width, height, rotation: page.getRotation().angle % 360 }
}

/** Page 1 as its picture on white at the picture's density, or null for any other kind of page. */
export async function pictureReference(path: string): Promise<Rgb | null> {
  const { stdout: list } = await run('pdfimages', ['-list', '-f', '1', '-l', '1', path])
  const images = list
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
  const { stdout: fonts } = await run('pdffonts', ['-f', '1', '-l', '1', path])
  if (
    images.length !== 1 ||
    fonts
      .split('\n')
      .slice(2)
      .some((l) => l.trim())
  )
    return null
  const page = await pageContent(await readFile(path))
  const box = page.rotation === 0 ? pictureBox(page.content) : null
  if (!box) return null
  const dir = await mkdtemp(join(tmpdir(), 'bench-pic-'))
  try {
    await run('pdfimages', ['-png', '-f', '1', '-l', '1', path, join(dir, 'pic')])
    const [file] = await readdir(dir)
    if (!file) return null
    const picture = sharp(await readFile(join(dir, file)))
    const { width = 0, height = 0 } = await picture.metadata()
    const density = width / box.width
    const pageW = Math.round(page.width * density)
    const pageH = Math.round(page.height * density)
    const left = Math.round(box.x * density)
    const top = Math.round((page.height - box.y - box.height) * density)
    if (left < 0 || top < 0 || left + width > pageW || top + height > pageH) return null
    const placed = sharp({ create: { width: pageW, height: pageH, channels: 3, background: '#ffffff' } })
      .composite([{ input: await picture.flatten({ background: '#ffffff' }).png().toBuffer(), left, top }])
      .png()
    return await toRgb(sharp(await placed.toBuffer()))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
