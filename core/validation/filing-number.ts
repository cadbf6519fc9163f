/**
 * 公安备案号: 14 digits, optionally shown as `京公网安备 11010502000001号`. The first 6 digits are
 * the division of the reviewing police unit, so a given province prefix must match digits 1–2
 * (both 贵/黔, 云/滇 and 甘/陇 occur on real badges). normalized = the 14 digits.
 */
import { isKnownPrefecture, PROVINCES, provinceName } from './divisions'
import { buildResult, err, warn } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { CheckResult, Finding } from './types'

export const normalizeFilingText = (input: string): string =>
  stripSpaces(toHalfWidth(input)).replace(/網/g, '网').replace(/備/g, '备').replace(/號/g, '号')

function divisionFindings(digits: string, short: string | undefined): Finding[] {
  const p = PROVINCES[digits.slice(0, 2)]
  if (!p || Number(digits.slice(0, 2)) > 70) {
    return [
      err(
        'filing-number.province',
        `前两位“${digits.slice(0, 2)}”不是内地省级行政区划代码，请对照审核通过的短信或系统消息核对。`,
      ),
    ]
  }
  const out: Finding[] = []
  const city = digits.slice(2, 4)
  if (city !== '00' && !isKnownPrefecture(digits.slice(0, 4))) {
    out.push(
      warn('filing-number.division', `前六位“${digits.slice(0, 6)}”不是已知的地市级区划代码，请核对。`),
    )
  }
  if (short !== undefined && !p.short.includes(short)) {
    const want = p.short.join('或')
    out.push(
      err(
        'filing-number.prefix',
        `简称“${short}”与号码前两位（${provinceName(digits) ?? digits.slice(0, 2)}）不符，应为“${want}公网安备”。`,
      ),
    )
  }
  return out
}

export function checkFilingNumber(input: string): CheckResult {
  const s = normalizeFilingText(input)
  if (s === '')
    return buildResult('filing-number', input, '', [err('filing-number.required', '请填写公安备案号。')])
  const m = /^(?:(.)公网安备)?(\d+)号?$/.exec(s)
  if (!m) {
    const msg = '公安备案号应为14位数字，可写作“京公网安备 11010502000001号”的形式，请核对。'
    return buildResult('filing-number', input, s, [err('filing-number.format', msg)])
  }
  const digits = m[2] as string
  if (digits.length !== 14) {
    const msg = `公安备案号应为14位数字，当前为${digits.length}位，请核对。`
    return buildResult('filing-number', input, digits, [err('filing-number.length', msg)])
  }
  return buildResult('filing-number', input, digits, divisionFindings(digits, m[1]))
}
