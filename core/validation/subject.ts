/** 开办主体: rules ② (name), ③ (nature ↔ name), ④ (certificate), ⑥ (address) and ⑦ (phone). */
import type { OrgKind, Site, Subject } from '../model'
import { validateAddress } from './address'
import { GB11643_ID_TYPES, ORG_KIND_LABELS } from './labels'
import {
  inferNatureFromName,
  isDigitsOrSymbolsOnly,
  isPersonNameShape,
  looksLikeDomain,
  normalizePersonName,
  type NatureGuess,
} from './names'
import { checkResidentId } from './resident-id'
import { prefixFields, validatePerson } from './person'
import { checkPhone } from './phone'
import { atField, err, findingsOf, warn } from './result'
import { certFindings } from './subject-cert'
import type { Finding } from './types'

const COMPANY_FORM = /公司|厂|集团|合作社|事务所|企业|合伙|中心|商行|经营部|店|社$/

/**
 * The name has the shape of its nature: a person's name for 个人, an organisation word for 单位.
 * A site named after such a name is named after its subject, which the portal wants.
 */
export function hasLegalNameShape(s: Pick<Subject, 'name' | 'nature'>): boolean {
  if (s.nature === 'individual') return isPersonNameShape(s.name)
  return inferNatureFromName(s.name)?.nature === 'organization'
}

function nameFindings(s: Subject, sites: readonly Site[]): Finding[] {
  const name = s.name.trim()
  if (name === '') return [err('subject.name-required', '请填写开办主体名称（规则②）。', 'name')]
  if (looksLikeDomain(name))
    return [err('subject.name-domain', '主体名称不能是域名或网址，请填写证件上的全称（规则②）。', 'name')]
  if (isDigitsOrSymbolsOnly(name))
    return [err('subject.name-symbols', '主体名称不能只有数字或符号，请填写证件上的全称（规则②）。', 'name')]
  const site = sites.find((x) => x.name.trim() === name)
  if (site && !hasLegalNameShape(s)) {
    const msg = `主体名称与网站名称“${site.name}”相同，且不含“有限公司”等单位名称用语，像是网站名（仅凭名称推测）。主体名称应是证件上的单位全称；网站以单位名称命名则没有问题（规则②）。`
    return [warn('subject.name-is-site', msg, 'name')]
  }
  if (s.nature === 'individual' && !isPersonNameShape(name)) {
    return [
      err(
        'subject.name-person-shape',
        '个人主体名称应为本人姓名，与证件上印的一致（汉字，或证件上的外文字母），不能含数字或其他符号（规则②）。',
        'name',
      ),
    ]
  }
  if (s.orgKind === 'enterprise' && !COMPANY_FORM.test(name)) {
    return [
      warn(
        'subject.name-company-form',
        '企业名称通常含“有限公司”“厂”“集团”等组织形式，请按营业执照上的全称填写（规则②）。',
        'name',
      ),
    ]
  }
  return []
}

/** Kinds that fit a name whose words suggest another kind (a university is also a 事业单位…). */
const COMPATIBLE_KINDS: Partial<Record<OrgKind, readonly OrgKind[]>> = {
  'higher-education': ['public-institution', 'private-non-enterprise', 'military-academy', 'military'],
  military: ['military-academy', 'higher-education'],
  'public-institution': ['higher-education', 'military-academy', 'private-non-enterprise'],
  enterprise: ['sole-proprietor'],
  'sole-proprietor': ['enterprise'],
}

const kindFits = (guess: OrgKind, chosen: OrgKind): boolean =>
  guess === chosen ||
  chosen === 'other' ||
  chosen === 'overseas-organization' ||
  (COMPATIBLE_KINDS[guess] ?? []).includes(chosen)

/** The holder's own resident ID is valid: a person-shaped name with an org word is then a name. */
const holderHasValidResidentId = (s: Subject): boolean =>
  GB11643_ID_TYPES.includes(s.principal.idType) && checkResidentId(s.principal.idNumber).valid

