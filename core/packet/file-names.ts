/**
 * File and folder names that survive Windows, macOS and Linux: forbidden characters become
 * their full-width forms (readable in Chinese), reserved device names are prefixed, trailing
 * dots/spaces go, and each component stays under 180 UTF-8 bytes (ext4/APFS count bytes).
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
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
export const MAX_COMPONENT_BYTES = 180

/** UTF-8 byte length without TextEncoder (core has neither DOM nor Node types). */
function utf8Length(text: string): number {
  let bytes = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return bytes
}

function truncateToBytes(text: string, maxBytes: number): string {
  let out = ''
  for (const ch of text) {
    if (utf8Length(out + ch) > maxBytes) break
    out += ch
  }
  return out
}

/** A safe single path component; `fallback` when nothing printable remains. */
export function safeFileName(name: string, fallback = '未命名'): string {
  // Control characters are invalid in Windows names and invisible everywhere.
  const printable = [...name.normalize('NFC')].filter((ch) => ch >= ' ' && ch !== '\u007f').join('')
  let out = printable
    .replace(/[<>:"/\\|?*]/g, (c) => FULL_WIDTH[c] ?? '_')
    .trim()
  const dot = out.lastIndexOf('.')
  const ext = dot > 0 && out.length - dot <= 6 ? out.slice(dot) : ''
  const stem = ext ? out.slice(0, dot) : out
  out = truncateToBytes(stem, MAX_COMPONENT_BYTES - utf8Length(ext)) + ext
  out = out.replace(/[. ]+$/, '')
  if (!out) return fallback
  if (RESERVED.test(out)) out = `_${out}`
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
