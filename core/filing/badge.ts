/**
 * 公安备案标识: the footer code the portal hands out today, the icon first, then a link to the
 * number's query page with the text `X公网安备<digits>号`. X is the province short name from
 * digits 1–2 of the number.
 */
import { PROVINCES } from '../validation/divisions'
import { checkFilingNumber } from '../validation/filing-number'

export const BADGE_QUERY_URL = 'https://beian.mps.gov.cn/#/query/webSearch?code='
/** The portal's snippet refers to the icon file by this name; the site hosts its own copy. */
export const DEFAULT_BADGE_ICON = '备案图标.png'

export type BadgeOptions = {
  /** Where the site serves the icon (relative or absolute URL). */
  iconSrc?: string
  /** For 贵/黔, 云/滇, 甘/陇: the short name to print (default: the first). */
  short?: string
}

export type Badge = { html: string; text: string; href: string; short: string; digits: string }
export type BadgeOutcome = { ok: true; badge: Badge } | { ok: false; errors: string[] }

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

function iconError(src: string): string | null {
  if (src.trim() === '') return '图标地址不能为空，请填写网站上备案图标的路径，如“/备案图标.png”。'
  if ([...src].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return '图标地址里有控制字符，请重新填写。'
  if (/^\s*(javascript|data|vbscript):/i.test(src)) return '图标地址只能是网址或网站内的路径，不能是脚本。'
  return null
}

/** The badge HTML for a 公安备案号 (validated by the filing-number rule). */
export function buildBadge(filingNumber: string, options: BadgeOptions = {}): BadgeOutcome {
  const checked = checkFilingNumber(filingNumber)
  if (!checked.valid) return { ok: false, errors: checked.errors.map((f) => f.message) }
  const digits = checked.normalized
  const shorts = PROVINCES[digits.slice(0, 2)]?.short ?? []
  const short = options.short ?? shorts[0]
  if (!short || !shorts.includes(short)) {
    return {
      ok: false,
      errors: [`简称“${options.short ?? ''}”与备案号前两位不符，可选：${shorts.join('、')}。`],
    }
  }
  const iconSrc = options.iconSrc ?? DEFAULT_BADGE_ICON
  const bad = iconError(iconSrc)
  if (bad) return { ok: false, errors: [bad] }
  const text = `${short}公网安备${digits}号`
  const href = `${BADGE_QUERY_URL}${digits}`
  const html =
    `<img src="${escapeHtml(iconSrc.trim())}" alt="${escapeHtml('公安备案图标')}" style="width:20px;height:20px;vertical-align:middle" />` +
    `<a href="${escapeHtml(href)}" rel="noreferrer" target="_blank">${escapeHtml(text)}</a>`
  return { ok: true, badge: { html, text, href, short, digits } }
}
