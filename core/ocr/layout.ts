/**
 * From OCR lines to labelled values. Lines are grouped into rows (boxes overlapping in y),
 * each row read left to right, and split at the document's printed labels (姓名, 住所 …): the
 * text after a label, up to the next label, is its value. A label alone on its row takes the
 * next row's leading value (a code printed under its label); multi-line fields (addresses)
 * take the following label-free rows that start in the value's column.
 */
import type { OcrLine } from './types'
import { cleanOcrText, noSpaces } from './text'

export type Segment = { text: string; confidence: number; x0: number; x1: number; y0: number; y1: number }
export type Row = { segments: Segment[]; hasBoxes: boolean }

/** A printed label: its key and a pattern matched at a position of the space-free text. */
export type Label = { key: string; pattern: RegExp }

export type Hit = { key: string; text: string; confidence: number; row: number; x0: number }

const boxOf = (line: OcrLine, index: number): Omit<Segment, 'text' | 'confidence'> => {
  const box = line.box
  if (!box || box.length < 4) return { x0: 0, x1: 0, y0: index * 100, y1: index * 100 + 1 }
  const xs = box.map((p) => p[0])
  const ys = box.map((p) => p[1])
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) }
}

/** Groups lines into rows by vertical overlap; without boxes every line is its own row. */
export function toRows(lines: readonly OcrLine[]): Row[] {
  const hasBoxes = lines.length > 0 && lines.every((l) => (l.box?.length ?? 0) >= 4)
  const segments = lines
    .map((l, i) => ({ text: cleanOcrText(l.text), confidence: l.confidence, ...boxOf(l, hasBoxes ? 0 : i) }))
    .filter((s) => s.text !== '')
  if (!hasBoxes) return segments.map((s) => ({ segments: [s], hasBoxes }))
  const centre = (s: Segment): number => (s.y0 + s.y1) / 2
  const rows: Segment[][] = []
  for (const s of [...segments].sort((a, b) => centre(a) - centre(b))) {
    const row = rows.at(-1)
    const first = row?.[0]
    if (
      row &&
      first &&
      Math.abs(centre(s) - centre(first)) < 0.5 * Math.min(s.y1 - s.y0, first.y1 - first.y0)
    )
      row.push(s)
    else rows.push([s])
  }
  return rows.map((r) => ({ segments: r.sort((a, b) => a.x0 - b.x0), hasBoxes }))
}

type Token = { label?: string; text: string; seg: Segment; x0: number; afterGap: boolean }

/**
 * Splits one segment's text at every label occurrence (longest label first at a position;
 * spaces inside a label are ignored). A value is also split where the recogniser put a space,
 * the part after it marked `afterGap`.
 */
function tokenize(seg: Segment, labels: readonly Label[]): Token[] {
  const chars: { c: string; gap: boolean }[] = []
  for (const c of seg.text) {
    if (c === ' ') {
      const last = chars.at(-1)
      if (last) chars.push({ c: '', gap: true })
    } else chars.push({ c, gap: false })
  }
  const gapBefore = new Set<number>()
  let text = ''
  for (const ch of chars) {
    if (ch.gap) gapBefore.add(text.length)
    else text += ch.c
  }
  // Where a character starts, estimated from its share of the segment's width.
  const xAt = (i: number): number => seg.x0 + ((seg.x1 - seg.x0) * i) / Math.max(1, text.length)
  const out: Token[] = []
  let value = ''
  let start = 0
  const flush = (): void => {
    if (value) out.push({ text: value, seg, x0: xAt(start), afterGap: gapBefore.has(start) })
    value = ''
  }
  for (let i = 0; i < text.length;) {
    const found = matchAt(text, i, labels)
    if (found) {
      flush()
      out.push({ label: found.key, text: '', seg, x0: xAt(i), afterGap: false })
      i += found.length
      start = i
    } else {
      if (gapBefore.has(i) && value) {
        flush()
        start = i
      }
      if (!value) start = i
      value += text.charAt(i)
      i++
    }
  }
  flush()
  return out
}

function matchAt(text: string, at: number, labels: readonly Label[]): { key: string; length: number } | null {
  let best: { key: string; length: number } | null = null
  for (const l of labels) {
    const re = new RegExp(l.pattern.source, 'y')
    re.lastIndex = at
    const m = re.exec(text)
    if (m && m[0].length > 0 && (!best || m[0].length > best.length))
      best = { key: l.key, length: m[0].length }
  }
  return best
}

type Open = { hit: Hit; parts: string[]; confs: number[] }

const lineHeight = (row: Row): number => Math.max(1, ...row.segments.map((s) => s.y1 - s.y0))

