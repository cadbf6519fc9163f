/**
 * The only caller of `shell.openExternal` in the app (security checklist item 15). Opens
 * https URLs on a fixed list of official portal hosts; everything else is refused, including
 * `file:`, `smb:`, `javascript:`, `ms-msdt:`, lookalike or punycode hosts, ports and
 * `user@host` tricks. Never pass it text derived from file names or OCR. It is also the
 * app's only user of `shell` (revealing an exported file), so one file answers for both.
 */
import { shell } from 'electron'

/** 公安部互联网站安全管理服务平台 (the filing portal) and its older host. */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = ['beian.mps.gov.cn', 'www.beian.gov.cn']

const MAX_URL_LENGTH = 2048

/** The normalised URL to open, or null when the URL is not allowed. */
export function allowedExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null
  // Whitespace, control characters and backslashes are never part of a portal link.
  if (hasForbiddenCharacters(raw)) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return null
  if (!EXTERNAL_HOST_ALLOW_LIST.includes(url.hostname)) return null
  return url.href
}

function hasForbiddenCharacters(raw: string): boolean {
  for (const ch of raw) {
    const code = ch.codePointAt(0) ?? 0
    if (code <= 0x20 || code === 0x7f || ch === '\\' || /\s/u.test(ch)) return true
  }
  return false
}

/** Opens an allow-listed URL in the user's browser; false when refused or when opening failed. */
export async function openExternalUrl(raw: string): Promise<boolean> {
  const url = allowedExternalUrl(raw)
  if (url === null) {
    console.warn('[external-links] refused to open a URL that is not on the allow-list')
    return false
  }
  try {
    await shell.openExternal(url)
    return true
  } catch (error) {
    console.error('[external-links] the system browser could not be opened', error)
    return false
  }
}

/** Shows a file the app wrote (an export) in the system file manager. */
export function revealInFolder(path: string): void {
  shell.showItemInFolder(path)
}
