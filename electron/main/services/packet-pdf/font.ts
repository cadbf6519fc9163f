/**
 * The CJK font embedded in the packet's PDFs: Noto Sans SC Regular (TrueType), embedded as a
 * subset. pdf-lib is given upstream fontkit 2.0.4 through a small adapter: @pdf-lib/fontkit
 * writes small CJK subsets that poppler and pdf.js draw with missing glyphs (shared notes,
 * "PDF + CJK font").
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import type { PDFDocument, PDFFont } from 'pdf-lib'
import { cjkFontOverride } from '../images/fonts'

const nodeRequire = createRequire(import.meta.url)

type Subset = { encode: () => Uint8Array; encodeStream?: () => Readable }
type Glyph = { id: number; advanceWidth: number }
type FontkitFont = {
  createSubset: () => Subset
  glyphForCodePoint: (codePoint: number) => Glyph
  hasGlyphForCodePoint: (codePoint: number) => boolean
  layout: (text: string) => { glyphs: Glyph[] }
  postscriptName?: string
  fonts?: FontkitFont[]
  patchedForPdfLib?: true
}
type Fontkit = { create: (bytes: Buffer) => FontkitFont }
type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0]

let fontkit: Fontkit | undefined
/** Parsed fonts by file bytes: parsing the 10 MB font once per process, not once per PDF. */
const parsed = new WeakMap<Uint8Array, FontkitFont>()

function parse(bytes: Uint8Array): FontkitFont {
  const cached = parsed.get(bytes)
  if (cached) return cached
  fontkit ??= nodeRequire('fontkit') as Fontkit
  const file = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  const font = file.fonts?.[0] ?? file // a .ttc collection: its first face
  if (!font.patchedForPdfLib) {
    const createSubset = font.createSubset.bind(font)
    // pdf-lib reads the subset as a stream (@pdf-lib/fontkit's API); upstream encodes to bytes.
    font.createSubset = () => {
      const subset = createSubset()
      subset.encodeStream = () => Readable.from([subset.encode()])
      return subset
    }
    // pdf-lib only reads the glyphs of a layout (it ignores positions, so no kerning either way).
    // Full shaping runs the font's large GSUB/GPOS tables on every measured or drawn string
    // (about 3 ms per line); a plain cmap lookup gives the same glyphs for Chinese text and
    // keeps Latin text free of ligatures, which also keeps it searchable. Glyphs are cached
    // per code point: fontkit builds a new glyph object on every lookup.
    const byCodePoint = new Map<number, Glyph>()
    const glyphOf = (ch: string): Glyph => {
      const cp = ch.codePointAt(0) ?? 0
      let glyph = byCodePoint.get(cp)
      if (!glyph) byCodePoint.set(cp, (glyph = font.glyphForCodePoint(cp)))
      return glyph
    }
    font.layout = (text: string) => ({ glyphs: Array.from(text, glyphOf) })
    font.patchedForPdfLib = true
  }
  parsed.set(bytes, font)
  return font
}

/** pdf-lib's fontkit port backed by upstream fontkit. */
export const fontkitForPdfLib = { create: parse } as unknown as PdfLibFontkit

/** The bundled font file, unless main chose another (packaged app: resources/fonts). */
export function cjkFontPath(): string {
  return (
    cjkFontOverride() ??
    join(
      dirname(nodeRequire.resolve('@expo-google-fonts/noto-sans-sc/package.json')),
      '400Regular',
      'NotoSansSC_400Regular.ttf',
    )
  )
}

let fontBytes: { path: string; bytes: Promise<Uint8Array> } | undefined

/** The font file's bytes, read once per path. */
export function cjkFontBytes(path = cjkFontPath()): Promise<Uint8Array> {
  if (fontBytes?.path !== path) {
    const bytes = readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength))
    bytes.catch(() => {
      if (fontBytes?.path === path) fontBytes = undefined
    })
    fontBytes = { path, bytes }
  }
  return fontBytes.bytes
}

/** The six capital letters a subset font's name starts with (PDF 32000-1 §9.6.4), e.g. `KQWZAB+`. */
function subsetTag(): string {
  return Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('')
}

/** Embeds the CJK font in `doc` as a subset (only the characters drawn end up in the file). */
export async function embedCjkFont(doc: PDFDocument, path?: string): Promise<PDFFont> {
  doc.registerFontkit(fontkitForPdfLib)
  const bytes = await cjkFontBytes(path)
  const parsedFont = parse(bytes)
  const name = parsedFont.postscriptName ?? 'CJK'
  const font = await doc.embedFont(bytes, { subset: true, customName: `${subsetTag()}+${name}` })
  coverage.set(font, (cp) => parsedFont.hasGlyphForCodePoint(cp))
  return font
}

/** Which code points each embedded font can draw. */
const coverage = new WeakMap<PDFFont, (codePoint: number) => boolean>()
/** Variation selectors and zero-width marks: no glyph of their own, dropped. */
const invisible = (cp: number): boolean =>
  (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)

/**
 * Characters the font has no glyph for (rare 生僻字 beyond the font, e.g. CJK Extension B)
 * would print as an empty box and vanish from the text layer; they are written as their code
 * point instead (〔U+20000〕), visible and searchable. 填写清单.txt keeps the exact text.
 */
export function markMissingGlyphs(font: PDFFont, text: string): string {
  const has = coverage.get(font)
  if (!has) return text
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (invisible(cp)) continue
    out += cp <= 0x20 || has(cp) ? ch : `〔U+${cp.toString(16).toUpperCase()}〕`
  }
  return out
}