/** The first hit of every label, with its value (empty when nothing was found for it). */
export type LabelOptions = {
  /** Fields whose value may continue on the rows below. */
  multiline?: ReadonlySet<string>
  /**
   * Two-column documents: a value separated from the value before it by a gap (a space in the
   * recognised line, or a separate box well to the right) belongs to the other column.
   */
  columns?: boolean
}

/** Whether `t` starts another column after `prev` (both values). */
const newColumn = (t: Token, prev: Token | undefined): boolean =>
  t.afterGap ||
  (prev !== undefined && t.seg !== prev.seg && t.seg.x0 - prev.seg.x1 > 2.5 * (t.seg.y1 - t.seg.y0))

export function labelledValues(
  rows: readonly Row[],
  labels: readonly Label[],
  opts: LabelOptions = {},
): Map<string, Hit> {
  const multiline = opts.multiline ?? new Set<string>()
  const tokens = rows.map((r) => r.segments.flatMap((s) => tokenize(s, labels)))
  const hits = new Map<string, Hit>()
  const close = (o: Open | null): void => {
    if (!o || hits.has(o.hit.key)) return
    hits.set(o.hit.key, { ...o.hit, text: o.parts.join(''), confidence: Math.min(...o.confs) })
  }
  tokens.forEach((rowTokens, r) => {
    let open: Open | null = null
    let prev: Token | undefined
    for (const t of rowTokens) {
      if (t.label !== undefined) {
        close(open)
        open = {
          hit: { key: t.label, text: '', confidence: 0, row: r, x0: t.seg.x1 },
          parts: [],
          confs: [t.seg.confidence],
        }
      } else if (open && opts.columns && open.parts.length > 0 && newColumn(t, prev)) {
        close(open)
        open = null
      } else if (open) {
        if (open.parts.length === 0) open.hit.x0 = t.x0
        open.parts.push(t.text)
        open.confs.push(t.seg.confidence)
      }
      prev = t
    }
    if (open && open.parts.length === 0) takeNextRow(open, tokens, r)
    if (open && multiline.has(open.hit.key)) continueRows(open, tokens, rows, r)
    close(open)
  })
  return hits
}

/** A label alone at the end of its row: the next row's leading value, if it has one. */
function takeNextRow(open: Open, tokens: readonly Token[][], r: number): void {
  const next = tokens[r + 1]
  const first = next?.[0]
  if (!first || first.label !== undefined) return
  open.parts.push(first.text)
  open.confs.push(first.seg.confidence)
  open.hit.x0 = first.x0
}

/**
 * Appends the rows below whose text starts in the value's column: a label there, a long
 * number or a gap of more than about a line ends the value. Rows with text only in another
 * column (the licence's right half) are passed over.
 */
function continueRows(open: Open, tokens: readonly Token[][], rows: readonly Row[], r: number): void {
  let lastBottom = Math.max(...(rows[r]?.segments.map((s) => s.y1) ?? [0]))
  for (let k = r + 1; k < tokens.length; k++) {
    const row = rows[k]
    const rowTokens = tokens[k] ?? []
    if (!row || rowTokens.length === 0) return
    const h = lineHeight(row)
    const inColumn = row.hasBoxes
      ? rowTokens.find((t) => Math.abs(t.x0 - open.hit.x0) <= 4 * h)
      : rowTokens[0]
    if (row.hasBoxes && Math.min(...row.segments.map((s) => s.y0)) - lastBottom > 1.6 * h) return
    if (!inColumn) {
      if (rowTokens.every((t) => t.x0 > open.hit.x0 + 6 * h)) continue
      return
    }
    if (inColumn.label !== undefined || /\d{12,}/.test(inColumn.text)) return
    open.parts.push(inColumn.text)
    open.confs.push(inColumn.seg.confidence)
    lastBottom = inColumn.seg.y1
  }
}

/** All text of all rows, row by row, spaces removed (for pattern searches). */
export const rowTexts = (rows: readonly Row[]): { text: string; confidence: number }[] =>
  rows.map((r) => ({
    text: r.segments.map((s) => noSpaces(s.text)).join(''),
    confidence: Math.min(...r.segments.map((s) => s.confidence)),
  }))

/** Confidence of the row a number was read from (the label's hit first). */
export function confidenceOfRaw(
  read: { status: string; raw?: string },
  rows: readonly Row[],
  hit?: Hit,
): number {
  const raw = 'raw' in read ? read.raw : undefined
  if (hit && raw !== undefined && hit.text.includes(raw)) return hit.confidence
  const row = rowTexts(rows).find((r) => raw !== undefined && r.text.includes(raw))
  return row?.confidence ?? hit?.confidence ?? 0
}
