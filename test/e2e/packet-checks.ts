/**
 * What the e2e journey checks in an exported packet, file by file: the zip's names, the
 * manifest's hashes, 填写清单.txt (BOM, CRLF, every field), and both PDFs by their text layer
 * (pdftotext, with word boxes) and by their rendered pages (pdftoppm, ink per region).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { expect } from 'vitest'
import { EMPTY_VALUE, type PortalStep } from '../../core/packet/portal-fields'
import {
  draftPink,
  ink,
  pdfFonts,
  pdfInfo,
  pdfText,
  renderPage,
  renderPageRgb,
  squash,
  type Gray,
} from '../electron/services/packet-pdf/render'
import type { ZipEntry } from '../support/zip'

const A4_W = 595.28
const A4_H = 841.89
const MARGIN = 50
const DPI = 50

/** A word of the text layer and its box in points, origin top-left. */
export type Word = { page: number; text: string; x0: number; y0: number; x1: number; y1: number }

/** Every word of every page with its box (pdftotext -bbox). */
export function pdfWords(pdf: Uint8Array): Word[] {
  const dir = mkdtempSync(join(tmpdir(), 'beian-words-'))
  try {
    const file = join(dir, 'in.pdf')
    writeFileSync(file, pdf)
    const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    const words: Word[] = []
    let page = 0
    for (const line of html.split('\n')) {
      if (line.includes('<page ')) page++
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      )
      if (m) {
        const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number]
        words.push({ page, text: unescapeXml(m[5] ?? ''), x0, y0, x1, y1 })
      }
    }
    return words
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** A box in points (top-left origin) as a fraction of the A4 page. */
const region = (x0: number, y0: number, x1: number, y1: number) => ({
  x0: x0 / A4_W,
  y0: y0 / A4_H,
  x1: x1 / A4_W,
  y1: y1 / A4_H,
})

/** Mean darkness (0 white, 1 black) of a colour image, or of its middle when `inset` (a fraction per side). */
async function darkness(jpeg: Uint8Array, inset = 0): Promise<number> {
  const img = sharp(jpeg)
  const { width = 1, height = 1 } = await img.metadata()
  const [left, top] = [Math.round(width * inset), Math.round(height * inset)]
  const crop = { left, top, width: width - 2 * left, height: height - 2 * top }
  const [r, g, b] = (await img.extract(crop).stats()).channels.map((c) => c.mean)
  // Poppler's RGB → grey (0.3 R + 0.59 G + 0.11 B), not sharp's perceptual greyscale.
  return 1 - (0.3 * (r ?? 255) + 0.59 * (g ?? 255) + 0.11 * (b ?? 255)) / 255
}

