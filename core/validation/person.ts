/** 负责人 / 开办者 / 网站安全负责人 / 应急联络人: identity, validity, contact and address. */
import type { Person } from '../model'
import { validateAddress } from './address'
import { addDays, ageOn, parseIsoDate } from './dates'
import { checkEmail } from './email'
import { addMonths, ID_VALIDITY } from './id-validity'
import { GB11643_ID_TYPES, PERSON_ID_TYPE_LABELS } from './labels'
import { isPersonNameShape } from './names'
import { checkMobile, checkPhone, parsePhone } from './phone'
import { checkResidentId, residentIdBirthDate } from './resident-id'
import { atField, err, findingsOf, warn } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { Finding } from './types'

export type PersonRole = 'principal' | 'security' | 'emergency' | 'holder'

const ROLE_LABELS: Readonly<Record<PersonRole, string>> = {
  principal: '主体负责人',
  security: '网站安全负责人',
  emergency: '应急联络人',
  holder: '开办者',
}

function nameFindings(p: Person): Finding[] {
  if (p.name.trim() === '') return [err('person.name-required', '请填写姓名。', 'name')]
  if (!isPersonNameShape(p.name)) {
    return [
      err(
        'person.name-shape',
        '姓名应与证件上印的一致：2–30个汉字（少数民族姓名用“·”分隔），或证件上的外文字母（可带重音符号，单词间用空格、连字符或撇号），不能含数字或其他符号。',
        'name',
      ),
    ]
  }
  return []
}

function idNumberFindings(p: Person, today: string): Finding[] {
  const n = stripSpaces(toHalfWidth(p.idNumber))
  if (n === '') return [err('person.id-required', '请填写证件号码。', 'idNumber')]
  if (GB11643_ID_TYPES.includes(p.idType) || (p.idType === 'residence-permit' && /^\d{17}[\dXx]$/.test(n))) {
    return atField('idNumber', findingsOf(checkResidentId(p.idNumber, today)))
  }
  if (n.length < 5 || n.length > 30 || !/^[A-Za-z0-9()-]+$/.test(n)) {
    const label = PERSON_ID_TYPE_LABELS[p.idType]
    return [err('person.id-shape', `${label}号码应为5–30位字母或数字，请对照证件核对。`, 'idNumber')]
  }
  return []
}

function ageFindings(p: Person, role: PersonRole, today: string): Finding[] {
  if (!GB11643_ID_TYPES.includes(p.idType)) return []
  const birth = residentIdBirthDate(p.idNumber)
  const age = birth ? ageOn(birth, today) : null
  if (age === null || age >= 18) return []
  if (role === 'principal' || role === 'security') {
    return [
      err(
        'person.minor',
        `${ROLE_LABELS[role]}须年满18周岁，按证件号码此人现年${age}岁，请更换负责人。`,
        'idNumber',
      ),
    ]
  }
  return role === 'holder'
    ? [warn('person.minor', `开办者未满18周岁（${age}岁），审核时可能要求由监护人作为开办者。`, 'idNumber')]
    : []
}

function longTermFindings(p: Person, today: string): Finding[] {
  const label = PERSON_ID_TYPE_LABELS[p.idType]
  switch (ID_VALIDITY[p.idType].longTerm) {
    case 'refused':
      return [
        err('person.expiry-long-term', `${label}没有“长期”有效期，请填写证件上的截止日期。`, 'idExpiry'),
      ]
    case 'questioned': {
      const msg = `${label}通常写明有效期截止日期，很少是“长期”（按证件类型推测），请对照证件核对。`
      return [warn('person.expiry-long-term-unusual', msg, 'idExpiry')]
    }
    case 'from-age-46': {
      const birth = residentIdBirthDate(p.idNumber)
      const age = birth ? ageOn(birth, today) : null
      if (age === null || age >= 46) return []
      const msg = `长期有效的身份证只签发给46周岁以上的人，按号码此人现年${age}岁，请核对有效期。`
      return [err('person.expiry-long-term-age', msg, 'idExpiry')]
    }
    default:
      return []
  }
}

