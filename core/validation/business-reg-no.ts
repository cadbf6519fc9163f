/** 15-digit 工商注册号 (used before the USCC): division code + sequence + ISO 7064 MOD 11,10 check. */
import { isKnownProvince } from './divisions'
import { buildResult, err } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { CheckResult, Finding } from './types'

/** ISO 7064 MOD 11,10 check digit for the first 14 digits. */
export function businessRegNoCheckDigit(first14: string): string {
  if (!/^\d{14}$/.test(first14)) throw new Error('businessRegNoCheckDigit needs 14 digits')
  let p = 10
  for (const ch of first14) {
    const s = (p % 11) + Number(ch)
    p = (s % 10 || 10) * 2
  }
  return String((11 - (p % 11)) % 10)
}

export const isValidBusinessRegNo = (s: string): boolean =>
  /^\d{15}$/.test(s) && businessRegNoCheckDigit(s.slice(0, 14)) === s[14]

export function checkBusinessRegNo(input: string): CheckResult {
  const s = stripSpaces(toHalfWidth(input))
  const findings: Finding[] = []
  if (s === '') findings.push(err('business-reg-no.required', '请填写工商注册号。'))
  else if (!/^\d{15}$/.test(s))
    findings.push(
      err(
        'business-reg-no.format',
        '旧版工商注册号应为15位数字；如营业执照上是18位代码，请按统一社会信用代码填写。',
      ),
    )
  else {
    if (!isKnownProvince(s.slice(0, 2)) && !s.startsWith('10')) {
      findings.push(
        err('business-reg-no.division', `前两位“${s.slice(0, 2)}”不是有效的省级行政区划代码，请核对注册号。`),
      )
    }
    if (!isValidBusinessRegNo(s)) {
      findings.push(
        err(
          'business-reg-no.checksum',
          '工商注册号校验位不正确（ISO 7064 MOD 11,10），请对照营业执照逐位核对（规则④）。',
        ),
      )
    }
  }
  return buildResult('business-reg-no', input, s, findings)
}
