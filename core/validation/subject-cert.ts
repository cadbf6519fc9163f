/**
 * Rule ④: the certificate number matches its type and the subject's nature. 单位 → USCC (or the
 * old 15-digit 注册号 / 组织机构代码), never an ID-card number or a military designation; 个人 →
 * the holder's own ID number, never a USCC.
 */
import type { OrgKind, Subject } from '../model'
import { isValidBusinessRegNo } from './business-reg-no'
import { isValidOrgCode, checkOrgCode } from './org-code'
import { checkResidentId } from './resident-id'
import { atField, err, findingsOf, warn } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { Finding } from './types'
import { checkUscc, isValidUsccChecksum } from './uscc'
import { ORG_KIND_LABELS } from './labels'

const F = 'certNumber'

/**
 * USCC department+category pairs expected per kind (GB 32100 表1). 军队院校 have no USCC of
 * their own in the standard (military units use 军队单位 codes, department A since 2018), so
 * they accept 1x and Ax. `other` accepts everything.
 */
const EXPECTED: Readonly<Record<OrgKind, RegExp>> = {
  enterprise: /^9[13]/,
  'sole-proprietor': /^92/,
  'public-institution': /^(?:12|A1)/,
  government: /^1[13]/,
  'military-academy': /^(?:1|A)/,
  'social-group': /^(?:51|13)/,
  'private-non-enterprise': /^52/,
  foundation: /^53/,
  'law-firm': /^31/,
  other: /^./,
  military: /^(?:1|A)/,
  'higher-education': /^(?:12|52|11|A1)/,
  'overseas-organization': /^./,
}

const clean = (s: string): string => stripSpaces(toHalfWidth(s)).toUpperCase()

/** A valid 18-digit ID number, or a 5-digit unit designation / text with 部队, looks wrong here. */
function foreignShapeFindings(n: string): Finding[] {
  if (/^\d{17}[\dX]$/.test(n) && checkResidentId(n).valid && !checkUscc(n).valid) {
    return [
      err(
        'subject.cert-is-resident-id',
        '这是居民身份证号码。单位应填写单位证件上的统一社会信用代码等编号，不能填负责人的身份证号（规则④）。',
        F,
      ),
    ]
  }
  if (/^\d{5}$/.test(n) || /部队|军|番号/.test(n)) {
    return [
      err(
        'subject.cert-military',
        '不能填写部队番号或军队代号，请填写单位证件（如统一社会信用代码证）上的编号（规则④）。',
        F,
      ),
    ]
  }
  return []
}

function usccKindFindings(n: string, kind: OrgKind | undefined): Finding[] {
  if (!kind || EXPECTED[kind].test(n)) return []
  const msg = `统一社会信用代码第1–2位“${n.slice(0, 2)}”表示的登记机关类别与所选单位类型“${ORG_KIND_LABELS[kind]}”通常不符，请核对单位类型（规则③④）。`
  return [warn('subject.uscc-kind', msg, F)]
}

function usccOrRegNo(n: string, raw: string, kind: OrgKind | undefined, allowRegNo: boolean): Finding[] {
  if (allowRegNo && /^\d{15}$/.test(n)) {
    return isValidBusinessRegNo(n)
      ? []
      : [err('subject.reg-no-checksum', '15位工商注册号校验位不正确，请对照营业执照核对（规则④）。', F)]
  }
  const r = checkUscc(raw)
  return r.valid ? [...atField(F, r.warnings), ...usccKindFindings(n, kind)] : atField(F, findingsOf(r))
}

function orgFindings(s: Subject, n: string): Finding[] {
  switch (s.certType) {
    case 'uscc-certificate':
      return usccOrRegNo(n, s.certNumber, s.orgKind, false)
    case 'business-licence':
      return usccOrRegNo(n, s.certNumber, s.orgKind, true)
    case 'org-code-certificate':
      if (isValidUsccChecksum(n))
        return [
          warn(
            'subject.cert-type-uscc',
            '这是18位统一社会信用代码，证件类型请选择“统一社会信用代码证”。',
            'certType',
          ),
        ]
      return atField(F, findingsOf(checkOrgCode(s.certNumber)))
    case 'public-institution-certificate':
      if (/^(?:事证第)?\d{12}号?$/.test(n) || isValidUsccChecksum(n))
        return usccKindFindings(n, isValidUsccChecksum(n) ? s.orgKind : undefined)
      return [
        err(
          'subject.cert-format',
          '事业单位法人证书号应为12位数字（事证第××号），或填写18位统一社会信用代码（规则④）。',
          F,
        ),
      ]
    case 'other':
      return n.length < 4 || n.length > 40
        ? [err('subject.cert-format', '证件号码长度应为4–40个字符，请核对（规则④）。', F)]
        : []
    default:
      return [err('subject.cert-type-required', '请选择主办单位证件类型。', 'certType')]
  }
}

function individualFindings(s: Subject, n: string): Finding[] {
  // An 18-digit ID can pass the MOD 31 check by chance, and a 9-character passport number the
  // GB 11714 one: only a full USCC that is not an ID, or a hyphenated org code, counts.
  const looksOrg =
    (checkUscc(n).valid && !checkResidentId(n).valid) ||
    (n.includes('-') && isValidOrgCode(n.replace('-', '')))
  if (looksOrg) {
    return [
      err(
        'subject.individual-uscc',
        '个人开办网站应填写本人身份证件号码，不能填写单位的统一社会信用代码或组织机构代码；如是单位，请把主体性质改为“单位”（规则④）。',
        F,
      ),
    ]
  }
  if (clean(s.principal.idNumber) !== n) {
    return [
      err('subject.individual-cert-mismatch', '个人的证件号码必须与开办者本人的证件号码一致（规则④）。', F),
    ]
  }
  return []
}

/** Rule ④ findings for the subject's certificate number. */
export function certFindings(s: Subject): Finding[] {
  const n = clean(s.certNumber)
  if (n === '') return [err('subject.cert-required', '请填写证件号码（规则④）。', F)]
  if (s.nature === 'individual') return individualFindings(s, n)
  const foreign = foreignShapeFindings(n)
  return foreign.length > 0 ? foreign : orgFindings(s, n)
}