function individualNatureFindings(s: Subject, guess: NatureGuess): Finding[] {
  if (guess.certain) {
    const msg = `名称中的“${guess.word}”是单位名称用语，主体性质却选了“个人”。请把性质改为“单位”，或填写本人姓名（规则③）。`
    return [err('subject.nature-mismatch', msg, 'nature')]
  }
  if (holderHasValidResidentId(s)) return []
  const msg = `名称含“${guess.word}”，这个词也常见于单位名称（仅凭名称用字推测）。如确是本人姓名请忽略；如是单位，请把性质改为“单位”（规则③）。`
  return [warn('subject.nature-mismatch', msg, 'nature')]
}

function natureFindings(s: Subject): Finding[] {
  const guess = inferNatureFromName(s.name)
  if (s.nature === 'organization' && !s.orgKind)
    return [err('subject.org-kind-required', '请选择单位类型（企业、事业单位等）。', 'orgKind')]
  if (!guess) return []
  if (s.nature === 'individual' && guess.nature === 'organization') return individualNatureFindings(s, guess)
  if (s.nature === 'organization' && guess.nature === 'individual') {
    return [
      warn(
        'subject.nature-mismatch',
        '名称看起来是个人姓名，主体性质却是“单位”。个人开办网站请选择“个人”；单位请填写证件上的全称（规则③）。',
        'nature',
      ),
    ]
  }
  if (s.orgKind && guess.orgKind && !kindFits(guess.orgKind, s.orgKind)) {
    const msg = `名称含“${guess.word}”，看起来属于“${ORG_KIND_LABELS[guess.orgKind]}”，所选单位类型是“${ORG_KIND_LABELS[s.orgKind]}”，请核对（规则③）。`
    return [warn('subject.org-kind-mismatch', msg, 'orgKind')]
  }
  return []
}

function investorFindings(s: Subject): Finding[] {
  const inv = s.investor.trim()
  if (inv === '') return []
  if (s.nature === 'individual') {
    return inv === s.name.trim()
      ? []
      : [warn('subject.investor-individual', '个人主体的“投资者或上级主管单位”应填本人姓名。', 'investor')]
  }
  if (/[A-Za-z0-9]/.test(inv)) {
    return [
      warn(
        'subject.investor-chars',
        '“投资者或上级主管单位”应填写法定代表人姓名或上级单位全称，含字母或数字常被退回。',
        'investor',
      ),
    ]
  }
  return []
}

function holderFindings(s: Subject): Finding[] {
  if (s.nature !== 'individual') return []
  if (normalizePersonName(s.name) !== normalizePersonName(s.principal.name)) {
    return [err('subject.individual-name-mismatch', '个人主体名称必须与开办者本人姓名一致。', 'name')]
  }
  return []
}

function phoneFindings(s: Subject): Finding[] {
  // 个人: the office phone is the holder's own (the form mirrors it here) and is checked with the
  // holder at principal.officePhone, where the form shows it.
  if (s.nature === 'individual') return []
  if (s.officePhone.trim() === '')
    return [err('subject.office-phone-required', '请填写办公电话（规则⑦：务必填写）。', 'officePhone')]
  return atField('officePhone', findingsOf(checkPhone(s.officePhone)))
}

/**
 * Validates a subject. Pass the subject's sites to check that its name is not a site name.
 * Field paths: `name`, `certNumber`, `officeAddress.detail`, `principal.idNumber`, …
 */
export function validateSubject(s: Subject, today: string, sites: readonly Site[] = []): Finding[] {
  const role = s.nature === 'individual' ? 'holder' : 'principal'
  return [
    ...nameFindings(s, sites),
    ...natureFindings(s),
    ...certFindings(s),
    ...holderFindings(s),
    ...investorFindings(s),
    ...phoneFindings(s),
    ...validateAddress(s.officeAddress, 'officeAddress'),
    ...prefixFields('principal', validatePerson(s.principal, role, today)),
  ]
}
