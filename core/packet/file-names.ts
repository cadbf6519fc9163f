/**
 * The one cleaning function for every file and folder name the app writes (packet folders, zips
 * and the folder inside them, images, documents, batch outputs, dialog suggestions), so a name
 * survives Windows, macOS and Linux:
 * - forbidden characters `<>:"/\|?*` become their full-width forms (readable in Chinese);
 * - control characters (C0, DEL, C1), line/paragraph separators, lone surrogates and every
 *   invisible format character (bidi overrides U+202A–202E and isolates U+2066–2069, zero-width
 *   U+200B–200F, U+FEFF, soft hyphen …: Unicode category Cf) are removed, so a name cannot
 *   pretend to end in `.pdf` while it ends in `.exe`;
 * - leading/trailing spaces and trailing dots go (Windows drops them, then cannot open the file);
 * - reserved device names (CON, PRN, AUX, NUL, COM0–9, LPT0–9, also with an extension or
 *   spaces before it, in any case) get a `_` prefix;
 * - the name is cut on a character boundary to a UTF-8 byte budget, keeping the extension.
 *   The hard limit of the file systems is 255 bytes (ext4, APFS) / 255 UTF-16 units (NTFS);
 *   the default budget stays below it so ` (2)`, `(12)` and temp-file suffixes still fit.
 */
const FULL_WIDTH: Record<string, string> = {
  '<': '＜',
  '>': '＞',
  ':': '：',
  '"': '＂',
  '/': '／',
  '\\': '＼',
  '|': '｜',
  '?': '？',
  '*': '＊',
}
/** Windows reserves these with any extension, and with spaces before the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\s*\..*)?$/i
/** Controls, format characters (bidi, zero-width, BOM, soft hyphen), separators, lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu
/** An extension worth keeping when the stem is cut: a dot and 1–10 letters or digits. */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u

/** What the file systems accept for one path component, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255
/** What safeFileName produces by default: leaves room for ` (99)` and `.tmp-…` suffixes. */
export const MAX_COMPONENT_BYTES = 200

/** UTF-8 byte length without TextEncoder (core has neither DOM nor Node types). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return bytes
}

/** User-perceived characters, so a cut never separates a letter from its accent or an emoji's parts. */
function graphemes(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' })
  return Array.from(segmenter.segment(text), (s) => s.segment)
}

/** The longest prefix of `text` (whole characters) of at most `maxBytes` UTF-8 bytes. */
export function truncateToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text
  let out = ''
  let bytes = 0
  for (const g of graphemes(text)) {
    const size = utf8Length(g)
    if (bytes + size > maxBytes) break
    out += g
    bytes += size
  }
  return out
}

const stripTrailing = (text: string): string => text.replace(/[\s.]+$/u, '')

export type SafeNameOptions = {
  /** What is left when nothing printable remains (default 未命名). */
  fallback?: string
  /** UTF-8 byte budget (default MAX_COMPONENT_BYTES, at most MAX_NAME_BYTES). */
  maxBytes?: number
}

/** A safe single path component; the fallback when nothing printable remains. */
export function safeFileName(name: string, options: SafeNameOptions | string = {}): string {
  const { fallback = '未命名', maxBytes = MAX_COMPONENT_BYTES } =
    typeof options === 'string' ? { fallback: options } : options
  const budget = Math.min(maxBytes, MAX_NAME_BYTES)
  let out = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[<>:"/\\|?*]/g, (c) => FULL_WIDTH[c] ?? '_')
    .trim()
  out = stripTrailing(out)
  const ext = EXTENSION.exec(out)?.[0] ?? ''
  const stem = ext && out.length > ext.length ? out.slice(0, -ext.length) : out
  const keptExt = stem === out ? '' : ext
  if (utf8Length(out) > budget) {
    const room = budget - utf8Length(keptExt)
    out = room > 0 ? stripTrailing(truncateToBytes(stem, room)) + keptExt : truncateToBytes(out, budget)
  }
  out = stripTrailing(out)
  if (!out) return fallback
  if (RESERVED.test(out)) out = truncateToBytes(`_${out}`, budget)
  return out
}

/** Adds " (2)", " (3)"… so names stay unique after case-folding (Windows is case-insensitive). */
export function dedupeNames(names: readonly string[]): string[] {
  const seen = new Set<string>()
  return names.map((name) => {
    const dot = name.lastIndexOf('.')
    const stem = dot > 0 ? name.slice(0, dot) : name
    const ext = dot > 0 ? name.slice(dot) : ''
    let candidate = name
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`
    seen.add(candidate.toLowerCase())
    return candidate
  })
}
