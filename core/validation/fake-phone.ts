/** Patterns of obviously fake phone numbers (rule ⑦: 010-00000000 and the like are refused). */

const sameDigit = (s: string): boolean => /^(\d)\1*$/.test(s)

function isRun(s: string, step: 1 | -1): boolean {
  for (let i = 1; i < s.length; i++) {
    if (Number(s[i]) - Number(s[i - 1]) !== step) return false
  }
  return s.length > 1
}

/** True for 12345678 / 87654321 style runs (0 after 9 not wrapped). */
export const isSequentialRun = (s: string): boolean => isRun(s, 1) || isRun(s, -1)

/** Reason a landline local part looks fake, or null. */
export function fakeLocalReason(local: string): string | null {
  if (sameDigit(local)) return '号码各位数字全部相同'
  if (isSequentialRun(local)) return '号码是连续递增或递减的数字'
  return null
}

/** Reason an 11-digit mobile number looks fake, or null. */
export function fakeMobileReason(mobile: string): string | null {
  const tail = mobile.slice(3)
  if (sameDigit(tail)) return '号段后的8位数字全部相同'
  if (isSequentialRun(tail)) return '号段后的8位是连续递增或递减的数字'
  if (/^(1[3-9]\d)00\1(?:000)$/.test(mobile)) return '这是常见的测试号码（如 13800138000）'
  return null
}