function expiryFindings(p: Person, today: string): Finding[] {
  const e = p.idExpiry.trim()
  if (e === '') return [err('person.expiry-required', '请填写证件有效期截止日期，或选择“长期”。', 'idExpiry')]
  if (e === 'long-term') return longTermFindings(p, today)
  if (!parseIsoDate(e))
    return [err('person.expiry-format', '有效期应为日期（如 2030-05-01）或“长期”。', 'idExpiry')]
  if (e < today) return [err('person.id-expired', `证件已于 ${e} 过期，请换用有效证件后再提交。`, 'idExpiry')]
  if (e <= addDays(today, 30))
    return [warn('person.id-expiring', `证件将于 ${e} 到期，审核期间可能过期，建议先换证。`, 'idExpiry')]
  const { maxMonths } = ID_VALIDITY[p.idType]
  if (maxMonths !== undefined && e > addMonths(today, maxMonths)) {
    const term = maxMonths < 12 ? `${maxMonths}个月` : `${maxMonths / 12}年`
    const msg = `${PERSON_ID_TYPE_LABELS[p.idType]}的有效期最长${term}，${e} 超出了这个期限（按证件类型推测），请核对是否填错。`
    return [warn('person.expiry-too-far', msg, 'idExpiry')]
  }
  return []
}

/**
 * 办公电话 (rule ⑦ 务必填写): required for the 主体负责人 and for a 个人's holder. A 个人 often has
 * no office line: hosting providers tell individuals to enter their mobile there, so a mobile is
 * accepted for the holder with a note saying so.
 */
function officePhoneFindings(p: Person, role: PersonRole): Finding[] {
  const phone = p.officePhone.trim()
  if (phone === '') {
    if (role === 'principal')
      return [err('person.office-phone-required', '请填写办公电话（规则⑦：务必填写）。', 'officePhone')]
    if (role === 'holder') {
      const msg = '请填写办公电话（规则⑦：务必填写）。个人没有办公电话时，可填写本人手机号。'
      return [err('person.office-phone-required', msg, 'officePhone')]
    }
    return []
  }
  const out = atField('officePhone', findingsOf(checkPhone(phone)))
  if (role === 'holder' && out.length === 0 && parsePhone(phone).form === 'mobile') {
    const msg = '办公电话填的是手机号：个人没有办公电话时可以这样填。审核民警可能来电核实，请保持畅通。'
    out.push(warn('person.office-phone-mobile', msg, 'officePhone'))
  }
  return out
}

function contactFindings(p: Person, role: PersonRole): Finding[] {
  const out = atField('mobile', findingsOf(checkMobile(p.mobile)))
  out.push(...officePhoneFindings(p, role))
  if (p.email.trim() !== '' || role !== 'emergency')
    out.push(...atField('email', findingsOf(checkEmail(p.email))))
  return out
}

function addressFindings(p: Person, role: PersonRole): Finding[] {
  const empty = p.address.divisionCodes.length === 0 && p.address.detail.trim() === ''
  if (empty && (role === 'security' || role === 'emergency')) return []
  return validateAddress(p.address, 'address')
}

/**
 * Validates one person. Field paths are relative to the person (`idNumber`, `address.detail`);
 * callers prefix them. Office phone is required for the 主体负责人 and a 个人's holder; e-mail for all but the
 * 应急联络人; the address for the 主体负责人 / 开办者 (the site step has no address field).
 */
export function validatePerson(p: Person, role: PersonRole, today: string): Finding[] {
  return [
    ...nameFindings(p),
    ...idNumberFindings(p, today),
    ...ageFindings(p, role, today),
    ...expiryFindings(p, today),
    ...contactFindings(p, role),
    ...addressFindings(p, role),
  ]
}

/** Prefixes field paths (`principal.` + `idNumber`). */
export const prefixFields = (prefix: string, findings: readonly Finding[]): Finding[] =>
  findings.map((f) => ({ ...f, field: f.field ? `${prefix}.${f.field}` : prefix }))
