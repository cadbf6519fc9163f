/** A subject and a site built from one row's values, or an existing one updated with them. */
import type { Address, Person, Site, Subject } from '../model'
import { inferNatureFromName } from '../validation/names'
import type { RowValues } from './values'

export type DraftContext = { newId: () => string; now: string }

/** Upper case without spaces: how certificate numbers are compared. */
export const certKey = (text: string): string =>
  text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\s+/g, '')
    .toUpperCase()

/** Lower case host without scheme, path or trailing dot: how domains are compared. */
export const domainKey = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '')

const address = (detail: string): Address => ({ divisionCodes: [], divisionNames: [], detail })

function certTypeOf(certNumber: string): Subject['certType'] {
  const n = certKey(certNumber)
  if (n.length === 18) return 'uscc-certificate'
  if (n.length === 15) return 'business-licence'
  if (n.length === 9 || n.length === 10) return 'org-code-certificate'
  return undefined
}

function natureFor(v: RowValues): Subject['nature'] {
  return v.natureValue ?? inferNatureFromName(v.subjectName)?.nature ?? 'organization'
}

function principalOf(v: RowValues, nature: Subject['nature'], ctx: DraftContext): Person {
  const individual = nature === 'individual'
  return {
    id: ctx.newId(),
    name: v.principalName || (individual ? v.subjectName : ''),
    idType: 'resident-id',
    idNumber: certKey(v.principalIdNumber || (individual ? v.certNumber : '')),
    idExpiry: '',
    address: address(v.address),
    officePhone: v.officePhone,
    mobile: v.principalMobile,
    email: v.principalEmail,
  }
}

export function subjectFromRow(v: RowValues, ctx: DraftContext): Subject {
  const nature = natureFor(v)
  const subject: Subject = {
    id: ctx.newId(),
    nature,
    name: v.subjectName,
    certNumber: certKey(v.certNumber || (nature === 'individual' ? v.principalIdNumber : '')),
    investor: v.investor,
    officeAddress: address(v.address),
    officePhone: v.officePhone,
    principal: principalOf(v, nature, ctx),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  if (nature === 'organization') {
    const orgKind = v.orgKindValue ?? inferNatureFromName(v.subjectName)?.orgKind ?? undefined
    if (orgKind) subject.orgKind = orgKind
    const certType = certTypeOf(v.certNumber)
    if (certType) subject.certType = certType
  }
  return subject
}

const pick = (imported: string, kept: string): string => (imported !== '' ? imported : kept)

/** An existing subject with the row's non-empty values written over it (ids, dates of creation and photos kept). */
export function updateSubject(old: Subject, v: RowValues, now: string): Subject {
  const next: Subject = {
    ...old,
    name: pick(v.subjectName, old.name),
    nature: v.natureValue ?? old.nature,
    investor: pick(v.investor, old.investor),
    officePhone: pick(v.officePhone, old.officePhone),
    officeAddress: v.address !== '' ? address(v.address) : old.officeAddress,
    principal: {
      ...old.principal,
      name: pick(v.principalName, old.principal.name),
      idNumber: pick(certKey(v.principalIdNumber), old.principal.idNumber),
      address: v.address !== '' ? address(v.address) : old.principal.address,
      officePhone: pick(v.officePhone, old.principal.officePhone),
      mobile: pick(v.principalMobile, old.principal.mobile),
      email: pick(v.principalEmail, old.principal.email),
    },
    updatedAt: now,
  }
  if (v.orgKindValue) next.orgKind = v.orgKindValue
  return next
}

/** True when the row names a site (a name, a domain or an ICP number). */
export const rowHasSite = (v: RowValues): boolean =>
  v.siteName !== '' || v.domain !== '' || v.icpNumber !== ''

export function siteFromRow(v: RowValues, subjectId: string, ctx: DraftContext): Site {
  return {
    id: ctx.newId(),
    subjectId,
    name: v.siteName,
    icpNumber: v.icpNumber,
    openingDate: v.openingIso,
    mainDomain: domainKey(v.domain),
    extraDomains: [],
    hasOwnDomain: true,
    homeUrl: '',
    serverIps: v.serverIp !== '' ? [v.serverIp] : [],
    accessProvider: { location: 'domestic', region: '', name: v.accessProvider },
    registrar: { location: 'domestic', region: '', name: '' },
    accessMethod: '',
    interactive: v.interactiveValue,
    serviceTypes: ['www'],
    languages: ['中文简体'],
    preApprovals: [],
    securityOfficer: { sameAsPrincipal: true },
    emergencyContact: { sameAsPrincipal: true },
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
}

export function updateSite(old: Site, v: RowValues, now: string): Site {
  return {
    ...old,
    name: pick(v.siteName, old.name),
    icpNumber: pick(v.icpNumber, old.icpNumber),
    openingDate: pick(v.openingIso, old.openingDate),
    mainDomain: pick(domainKey(v.domain), old.mainDomain),
    serverIps:
      v.serverIp !== '' && !old.serverIps.includes(v.serverIp)
        ? [...old.serverIps, v.serverIp]
        : old.serverIps,
    accessProvider:
      v.accessProvider !== '' ? { ...old.accessProvider, name: v.accessProvider } : old.accessProvider,
    interactive: v.interactive !== '' ? v.interactiveValue : old.interactive,
    updatedAt: now,
  }
}
