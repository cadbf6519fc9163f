/** Renders PDF pages with poppler (pdftoppm, pdftotext) and measures ink per page region. */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** `warnings`: what poppler printed on stderr while rendering (e.g. an invalid embedded font). */
export type Gray = { width: number; height: number; data: Uint8Array; warnings: string }
/** A region in fractions of the page, origin top-left. */
export type Region = { x0: number; y0: number; x1: number; y1: number }

function withPdf<T>(pdf: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'beian-pdf-'))
  try {
    const file = join(dir, 'in.pdf')
    writeFileSync(file, pdf)
    return run(file, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Page `page` (1-based) at `dpi` through pdftoppm: 8-bit grey (PGM, P5) or RGB (PPM, P6), the
 * pixels row by row, and what poppler printed on stderr.
 */
function render(pdf: Uint8Array, page: number, dpi: number, colour: boolean): Gray {
  return withPdf(pdf, (file, dir) => {
    const args = [...(colour ? [] : ['-gray']), '-r', String(dpi), '-f', String(page), '-l', String(page)]
    const run = spawnSync('pdftoppm', [...args, '-singlefile', file, join(dir, 'p')], { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`)
    const buf = readFileSync(join(dir, colour ? 'p.ppm' : 'p.pgm'))
    const magic = colour ? 'P6' : 'P5'
    const header = new RegExp(`^${magic}\\s+(\\d+)\\s+(\\d+)\\s+255\\s`).exec(
      buf.subarray(0, 64).toString('latin1'),
    )
    if (!header) throw new Error(`not a ${magic} netpbm file`)
    const [width, height] = [Number(header[1]), Number(header[2])]
    const start = header[0].length
    const size = width * height * (colour ? 3 : 1)
    return {
      width,
      height,
      data: new Uint8Array(buf.subarray(start, start + size)),
      warnings: run.stderr.trim(),
    }
  })
}

/** Page `page` (1-based) as 8-bit grey at `dpi`. */
export function renderPage(pdf: Uint8Array, page: number, dpi = 50): Gray {
  return render(pdf, page, dpi, false)
}

/** Mean darkness (0 = white, 1 = black) of a region. */
export function ink(img: Gray, r: Region = { x0: 0, y0: 0, x1: 1, y1: 1 }): number {
  const [x0, x1] = [Math.floor(r.x0 * img.width), Math.ceil(r.x1 * img.width)]
  const [y0, y1] = [Math.floor(r.y0 * img.height), Math.ceil(r.y1 * img.height)]
  let sum = 0
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) sum += 255 - (img.data[y * img.width + x] ?? 255)
  return sum / 255 / Math.max(1, (x1 - x0) * (y1 - y0))
}

/** The text layer in content order (`-raw`), all pages or one. */
export function pdfText(pdf: Uint8Array, page?: number): string {
  return withPdf(pdf, (file) => {
    const range = page ? ['-f', String(page), '-l', String(page)] : []
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' })
  })
}

/** pdffonts' table: name, type, encoding, embedded, subset, unicode map. */
export function pdfFonts(pdf: Uint8Array): string {
  return withPdf(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }))
}

/** Page count and page size from pdfinfo. */
export function pdfInfo(pdf: Uint8Array): { pages: number; pageSize: string } {
  return withPdf(pdf, (file) => {
    const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? 0),
      pageSize: /^Page size:\s+(.*)$/m.exec(out)?.[1]?.trim() ?? '',
    }
  })
}

/** Text with all white space removed, for matching values that wrap across lines. */
export const squash = (s: string): string => s.replace(/\s+/g, '')

/** Page `page` (1-based) in colour at `dpi`: RGB bytes, row by row. */
export function renderPageRgb(pdf: Uint8Array, page: number, dpi = 50): Omit<Gray, 'warnings'> {
  const { width, height, data } = render(pdf, page, dpi, true)
  return { width, height, data }
}

/**
 * Share of a region's pixels in the light red of the 草稿 mark (red at 22 % opacity over white
 * paper is about 243, 200, 199), for telling the mark from black, grey, blue or green text.
 */
export function draftPink(img: Omit<Gray, 'warnings'>, r: Region): number {
  const [x0, x1] = [Math.floor(r.x0 * img.width), Math.ceil(r.x1 * img.width)]
  const [y0, y1] = [Math.floor(r.y0 * img.height), Math.ceil(r.y1 * img.height)]
  let pink = 0
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 3
      const [red, green, blue] = [img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0]
      if (red > 225 && green > 170 && green < 225 && blue > 170 && blue < 225 && red - green > 25) pink++
    }
  return pink / Math.max(1, (x1 - x0) * (y1 - y0))
}
