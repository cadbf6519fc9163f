/**
 * badge.html: once the site has its 公安备案号, the footer code to paste at the bottom centre
 * of the home page, shown rendered and as text to copy (core/filing/badge.ts builds it).
 */
import { buildBadge, DEFAULT_BADGE_ICON, escapeHtml } from '../../../../core/filing/badge'

export const BADGE_FILE_NAME = 'badge.html'

/** The page, or null when the number does not pass the filing-number rule. */
export function badgeHtmlFile(filingNumber: string, siteName: string): string | null {
  const outcome = buildBadge(filingNumber)
  if (!outcome.ok) return null
  const { badge } = outcome
  const title = `公安备案标识 - ${siteName}`
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: sans-serif; max-width: 760px; margin: 2em auto; line-height: 1.6">',
    `<h1 style="font-size: 1.3em">${escapeHtml(title)}</h1>`,
    `<p>公安备案号：${escapeHtml(badge.text)}。请在网站首页底部居中放置下面的备案标识（备案号下发后 30 日内）。</p>`,
    `<p>图标：在 beian.mps.gov.cn 下载“备案编号图标”，以 ${escapeHtml(DEFAULT_BADGE_ICON)} 为名放在网站上，并按实际位置修改代码中的图片地址。</p>`,
    '<h2 style="font-size: 1.1em">效果</h2>',
    `<div style="text-align: center; padding: 1em; border: 1px solid #ddd">${badge.html}</div>`,
    '<h2 style="font-size: 1.1em">代码（复制到首页底部）</h2>',
    `<pre style="white-space: pre-wrap; background: #f6f6f6; padding: 1em">${escapeHtml(`<div style="text-align:center">${badge.html}</div>`)}</pre>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
