/**
 * The renderer's view of core/validation: the same pure rules main runs again on save and
 * export, grouped by form field.
 */
import type { Site, Subject, Workspace } from '../../../../core/model'
import { validateSite, validateSubject } from '../../../../core/validation'
import { todayIso } from '../../../../core/validation/dates'
import { groupFindings, prefixAlias, type FindingMap } from './findings'

/** For 个人 the subject's own fields mirror the holder, so their findings show on the holder block. */
const INDIVIDUAL_ALIASES = [
  ['name', 'principal.name'],
  ['certNumber', 'principal.idNumber'],
  ['officeAddress', 'principal.address'],
  ['officePhone', 'principal.officePhone'],
  ['principal.address', 'principal.address'],
] as const

const ORG_ALIASES = [
  ['officeAddress', 'officeAddress'],
  ['principal.address', 'principal.address'],
] as const

export function subjectFindings(subject: Subject, sites: readonly Site[]): FindingMap {
  const alias = prefixAlias(subject.nature === 'individual' ? INDIVIDUAL_ALIASES : ORG_ALIASES)
  const own = sites.filter((site) => site.subjectId === subject.id)
  return groupFindings(validateSubject(subject, todayIso(), own), alias)
}

const SITE_ALIASES = [
  ['extraDomains', 'extraDomains'],
  ['serverIps', 'serverIps'],
  ['securityOfficer.person.address', 'securityOfficer.person.address'],
  ['emergencyContact.person.address', 'emergencyContact.person.address'],
] as const

export function siteFindings(site: Site, subject: Subject | undefined, workspace: Workspace): FindingMap {
  if (!subject) return new Map()
  const context = { sites: workspace.sites, subjects: workspace.subjects }
  return groupFindings(validateSite(site, subject, context, todayIso()), prefixAlias(SITE_ALIASES))
}
