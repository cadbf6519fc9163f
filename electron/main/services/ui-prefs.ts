/**
 * The one setting the window needs before an encrypted workspace is unlocked: its language
 * (the unlock screen is shown in it). It is not personal, so it is kept in plaintext in
 * `ui-prefs.json` beside the sealed store, a copy of the store's own setting. Everything else
 * (names, ID numbers, phones, addresses, the export folder) stays in the sealed store.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Settings } from '../../../core/api'
import { writeFileAtomicSync } from './atomic-write'
import { parseJson } from './store-salvage'

export const UI_PREFS_FILE = 'ui-prefs.json'

type Language = Settings['language']

export function readUiLanguage(dataDir: string): Language | null {
  let text: string
  try {
    text = readFileSync(join(dataDir, UI_PREFS_FILE), 'utf8')
  } catch {
    return null
  }
  const raw = parseJson(text) as { language?: unknown } | undefined
  return raw?.language === 'en' || raw?.language === 'zh-CN' ? raw.language : null
}

/** Records the language when it differs from the copy on disk (best effort: it is only a copy). */
export function writeUiLanguage(dataDir: string, language: Language): void {
  if (readUiLanguage(dataDir) === language) return
  try {
    writeFileAtomicSync(join(dataDir, UI_PREFS_FILE), `${JSON.stringify({ language })}\n`)
  } catch {
    // a read-only data folder: the window falls back to Chinese before unlock
  }
}
