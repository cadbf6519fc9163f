/**
 * Placeholder and memorable phone numbers (rule ⑦: 010-00000000 and the like are refused).
 * Only numbers that cannot be a real subscriber's are refused: the subscriber part all one digit
 * (010-00000000, 139 0000 0000) and the well-known test numbers. Memorable but real numbers —
 * ascending or descending runs (010-23456789, 139 1234 5678), a tail of one repeated digit
 * (139 1234 8888) — are only questioned: such numbers are sold and used.
 */
import type { Severity } from './types'

export type PhoneVerdict = { severity: Severity; reason: string }

const sameDigit = (s: string): boolean => /^(\d)\1*$/.test(s)

function isRun(s: string, step: 1 | -1): boolean {
  for (let i = 1; i < s.length; i++) {
    if (Number(s[i]) - Number(s[i - 1]) !== step) return false
  }
  return s.length > 1
}

/** True for 12345678 / 87654321 style runs (0 after 9 not wrapped). */
export const isSequentialRun = (s: string): boolean => isRun(s, 1) || isRun(s, -1)

const block = (reason: string): PhoneVerdict => ({ severity: 'error', reason })
const question = (reason: string): PhoneVerdict => ({ severity: 'warning', reason })

/** Verdict on a landline's local part (7 or 8 digits after the area code), or null. */
export function landlineVerdict(local: string): PhoneVerdict | null {
  if (sameDigit(local)) return block('号码各位数字全部相同')
  if (isSequentialRun(local)) return question('号码是连续递增或递减的数字')
  return null
}

/** Verdict on an 11-digit mobile number, or null. The subscriber part is the 8 digits after the segment. */
export function mobileVerdict(mobile: string): PhoneVerdict | null {
  const tail = mobile.slice(3)
  if (sameDigit(tail)) return block('号段后的8位数字全部相同')
  if (/^(1[3-9]\d)00\1(?:000)$/.test(mobile)) return block('这是常见的测试号码（如 13800138000）')
  if (isSequentialRun(tail)) return question('号段后的8位是连续递增或递减的数字')
  if (/(\d)\1{3}$/.test(tail)) return question('号码末尾是4位以上相同的数字')
  return null
}