/** Both PDFs' pages as PNG in `dir`, for a person to look at. */
export function renderForEyes(pdf: Uint8Array, dir: string, stem: string): void {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${stem}.pdf`)
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-png', '-r', '70', file, join(dir, stem)])
}

export function checkZipNames(
  entries: readonly ZipEntry[],
  base: string,
  materials: readonly string[],
): void {
  expect(entries.every((e) => e.utf8Flag)).toBe(true)
  expect(entries.map((e) => e.name)).toEqual([
    ...materials.map((m) => `${base}/${m}`),
    `${base}/备案信息.pdf`,
    `${base}/材料打印.pdf`,
    `${base}/填写清单.txt`,
    `${base}/manifest.json`,
  ])
}

/** manifest.json lists every other file of the packet with its true size and sha256. */
export function checkManifest(entries: readonly ZipEntry[], base: string, siteName: string): void {
  const entry = entries.find((e) => e.name === `${base}/manifest.json`)
  const manifest = JSON.parse(entry?.data.toString('utf8') ?? '{}') as {
    format: string
    schemaVersion: number
    appVersion: string
    draft: boolean
    site: { name: string }
    files: { file: string; role: string; bytes: number; sha256: string }[]
  }
  expect(manifest).toMatchObject({ format: 'beian-desk-packet', schemaVersion: 2, draft: false })
  expect(manifest.site.name).toBe(siteName)
  expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/)
  const others = entries.filter((e) => e !== entry)
  expect(manifest.files.map((f) => `${base}/${f.file}`)).toEqual(others.map((e) => e.name))
  for (const [i, f] of manifest.files.entries()) {
    const data = others[i]?.data ?? Buffer.alloc(0)
    expect(f.bytes, f.file).toBe(data.length)
    expect(f.sha256, f.file).toBe(createHash('sha256').update(data).digest('hex'))
  }
  expect(manifest.files.map((f) => f.role)).toEqual([
    ...others.slice(0, -3).map(() => 'material'),
    'info-pdf',
    'print-pdf',
    'fill-list',
  ])
}

/** 填写清单.txt: a UTF-8 BOM, CRLF line ends only, one "label: value" line per portal field. */
export function checkFillList(data: Buffer, steps: readonly PortalStep[]): void {
  expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = data.subarray(3).toString('utf8')
  expect(text).not.toMatch(/[^\r]\n/)
  const lines = text.split('\r\n')
  steps.forEach((step, i) => {
    const heading = lines.indexOf(`== ${i + 1}. ${step.step} ==`)
    expect(heading, step.step).toBeGreaterThan(-1)
    for (const f of step.fields) expect(lines, f.key).toContain(`${f.label}: ${f.value || EMPTY_VALUE}`)
  })
}

/** Words that overlap another word on the same page (drawn on top of each other). */
function overlaps(words: readonly Word[]): string[] {
  const out: string[] = []
  for (const [i, a] of words.entries())
    for (const b of words.slice(i + 1)) {
      if (a.page !== b.page) continue
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
      if (dx > 0.5 && dy > 0.5) out.push(`p${a.page}: "${a.text}" × "${b.text}"`)
    }
  return out
}

/** Checks every page shares: A4, poppler quiet, nothing in the margins, no overlapping words, ink under every word. */
function checkPages(pdf: Uint8Array, words: readonly Word[]): Gray[] {
  const info = pdfInfo(pdf)
  expect(info.pageSize).toMatch(/^595\.28 x 841\.89 pts/)
  expect(pdfFonts(pdf)).toMatch(/[A-Z]{6}\+NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/)
  expect(overlaps(words)).toEqual([])
  const pages = [...Array(info.pages).keys()].map((i) => renderPage(pdf, i + 1, DPI))
  pages.forEach((page, i) => {
    expect(page.warnings).toBe('')
    // Nothing in the side margins or above the top margin: no text runs off the page.
    expect(ink(page, region(0, 0, MARGIN - 4, A4_H)), `page ${i + 1} left margin`).toBe(0)
    expect(ink(page, region(A4_W - MARGIN + 4, 0, A4_W, A4_H)), `page ${i + 1} right margin`).toBe(0)
    expect(ink(page, region(0, 0, A4_W, MARGIN - 6)), `page ${i + 1} top margin`).toBe(0)
    // The footer band (title, date, 第 n / N 页) is drawn.
    expect(
      ink(page, region(MARGIN, A4_H - 40, A4_W - MARGIN, A4_H - 20)),
      `page ${i + 1} footer`,
    ).toBeGreaterThan(0.01)
    const text = squash(pdfText(pdf, i + 1))
    expect(text).toContain(`第${i + 1}/${info.pages}页`)
  })
  for (const w of words) {
    expect(w.x0, w.text).toBeGreaterThanOrEqual(MARGIN - 0.5)
    expect(w.x1, w.text).toBeLessThanOrEqual(A4_W - MARGIN + 0.5)
    const page = pages[w.page - 1]
    // Every word of the text layer is visibly drawn (a missing glyph would leave its box blank).
    if (page) expect(ink(page, region(w.x0, w.y0, w.x1, w.y1)), `ink under "${w.text}"`).toBeGreaterThan(0.01)
  }
  return pages
}

export type PacketImage = { label: string; path: string; jpeg: Uint8Array }

/**
 * 备案信息.pdf: every field's label and value in the text, the values typed in the UI, and the
 * checklist: each material's thumbnail drawn left of its label, as dark as the material.
 */
export async function checkInfoPdf(
  pdf: Uint8Array,
  steps: readonly PortalStep[],
  typed: readonly string[],
  images: readonly PacketImage[],
): Promise<void> {
  const text = squash(pdfText(pdf))
  for (const f of steps.flatMap((s) => s.fields)) {
    expect(text, f.key).toContain(squash(f.label))
    expect(text, f.key).toContain(squash(f.value || EMPTY_VALUE))
  }
  for (const value of typed) expect(text).toContain(squash(value))
  expect(text).not.toContain('草稿')
  const words = pdfWords(pdf)
  const pages = checkPages(pdf, words)
  // No 草稿 mark: the middle of every page is free of its light red.
  for (let p = 1; p <= pages.length; p++)
    expect(draftPink(renderPageRgb(pdf, p), { x0: 0.25, y0: 0.3, x1: 0.75, y1: 0.7 })).toBeLessThan(0.002)
  expect(ink(pages[0] as Gray, region(MARGIN, MARGIN - 4, 260, 76)), 'title').toBeGreaterThan(0.05)
  for (const [i, image] of images.entries()) {
    const label = words.find(
      (w) =>
        w.text === `${i + 1}.` &&
        words.some((n) => n.page === w.page && n.y0 === w.y0 && n.text === image.label),
    )
    expect(label, `checklist item ${image.label}`).toBeDefined()
    if (!label) continue
    // The thumbnail: fitted into 84 × 60 pt, 22 pt right of the margin, 4 pt below the row's
    // top (the label's box top), centred; its inner part is sampled.
    const meta = await sharp(image.jpeg).metadata()
    const scale = Math.min(84 / (meta.width ?? 1), 60 / (meta.height ?? 1))
    const [tw, th] = [(meta.width ?? 0) * scale, (meta.height ?? 0) * scale]
    const [tx, ty] = [MARGIN + 22 + (84 - tw) / 2, label.y0 + 4 + (60 - th) / 2]
    const inner = region(tx + tw * 0.1, ty + th * 0.1, tx + tw * 0.9, ty + th * 0.9)
    const thumb = ink(pages[label.page - 1] as Gray, inner)
    const expected = await darkness(image.jpeg, 0.1)
    expect(Math.abs(thumb - expected), `thumbnail of ${image.label}: ${thumb} vs ${expected}`).toBeLessThan(
      0.12,
    )
    expect(text).toContain(squash(`文件：${image.path}`))
  }
}

/** The box of pixels darker than paper inside `r` (fractions), in pixels. */
function inkBox(page: Gray, r: { x0: number; y0: number; x1: number; y1: number }) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1]
  for (let y = Math.floor(r.y0 * page.height); y < Math.ceil(r.y1 * page.height); y++)
    for (let x = Math.floor(r.x0 * page.width); x < Math.ceil(r.x1 * page.width); x++)
      if ((page.data[y * page.width + x] ?? 255) < 250) {
        ;[x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)]
      }
  return { x0, y0, x1: x1 + 1, y1: y1 + 1 }
}

/**
 * 材料打印.pdf: one page per material in portal order, its caption and file on top, and below
 * it the picture: its shape and darkness as the exported JPEG's, centred between the margins.
 */
export async function checkPrintPdf(pdf: Uint8Array, images: readonly PacketImage[]): Promise<void> {
  expect(pdfInfo(pdf).pages).toBe(images.length)
  const words = pdfWords(pdf)
  const pages = checkPages(pdf, words)
  for (const [i, image] of images.entries()) {
    const text = squash(pdfText(pdf, i + 1))
    expect(text).toContain(squash(`${i + 1}. ${image.label}`))
    expect(text).toContain(squash(image.path))
    const page = pages[i] as Gray
    const captionBottom = Math.max(...words.filter((w) => w.page === i + 1 && w.y1 < 200).map((w) => w.y1))
    const area = region(MARGIN, captionBottom + 2, A4_W - MARGIN, A4_H - MARGIN - 18)
    const box = inkBox(page, area)
    const meta = await sharp(image.jpeg).metadata()
    const [w, h] = [box.x1 - box.x0, box.y1 - box.y0]
    const aspect = (meta.width ?? 1) / (meta.height ?? 1)
    expect(Math.abs(w / h - aspect) / aspect, `aspect of ${image.label}`).toBeLessThan(0.06)
    // Centred between the margins (within 2 px at 50 dpi).
    const centre = (box.x0 + box.x1) / 2 / page.width
    expect(Math.abs(centre - 0.5), `centre of ${image.label}`).toBeLessThan(2 / page.width)
    const boxInk = ink(page, {
      x0: box.x0 / page.width,
      y0: box.y0 / page.height,
      x1: box.x1 / page.width,
      y1: box.y1 / page.height,
    })
    const expected = await darkness(image.jpeg)
    expect(Math.abs(boxInk - expected), `darkness of ${image.label}: ${boxInk} vs ${expected}`).toBeLessThan(
      0.06,
    )
  }
}

/**
 * A 草稿 packet's PDF: the mark's 草 and the footer's 草稿 in every page's text, and, where the
 * page is paper (备案信息.pdf), the mark's light red across the page's middle.
 */
export function checkDraftPdf(pdf: Uint8Array, { pinkOnEveryPage }: { pinkOnEveryPage: boolean }): void {
  const pages = pdfInfo(pdf).pages
  expect(pages).toBeGreaterThan(0)
  for (let p = 1; p <= pages; p++) {
    const text = squash(pdfText(pdf, p))
    expect(text.match(/草/g)?.length ?? 0, `page ${p}`).toBeGreaterThanOrEqual(2)
    expect(text, `page ${p}`).toContain('草稿')
    if (pinkOnEveryPage) {
      const middle = { x0: 0.25, y0: 0.3, x1: 0.75, y1: 0.7 }
      expect(draftPink(renderPageRgb(pdf, p), middle), `page ${p}`).toBeGreaterThan(0.05)
    }
  }
}
