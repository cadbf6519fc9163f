/**
 * Rule ④: the certificate number matches its type and the subject's nature. 单位 → the number of
 * the certificate its kind holds (USCC, the old 15-digit 注册号 / 组织机构代码, 事业单位法人证书号,
 * 军队代号 for 军队…), never an ID-card number; a military designation only for military kinds.
 * 个人 → the holder's own ID number, never a USCC.
 */
import type { OrgKind, Subject } from '../model'
import { isValidBusinessRegNo } from './business-reg-no'
import { isValidOrgCode, checkOrgCode } from './org-code'
import { checkResidentId } from './resident-id'
import { atField, err, findingsOf, warn } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { Finding } from './types'
import { checkUscc, isValidUsccChecksum } from './uscc'
import { ORG_CERT_TYPE_LABELS, ORG_CERT_TYPES_BY_KIND, ORG_KIND_LABELS } from './labels'

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

/** 军队代号 in the shapes units print it: 5 digits, optionally as 中国人民解放军NNNNN部队. */
const MILITARY_CODE = /^(?:中国人民解放军)?(?:\d{5})(?:部队)?$/
const looksMilitary = (n: string): boolean => /^\d{5}$/.test(n) || /部队|军|番号/.test(n)
const usesMilitaryCode = (s: Subject): boolean =>
  s.orgKind === 'military' || s.orgKind === 'military-academy' || s.certType === 'military-code'

/**
 * A valid 18-digit ID number is never a 单位's certificate. A military designation is refused for
 * 企业 and 个体经营 (the seed's rule: they hold a business licence), accepted for 国防军队 /
 * 军队院校 and the 军队代号 type, and only questioned for the other kinds.
 */
function foreignShapeFindings(s: Subject, n: string): Finding[] {
  if (/^\d{17}[\dX]$/.test(n) && checkResidentId(n).valid && !checkUscc(n).valid) {
    return [
      err(
        'subject.cert-is-resident-id',
        '这是居民身份证号码。单位应填写单位证件上的统一社会信用代码等编号，不能填负责人的身份证号（规则④）。',
        F,
      ),
    ]
  }
  if (!looksMilitary(n) || usesMilitaryCode(s)) return []
  if (s.orgKind === 'enterprise' || s.orgKind === 'sole-proprietor') {
    return [
      err(
        'subject.cert-military',
        '企业不能填写部队番号或军队代号，请填写营业执照（统一社会信用代码证）上的编号（规则④）。',
        F,
      ),
    ]
  }
  const msg =
    '这像是部队番号或军队代号（仅凭号码形式推测）。军队单位请把单位类别选为“国防军队”、证件类型选“军队代号”；其他单位请填写单位证件上的编号（规则④）。'
  return [warn('subject.cert-military', msg, F)]
}

/** The chosen certificate type is not one the chosen kind holds (a guess: warn). */
function certKindFindings(s: Subject): Finding[] {
  if (!s.orgKind || !s.certType || ORG_CERT_TYPES_BY_KIND[s.orgKind].includes(s.certType)) return []
  const usual = ORG_CERT_TYPES_BY_KIND[s.orgKind].map((t) => `“${ORG_CERT_TYPE_LABELS[t]}”`).join('、')
  const msg = `${ORG_KIND_LABELS[s.orgKind]}通常持有${usual}，所选证件类型是“${ORG_CERT_TYPE_LABELS[s.certType]}”，请按单位证件的实际名称选择（规则④）。`
  return [warn('subject.cert-type-kind', msg, 'certType')]
}

/**
 * 社会团体 / 民办非企业 / 基金会 / 律师事务所 certificates: since 2016 their number is the
 * 18-character USCC (checked strictly); an older certificate number is accepted with a note.
 */
function registrationCertFindings(
  n: string,
  raw: string,
  kind: OrgKind | undefined,
  label: string,
): Finding[] {
  if (/^[0-9A-Z]{18}$/.test(n)) return usccOrRegNo(n, raw, kind, false)
  if (n.length >= 4 && n.length <= 40) {
    const msg = `${label}的号码通常是18位统一社会信用代码；这是旧版证书的编号吗？请与证书核对，新版证书上印有统一社会信用代码时请填写它（规则④）。`
    return [warn('subject.cert-old-number', msg, F)]
  }
  return [err('subject.cert-format', `${label}号码应为18位统一社会信用代码，请对照证书核对（规则④）。`, F)]
}

function militaryCodeFindings(n: string, raw: string, kind: OrgKind | undefined): Finding[] {
  if (/^[0-9A-Z]{18}$/.test(n)) return usccOrRegNo(n, raw, kind, false)
  if (MILITARY_CODE.test(n)) return []
  if (n.length >= 2 && n.length <= 40) {
    const msg = '军队代号通常为5位数字（如“61001”或“中国人民解放军61001部队”），请与单位证明核对（规则④）。'
    return [warn('subject.military-code-shape', msg, F)]
  }
  return [err('subject.cert-format', '请填写军队代号（通常为5位数字），请核对（规则④）。', F)]
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
    case 'social-group-certificate':
    case 'private-non-enterprise-certificate':
    case 'foundation-certificate':
    case 'law-firm-licence':
      return registrationCertFindings(n, s.certNumber, s.orgKind, ORG_CERT_TYPE_LABELS[s.certType])
    case 'military-code':
      return militaryCodeFindings(n, s.certNumber, s.orgKind)
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
  const foreign = foreignShapeFindings(s, n)
  if (foreign.some((f) => f.severity === 'error')) return foreign
  return [...foreign, ...orgFindings(s, n), ...certKindFindings(s)]
}
