/**
 * 居民身份证号码 (GB 11643-1999): 6-digit division, 8-digit birth date, 3-digit sequence and an
 * ISO 7064 MOD 11-2 check character. The legacy 15-digit form (GB 11643-1989) has a 6-digit
 * birth date in the 1900s and no check character.
 */
import { ageOn, formatYmd, isRealDate, localToday, type Ymd } from './dates'
import { classifyDivision } from './divisions'
import { buildResult, err, warn } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { CheckResult, Finding } from './types'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** Check character for the first 17 digits; throws when `first17` is not 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckChar needs 17 digits')
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0)
  return CHECK_CHARS[sum % 11] as string
}

/** Full-width to ASCII, spaces removed, x → X. */
export const normalizeResidentId = (value: string): string => stripSpaces(toHalfWidth(value)).toUpperCase()

function birthPart(id: string): Ymd | null {
  const ymd =
    id.length === 18
      ? { y: Number(id.slice(6, 10)), m: Number(id.slice(10, 12)), d: Number(id.slice(12, 14)) }
      : { y: 1900 + Number(id.slice(6, 8)), m: Number(id.slice(8, 10)), d: Number(id.slice(10, 12)) }
  return isRealDate(ymd) ? ymd : null
}

/** Birth date (ISO) of an 18- or 15-digit number, or null when the number has no real date. */
export function residentIdBirthDate(id: string): string | null {
  const n = normalizeResidentId(id)
  if (!/^\d{17}[\dX]$/.test(n) && !/^\d{15}$/.test(n)) return null
  const b = birthPart(n)
  return b ? formatYmd(b) : null
}

/** Converts a legacy 15-digit number to its 18-digit form. */
export function upgradeResidentId(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`
  return first17 + residentIdCheckChar(first17)
}

/** A valid number for test fixtures; never use it for a real person. */
export function generateResidentId(opts: { prefix: string; birth: string; seq: number | string }): string {
  const birth = opts.birth.replace(/-/g, '')
  const seq = String(opts.seq).padStart(3, '0')
  const first17 = `${opts.prefix}${birth}${seq}`
  return first17 + residentIdCheckChar(first17)
}

function divisionFindings(id: string): Finding[] {
  switch (classifyDivision(id.slice(0, 6))) {
    case 'unknown-province':
      return [
        err(
          'resident-id.province',
          `前两位“${id.slice(0, 2)}”不是有效的省级行政区划代码，请核对身份证号码。`,
        ),
      ]
    case 'unknown-prefecture':
      return [
        err(
          'resident-id.division',
          `前四位“${id.slice(0, 4)}”不是有效的地市级行政区划代码（含已撤销的旧代码），请核对身份证号码。`,
        ),
      ]
    case 'county-missing':
      return [
        warn('resident-id.county', `地址码“${id.slice(0, 6)}”只到地市级，少见于身份证号码，请再核对一遍。`),
      ]
    default:
      return []
  }
}

function birthFindings(id: string, today: string): Finding[] {
  const b = birthPart(id)
  if (!b) return [err('resident-id.birth-date', '号码中的出生日期不是真实存在的日期，请核对身份证号码。')]
  const iso = formatYmd(b)
  if (b.y < 1900)
    return [err('resident-id.birth-too-early', `出生日期 ${iso} 早于1900年，不可能是有效号码，请核对。`)]
  if ((ageOn(iso, today) ?? -1) < 0)
    return [err('resident-id.birth-future', `出生日期 ${iso} 在今天之后，请核对身份证号码。`)]
  return []
}

function check18(id: string, today: string): Finding[] {
  const out = [...divisionFindings(id), ...birthFindings(id, today)]
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) {
    out.push(
      err(
        'resident-id.checksum',
        '第18位校验码与前17位不符（GB 11643），号码中可能有输错的数字，请逐位对照证件核对。',
      ),
    )
  }
  return out
}

function check15(id: string, today: string): Finding[] {
  const out = [...divisionFindings(id), ...birthFindings(id, today)]
  const hint = birthPart(id) ? `对应的18位号码为 ${upgradeResidentId(id)}，` : ''
  out.push(
    warn('resident-id.legacy-15', `这是旧版15位身份证号码，${hint}备案请填写现行二代身份证上的18位号码。`),
  )
  return out
}

/** Full check of a 居民身份证 number. `today` (ISO) bounds the birth date. */
export function checkResidentId(value: string, today: string = localToday()): CheckResult {
  const id = normalizeResidentId(value)
  const findings: Finding[] = []
  if (id !== value.trim().toUpperCase() && id !== '') {
    findings.push(warn('resident-id.normalized', `已自动去除空格并把全角字符转为半角：${id}`))
  }
  if (id === '') findings.push(err('resident-id.required', '请填写身份证号码。'))
  else if (/^\d{17}[\dX]$/.test(id)) findings.push(...check18(id, today))
  else if (/^\d{15}$/.test(id)) findings.push(...check15(id, today))
  else
    findings.push(
      err(
        'resident-id.format',
        '身份证号码应为18位：前17位数字，最后一位是数字或X。请核对是否多输、少输或混入了字母。',
      ),
    )
  return buildResult('resident-id', value, id, findings)
}
