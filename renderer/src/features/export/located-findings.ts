import type { Site, Subject, Workspace } from '../../../../core/model'
import { validateSite, validateSubject } from '../../../../core/validation'
import { todayIso } from '../../../../core/validation/dates'
import type { Located } from './FindingsList'

/** The subject's and the site's findings, as main will compute them before export. */
export function locatedFindings(subject: Subject, site: Site, workspace: Workspace): Located[] {
  const today = todayIso()
  const own = workspace.sites.filter((s) => s.subjectId === subject.id)
  const context = { sites: workspace.sites, subjects: workspace.subjects }
  return [
    ...validateSubject(subject, today, own).map((f) => ({ ...f, where: 'subject' as const })),
    ...validateSite(site, subject, context, today).map((f) => ({ ...f, where: 'site' as const })),
  ]
}
