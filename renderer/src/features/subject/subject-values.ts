/** Converts between a stored Subject and the values the subject form edits. */
import type { OrgCertType, OrgKind, Subject, SubjectNature } from '../../../../core/model'
import { ORG_CERT_TYPES_BY_KIND, ORG_KIND_CHOICES } from '../../data/option-labels'
import type { DivisionValue } from '../../components/division/DivisionPicker'
import { nowIso } from '../../components/ids'
import {
  addressFrom,
  emptyPersonValues,
  personFromValues,
  valuesFromPerson,
  type PersonValues,
} from '../person/person-values'

export type SubjectValues = {
  nature: SubjectNature
  orgKind: OrgKind | undefined
  name: string
  certType: OrgCertType | undefined
  certNumber: string
  investor: string
  officeDivision: DivisionValue
  officeDetail: string
  officePhone: string
  principal: PersonValues
}

export function emptySubjectValues(): SubjectValues {
  return {
    nature: 'individual',
    orgKind: 'enterprise',
    name: '',
    certType: 'uscc-certificate',
    certNumber: '',
    investor: '',
    officeDivision: { codes: [], names: [] },
    officeDetail: '',
    officePhone: '',
    principal: emptyPersonValues(),
  }
}

export function valuesFromSubject(s: Subject): SubjectValues {
  return {
    nature: s.nature,
    orgKind: s.orgKind ?? 'enterprise',
    name: s.nature === 'organization' ? s.name : '',
    certType: s.certType ?? 'uscc-certificate',
    certNumber: s.nature === 'organization' ? s.certNumber : '',
    investor: s.investor,
    officeDivision: { codes: [...s.officeAddress.divisionCodes], names: [...s.officeAddress.divisionNames] },
    officeDetail: s.officeAddress.detail,
    officePhone: s.officePhone,
    principal: valuesFromPerson(s.principal),
  }
}

/**
 * Builds the full Subject. For 个人 the name, certificate number, address and office phone
 * mirror the holder (the model's rule); 单位-only fields are dropped.
 */
export function subjectFromValues(
  v: Partial<SubjectValues>,
  base: SubjectValues,
  identity: { id: string; createdAt?: string },
): Subject {
  const values = { ...base, ...v }
  const principal = personFromValues(values.principal, base.principal)
  const now = nowIso()
  const common = {
    id: identity.id,
    principal,
    createdAt: identity.createdAt || now,
    updatedAt: now,
  }
  if (values.nature === 'individual') {
    return {
      ...common,
      nature: 'individual',
      name: principal.name,
      certNumber: principal.idNumber,
      investor: '',
      officeAddress: principal.address,
      officePhone: principal.officePhone,
    }
  }
  return {
    ...common,
    nature: 'organization',
    orgKind: values.orgKind ?? 'enterprise',
    name: (values.name ?? '').trim(),
    certType: values.certType ?? 'uscc-certificate',
    certNumber: (values.certNumber ?? '').trim(),
    investor: (values.investor ?? '').trim(),
    officeAddress: addressFrom(values.officeDivision, values.officeDetail ?? ''),
    officePhone: (values.officePhone ?? '').trim(),
  }
}

/** The 单位类别 offered: the current list, plus a stored legacy kind so it stays visible. */
export function orgKindChoices(current: OrgKind | undefined): OrgKind[] {
  return current && !ORG_KIND_CHOICES.includes(current)
    ? [...ORG_KIND_CHOICES, current]
    : [...ORG_KIND_CHOICES]
}

/** The certificate types a kind holds, plus a stored type outside that list so it stays visible. */
export function certTypeChoices(kind: OrgKind | undefined, current: OrgCertType | undefined): OrgCertType[] {
  const list = [...ORG_CERT_TYPES_BY_KIND[kind ?? 'other']]
  return current && !list.includes(current) ? [...list, current] : list
}

/** After a kind change: keep a certificate type the new kind holds, else take its usual one. */
export function certTypeForKind(kind: OrgKind, current: OrgCertType | undefined): OrgCertType {
  const list = ORG_CERT_TYPES_BY_KIND[kind]
  return current && list.includes(current) ? current : (list[0] ?? 'other')
}
