/** 组织机构代码 (GB 11714-1997): 8 characters [0-9A-Z] plus a MOD 11 check character. */
import { buildResult, err } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { CheckResult, Finding } from './types'

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
const value = (c: string): number => (c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55)

/** Check character for the 8-character body: 10 → X, 11 → 0. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error('orgCodeCheckChar needs 8 characters [0-9A-Z]')
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * value(body8[i] as string), 0)
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}

/** True when 9 characters (no hyphen) carry a correct check character. */
export const isValidOrgCode = (code9: string): boolean =>
  /^[0-9A-Z]{8}[0-9X]$/.test(code9) && orgCodeCheckChar(code9.slice(0, 8)) === code9[8]

/** A valid code for test fixtures. */
export const generateOrgCode = (body8: string): string => `${body8}-${orgCodeCheckChar(body8)}`

export function checkOrgCode(input: string): CheckResult {
  const s = stripSpaces(toHalfWidth(input))
    .toUpperCase()
    .replace(/[－—–]/g, '-')
  const m = /^([0-9A-Z]{8})-?([0-9A-Z])$/.exec(s)
  const findings: Finding[] = []
  let normalized = s
  if (s === '') findings.push(err('org-code.required', '请填写组织机构代码。'))
  else if (!m)
    findings.push(
      err(
        'org-code.format',
        '组织机构代码应为 8 位数字或大写字母加 1 位校验码，如 12345678-9（连字符可省略）。',
      ),
    )
  else {
    const [, body = '', check = ''] = m
    normalized = `${body}-${check}`
    if (orgCodeCheckChar(body) !== check) {
      findings.push(
        err('org-code.checksum', '组织机构代码校验码不正确（GB 11714），请对照证书逐位核对（规则④）。'),
      )
    }
  }
  return buildResult('org-code', input, normalized, findings)
}
