/**
 * A4 page layout for the packet's PDFs: a cursor that flows text down the page and starts a
 * new page when needed, line wrapping for Chinese and Latin text, and the furniture every
 * page gets at the end (footer with title, date and 第 n / N 页, and the 草稿 watermark).
 */
import { degrees, rgb, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib'
import { markMissingGlyphs } from './font'

export const A4: [number, number] = [595.28, 841.89]
export const MARGIN = 50
const FOOTER_Y = 28
export const INK = rgb(0.1, 0.1, 0.1)
export const MUTED = rgb(0.42, 0.42, 0.42)
export const ALERT = rgb(0.78, 0.12, 0.1)
export const WARN = rgb(0.7, 0.42, 0)
export const OK = rgb(0.1, 0.5, 0.2)

/** Control and line-separator characters would draw as boxes or break pdf-lib's text layout. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
}

/** A run that must not be split: a Latin word, a number, an e-mail address or a URL. */
const TOKEN = /[A-Za-z0-9@._:/\-+()]+|\s+|./gu

/**
 * Lines no wider than `width`: breaks between Chinese characters and at spaces, splitting a
 * too-long word. Characters the font cannot draw are written as their code point.
 */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const measure = (s: string): number => font.widthOfTextAtSize(s, size)
  const lines: string[] = []
  let line = ''
  const push = (): void => {
    lines.push(line.trimEnd())
    line = ''
  }
  for (const token of markMissingGlyphs(font, printable(text)).match(TOKEN) ?? []) {
    if (measure(line + token) <= width) {
      line += token
      continue
    }
    if (/^\s+$/.test(token)) {
      push()
      continue
    }
    if (line.trim()) push()
    line = ''
    for (const ch of token) {
      if (line && measure(line + ch) > width) push()
      line += ch
    }
  }
  if (line.trim() || lines.length === 0) push()
  return lines
}

export type TextStyle = { size: number; color?: Color; x?: number; width?: number }

/** Flows content down A4 pages; `y` is the baseline of the next line. */
export class PageFlow {
  page: PDFPage
  y = 0
  readonly left = MARGIN
  readonly right = A4[0] - MARGIN
  private readonly bottom = MARGIN + 12

  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {
    this.page = this.newPage()
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage(A4)
    this.y = A4[1] - MARGIN
    return this.page
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage()
  }

  /** Draws wrapped text at the cursor and moves it down; returns the lines drawn. */
  text(text: string, style: TextStyle): string[] {
    const x = style.x ?? this.left
    const lines = wrapText(this.font, text, style.size, style.width ?? this.right - x)
    const lead = style.size * 1.45
    for (const line of lines) {
      this.ensure(lead)
      this.y -= style.size
      this.page.drawText(line, { x, y: this.y, size: style.size, font: this.font, color: style.color ?? INK })
      this.y -= lead - style.size
    }
    return lines
  }

  gap(points: number): void {
    this.y -= points
  }

  rule(color: Color = rgb(0.8, 0.8, 0.8)): void {
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.right, y: this.y },
      thickness: 0.6,
      color,
    })
  }
}

export type Furniture = { title: string; date: string; draft: boolean }

/** The 草稿 mark: large, light, diagonal, centred on the page. */
function drawDraftMark(page: PDFPage, font: PDFFont): void {
  const text = '草稿'
  const size = 150
  const angle = 35
  const w = font.widthOfTextAtSize(text, size)
  const h = size * 0.72
  const rad = (angle * Math.PI) / 180
  const [pw, ph] = [page.getWidth(), page.getHeight()]
  // Baseline start so the text's centre lands on the page's centre after rotation.
  const x = pw / 2 - (Math.cos(rad) * w) / 2 + (Math.sin(rad) * h) / 2
  const y = ph / 2 - (Math.sin(rad) * w) / 2 - (Math.cos(rad) * h) / 2
  page.drawText(text, { x, y, size, font, color: ALERT, opacity: 0.22, rotate: degrees(angle) })
}

/** Room for the footer's left part; 第 n / N 页 sits right of it. */
const FOOTER_LEFT_WIDTH = 380

/**
 * The footer's left part on one line: the title shortened with “…” when long, so the date
 * and 草稿 are never cut off.
 */
export function footerText(font: PDFFont, f: Furniture, size: number, width: number): string {
  const suffix = `  生成于 ${f.date}${f.draft ? '  草稿' : ''}`
  const whole = wrapText(font, `${f.title}${suffix}`, size, width)
  if (whole.length === 1) return whole[0] ?? ''
  const room = width - font.widthOfTextAtSize(`…${suffix}`, size)
  let title = ''
  for (const ch of markMissingGlyphs(font, printable(f.title))) {
    if (font.widthOfTextAtSize(title + ch, size) > room) break
    title += ch
  }
  return `${title.trimEnd()}…${suffix}`
}

/** Footer (title, date, 第 n / N 页) on every page, and the 草稿 mark when `draft`. */
export function finishPages(doc: PDFDocument, font: PDFFont, f: Furniture): void {
  const pages = doc.getPages()
  pages.forEach((page, i) => {
    if (f.draft) drawDraftMark(page, font)
    const size = 8.5
    const left = footerText(font, f, size, FOOTER_LEFT_WIDTH)
    page.drawText(left, { x: MARGIN, y: FOOTER_Y, size, font, color: MUTED })
    const right = `第 ${i + 1} / ${pages.length} 页`
    const x = A4[0] - MARGIN - font.widthOfTextAtSize(right, size)
    page.drawText(right, { x, y: FOOTER_Y, size, font, color: MUTED })
  })
}

/** Document metadata shared by both PDFs. */
export function setMetadata(doc: PDFDocument, title: string, now: Date): void {
  doc.setTitle(title)
  doc.setLanguage('zh-CN')
  doc.setProducer('Beian Desk')
  doc.setCreator('Beian Desk 公安备案材料助手')
  doc.setCreationDate(now)
  doc.setModificationDate(now)
}
