/**
 * The renderer's view of core/validation: the same pure rules main runs again on save and
 * export, grouped by form field.
 */
import type { Site, Subject, Workspace } from '../../../../core/model'
import { validateSite, validateSubject } from '../../../../core/validation'
import { localToday } from '../../../../core/validation/dates'
import { fieldAlias, groupFindings, type FindingMap } from './findings'

/** For 个人 the subject's own fields mirror the holder, so their findings show on the holder block. */
const individualAlias = fieldAlias([
  ['name', 'principal.name'],
  ['certNumber', 'principal.idNumber'],
  ['officeAddress', 'principal.address'],
  ['officePhone', 'principal.officePhone'],
])
const orgAlias = fieldAlias([])

export function subjectFindings(subject: Subject, sites: readonly Site[]): FindingMap {
  const own = sites.filter((site) => site.subjectId === subject.id)
  const alias = subject.nature === 'individual' ? individualAlias : orgAlias
  return groupFindings(validateSubject(subject, localToday(), own), alias)
}

const siteAlias = fieldAlias([], ['extraDomains', 'serverIps', 'serviceTypes', 'languages', 'preApprovals'])

export function siteFindings(site: Site, subject: Subject | undefined, workspace: Workspace): FindingMap {
  if (!subject) return new Map()
  const context = { sites: workspace.sites, subjects: workspace.subjects }
  return groupFindings(validateSite(site, subject, context, localToday()), siteAlias)
}
