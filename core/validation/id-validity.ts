/**
 * 证件有效期 per ID type, as the issuing rules set it:
 * - 居民身份证 (居民身份证法 art. 5): 5 / 10 / 20 years by age at issue; 长期 from age 46.
 * - 临时居民身份证: 3 months; never 长期.
 * - 机动车驾驶证 (机动车驾驶证申领和使用规定): 6 years, then 10 years, then 长期 for a holder
 *   without a full 12-point record in each period, so 长期 exists.
 * - Passports (护照法; 香港 / 澳门特区护照): at most 10 years; never 长期.
 * - 居住证 (港澳台居民居住证: 5 years): never 长期.
 * - 其他证件: the type says too little; 长期 is accepted. 军官证: no public rule found, so 长期 is
 *   questioned, not refused.
 * - 学生证: valid until graduation; 长期 is unusual, so it is questioned too.
 * An end date further away than the type's longest term is questioned (probably a typo).
 */
import type { PersonIdType } from '../model'

export type LongTermRule = 'allowed' | 'from-age-46' | 'questioned' | 'refused'

export type IdValidityRule = {
  longTerm: LongTermRule
  /** Longest term in months from today an end date may be; undefined when unknown. */
  maxMonths?: number
}

export const ID_VALIDITY: Readonly<Record<PersonIdType, IdValidityRule>> = {
  'resident-id': { longTerm: 'from-age-46', maxMonths: 20 * 12 },
  'temporary-resident-id': { longTerm: 'refused', maxMonths: 3 },
  'officer-id': { longTerm: 'questioned' },
  'student-id': { longTerm: 'questioned', maxMonths: 8 * 12 },
  'driving-licence': { longTerm: 'allowed', maxMonths: 10 * 12 },
  'diplomatic-passport': { longTerm: 'refused', maxMonths: 10 * 12 },
  'service-passport': { longTerm: 'refused', maxMonths: 10 * 12 },
  'public-affairs-passport': { longTerm: 'refused', maxMonths: 10 * 12 },
  passport: { longTerm: 'refused', maxMonths: 10 * 12 },
  'exit-entry-permit': { longTerm: 'refused', maxMonths: 10 * 12 },
  'hk-passport': { longTerm: 'refused', maxMonths: 10 * 12 },
  'macao-passport': { longTerm: 'refused', maxMonths: 10 * 12 },
  other: { longTerm: 'allowed' },
  'residence-permit': { longTerm: 'refused', maxMonths: 5 * 12 },
}

/** Whether the form offers 长期 for this type (refused types do not). */
export const idTypeAllowsLongTerm = (t: PersonIdType): boolean => ID_VALIDITY[t].longTerm !== 'refused'

/** ISO date `months` after `iso` (same day of month, clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const total = Number(m[1]) * 12 + Number(m[2]) - 1 + months
  const y = Math.floor(total / 12)
  const mo = (total % 12) + 1
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  const d = Math.min(Number(m[3]), last)
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
