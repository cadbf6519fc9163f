/**
 * The form label of a finding's field (`principal.mobile` → 法定代表人 / 主体负责人 · 手机号码), so
 * two findings of the same rule on two fields say which field each is.
 */
import type { SubjectNature } from '../../../../core/model'
import type { MessageKey, Translate } from '../../i18n'

const PERSON: Record<string, MessageKey> = {
  name: 'person.name',
  idType: 'person.idType',
  idNumber: 'person.idNumber',
  idExpiry: 'person.idExpiry',
  address: 'person.address',
  officePhone: 'person.officePhone',
  mobile: 'person.mobile',
  email: 'person.email',
}

const SUBJECT: Record<string, MessageKey> = {
  name: 'subject.name',
  orgKind: 'subject.orgKind',
  certType: 'subject.certType',
  certNumber: 'subject.certNumber',
  investor: 'subject.investor',
  officeAddress: 'subject.officeAddress',
  officePhone: 'subject.officePhone',
  nature: 'subject.nature',
}

/** 个人: the subject's own fields are the holder's. */
const INDIVIDUAL: Record<string, string> = {
  name: 'name',
  certNumber: 'idNumber',
  officeAddress: 'address',
  officePhone: 'officePhone',
}

const SITE: Record<string, MessageKey> = {
  name: 'site.name',
  icpNumber: 'site.icpNumber',
  openingDate: 'site.openingDate',
  mainDomain: 'site.mainDomain',
  extraDomains: 'site.extraDomains',
  hasOwnDomain: 'site.hasOwnDomain',
  homeUrl: 'site.homeUrl',
  serverIps: 'site.serverIps',
  accessProvider: 'site.accessProvider',
  registrar: 'site.registrar',
  accessMethod: 'site.accessMethod',
  interactive: 'site.interactive',
  serviceTypes: 'site.serviceTypes',
  languages: 'site.languages',
  preApprovals: 'site.preApprovals',
  securityOfficer: 'site.securityOfficer',
  emergencyContact: 'site.emergencyContact',
}

const PROVIDER: Record<string, MessageKey> = {
  location: 'site.providerLocation',
  region: 'site.providerRegion',
  name: 'site.providerName',
}

/** `extraDomains.1` → 其他域名（第 2 个）. */
function withIndex(label: string, index: string | undefined, t: Translate): string {
  return index !== undefined && /^\d+$/.test(index) ? t('fields.nth', { label, n: Number(index) + 1 }) : label
}

function personLabel(rest: string[], t: Translate): string | undefined {
  const key = PERSON[rest[0] ?? '']
  return key && t(key)
}

function subjectLabel(parts: string[], nature: SubjectNature, t: Translate): string[] {
  const [head = '', ...rest] = parts
  if (nature === 'individual' && head in INDIVIDUAL)
    return [t(PERSON[INDIVIDUAL[head] ?? ''] ?? 'person.name')]
  if (head === 'principal') {
    const person = personLabel(rest, t)
    const who = nature === 'individual' ? [] : [t('subject.section.principal')]
    return person ? [...who, person] : who
  }
  const key = SUBJECT[head]
  return key ? [t(key)] : []
}

function siteLabel(parts: string[], t: Translate): string[] {
  const [head = '', second] = parts
  const key = SITE[head]
  if (!key) return []
  if (head === 'securityOfficer' || head === 'emergencyContact') {
    const person = second === 'person' ? personLabel(parts.slice(2), t) : undefined
    return person ? [t(key), person] : [t(key)]
  }
  if ((head === 'accessProvider' || head === 'registrar') && second && PROVIDER[second]) {
    return [t(key), t(PROVIDER[second] as MessageKey)]
  }
  return [withIndex(t(key), second, t)]
}

/** The field's label path joined with " · ", or '' when the finding has no known field. */
export function fieldLabel(
  where: 'subject' | 'site',
  field: string | undefined,
  nature: SubjectNature,
  t: Translate,
): string {
  if (!field) return ''
  const parts = field.split('.')
  return (where === 'subject' ? subjectLabel(parts, nature, t) : siteLabel(parts, t)).join(' · ')
}
