/**
 * The CJK font registered with @napi-rs/canvas, shared by the PDF renderer (fallback for
 * non-embedded Chinese fonts) and the watermark (Chinese text such as 仅供公安备案使用).
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { GlobalFonts } from '@napi-rs/canvas'

const nodeRequire = createRequire(import.meta.url)

/** Family name our own drawing code asks for (the PDF fallbacks are the generic families). */
export const CJK_FAMILY = 'Noto Sans SC'

/** Candidate CJK fonts, first found wins (override with setCjkFont, e.g. from app resources). */
const FONT_CANDIDATES = [
  join(
    dirname(nodeRequire.resolve('@expo-google-fonts/noto-sans-sc/package.json')),
    '400Regular',
    'NotoSansSC_400Regular.ttf',
  ),
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
]
let fontPath: string | undefined
let registered = false

/** Uses this CJK font file instead of the bundled Noto Sans SC (call before the first use). */
export function setCjkFont(path: string): void {
  fontPath = path
  registered = false
}

/** The file set with setCjkFont, if any: the decode workers are given the same one. */
export const cjkFontOverride = (): string | undefined => fontPath

/** Registers the CJK font under the generic families and CJK_FAMILY; false when none exists. */
export function registerCjkFont(): boolean {
  if (registered) return true
  const path = fontPath ?? FONT_CANDIDATES.find((p) => existsSync(p))
  if (!path) return false
  registered = true
  for (const family of ['sans-serif', 'serif', 'monospace', CJK_FAMILY])
    GlobalFonts.registerFromPath(path, family)
  return true
}
