/** Converts between a stored Site and the values the site form edits; defaults satisfy the schema. */
import dayjs, { type Dayjs } from 'dayjs'
import {
  controlledGoodsOf,
  type Person,
  type Provider,
  type Site,
  type SitePersonRef,
} from '../../../../core/model'
import { nowIso } from '../../components/ids'
import {
  emptyPersonValues,
  personFromValues,
  valuesFromPerson,
  type PersonValues,
} from '../person/person-values'

export type SiteValues = {
  name: string
  icpNumber: string
  openingDate: Dayjs | null
  hasOwnDomain: boolean
  mainDomain: string
  extraDomains: string[]
  homeUrl: string
  serverIps: string[]
  accessProvider: Provider
  registrar: Provider
  accessMethod: string
  interactive: boolean
  serviceTypes: string[]
  languages: string[]
  preApprovals: string[]
  offersControlledGoods: boolean
  controlledGoods: string[]
  securitySame: boolean
  security: PersonValues
  emergencySame: boolean
  emergency: PersonValues
}

const emptyProvider = (): Provider => ({ location: 'domestic', region: '', name: '' })

export function emptySiteValues(): SiteValues {
  return {
    name: '',
    icpNumber: '',
    openingDate: null,
    hasOwnDomain: true,
    mainDomain: '',
    extraDomains: [],
    homeUrl: '',
    serverIps: [],
    accessProvider: emptyProvider(),
    registrar: emptyProvider(),
    accessMethod: '租赁虚拟空间',
    interactive: false,
    serviceTypes: ['www'],
    languages: ['中文简体'],
    preApprovals: [],
    offersControlledGoods: false,
    controlledGoods: [],
    securitySame: true,
    security: emptyPersonValues(),
    emergencySame: true,
    emergency: emptyPersonValues(),
  }
}

function refValues(ref: SitePersonRef): { same: boolean; person: PersonValues } {
  return ref.sameAsPrincipal
    ? { same: true, person: emptyPersonValues() }
    : { same: false, person: valuesFromPerson(ref.person) }
}

export function valuesFromSite(site: Site): SiteValues {
  const security = refValues(site.securityOfficer)
  const emergency = refValues(site.emergencyContact)
  return {
    ...site,
    openingDate: /^\d{4}-\d{2}-\d{2}$/.test(site.openingDate) ? dayjs(site.openingDate) : null,
    // Sites saved before the portal asked about 管制物品 answer 否.
    offersControlledGoods: controlledGoodsOf(site).offers,
    controlledGoods: controlledGoodsOf(site).categories,
    securitySame: security.same,
    security: security.person,
    emergencySame: emergency.same,
    emergency: emergency.person,
  }
}

const cleanList = (list: readonly string[] | undefined): string[] => [
  ...new Set((list ?? []).map((s) => s.trim()).filter(Boolean)),
]

function cleanProvider(p: Partial<Provider> | undefined, fallback: Provider): Provider {
  return {
    location: p?.location ?? fallback.location,
    region: (p?.region ?? '').trim(),
    name: (p?.name ?? '').trim(),
  }
}

function ref(
  same: boolean | undefined,
  person: Partial<PersonValues> | undefined,
  fallback: PersonValues,
): SitePersonRef {
  if (same !== false) return { sameAsPrincipal: true }
  const built: Person = personFromValues(person, fallback)
  return { sameAsPrincipal: false, person: built }
}

export type SiteIdentity = { id: string; subjectId: string; createdAt?: string }

export function siteFromValues(v: Partial<SiteValues>, base: SiteValues, identity: SiteIdentity): Site {
  const values = { ...base, ...v }
  const now = nowIso()
  const hasOwnDomain = values.hasOwnDomain !== false
  return {
    id: identity.id,
    subjectId: identity.subjectId,
    name: (values.name ?? '').trim(),
    icpNumber: (values.icpNumber ?? '').trim(),
    openingDate: values.openingDate ? values.openingDate.format('YYYY-MM-DD') : '',
    mainDomain: (values.mainDomain ?? '').trim(),
    extraDomains: hasOwnDomain ? cleanList(values.extraDomains).slice(0, 50) : [],
    hasOwnDomain,
    homeUrl: hasOwnDomain ? '' : (values.homeUrl ?? '').trim(),
    serverIps: cleanList(values.serverIps).slice(0, 20),
    accessProvider: cleanProvider(values.accessProvider, base.accessProvider),
    registrar: cleanProvider(values.registrar, base.registrar),
    accessMethod: (values.accessMethod ?? '').trim(),
    interactive: values.interactive === true,
    serviceTypes: cleanList(values.serviceTypes),
    languages: cleanList(values.languages),
    preApprovals: cleanList(values.preApprovals),
    offersControlledGoods: values.offersControlledGoods === true,
    controlledGoods:
      values.offersControlledGoods === true ? cleanList(values.controlledGoods).slice(0, 10) : [],
    securityOfficer: ref(values.securitySame, values.security, base.security),
    emergencyContact: ref(values.emergencySame, values.emergency, base.emergency),
    createdAt: identity.createdAt || now,
    updatedAt: now,
  }
}
