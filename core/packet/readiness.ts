/**
 * Everything the rules say about one site before it is filed: the subject's and the site's
 * findings plus the cross-record warnings that concern them. Errors block the export.
 */
import type { Workspace } from '../model'
import { sharedContactFindings, validateSite, validateSubject, type Finding } from '../validation'

export type SiteFinding = Finding & { scope: 'subject' | 'site' }

export function siteFindings(ws: Workspace, siteId: string, today: string): SiteFinding[] {
  const site = ws.sites.find((s) => s.id === siteId)
  const subject = site && ws.subjects.find((s) => s.id === site.subjectId)
  if (!site || !subject) return []
  const ownSites = ws.sites.filter((s) => s.subjectId === subject.id)
  const cross = sharedContactFindings(ws)
    .filter((f) => f.siteId === site.id || (f.subjectId === subject.id && !f.siteId))
    .map((f) => ({ ...f.finding, scope: f.siteId ? ('site' as const) : ('subject' as const) }))
  const seen = new Set<string>()
  return [
    ...validateSubject(subject, today, ownSites).map((f) => ({ ...f, scope: 'subject' as const })),
    ...validateSite(site, subject, { sites: ws.sites, subjects: ws.subjects }, today).map((f) => ({ ...f, scope: 'site' as const })),
    ...cross,
  ].filter((f) => {
    const key = `${f.scope}|${f.code}|${f.field ?? ''}|${f.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The Chinese lines an export refuses with (errors only). */
export function exportBlockingLines(findings: readonly SiteFinding[]): string[] {
  return findings.filter((f) => f.severity === 'error').map((f) => `${f.scope === 'subject' ? '开办主体' : '网站'}：${f.message}`)
}

/** Today's date (YYYY-MM-DD) in the user's local time zone. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
