/**
 * Readiness of every site at once, for the dashboard. The same findings as
 * core/packet/readiness.ts `siteFindings` (subject rules, site rules, shared contacts,
 * de-duplicated the same way), but the workspace-wide checks run once instead of once per
 * site: per-site calls cost O(sites²) and took seconds for an agency's 1,000 sites.
 */
import type { Site, Subject, Workspace } from '../model'
import { materialReadiness } from '../packet/readiness'
import {
  sharedContactFindings,
  validateSite,
  validateSubject,
  type Finding,
  type WorkspaceFinding,
} from '../validation'
import type { Readiness, ReadinessOf } from './dashboard'

type Scoped = Finding & { scope: 'subject' | 'site' }

function countUnique(findings: readonly Scoped[]): { errors: number; warnings: number } {
  const seen = new Set<string>()
  let errors = 0
  let warnings = 0
  for (const f of findings) {
    const key = `${f.scope}|${f.code}|${f.field ?? ''}|${f.message}`
    if (seen.has(key)) continue
    seen.add(key)
    if (f.severity === 'error') errors++
    else warnings++
  }
  return { errors, warnings }
}

function groupCross(ws: Workspace): { bySite: Map<string, Scoped[]>; bySubject: Map<string, Scoped[]> } {
  const bySite = new Map<string, Scoped[]>()
  const bySubject = new Map<string, Scoped[]>()
  const push = (map: Map<string, Scoped[]>, key: string, f: Scoped) =>
    map.set(key, [...(map.get(key) ?? []), f])
  sharedContactFindings(ws).forEach((f: WorkspaceFinding) => {
    if (f.siteId) push(bySite, f.siteId, { ...f.finding, scope: 'site' })
    else if (f.subjectId) push(bySubject, f.subjectId, { ...f.finding, scope: 'subject' })
  })
  return { bySite, bySubject }
}

/** A ReadinessOf for one workspace: call it for each of that workspace's sites. */
export function batchReadiness(ws: Workspace, today: string): ReadinessOf {
  const cross = groupCross(ws)
  const sitesOf = new Map<string, Site[]>()
  for (const s of ws.sites) sitesOf.set(s.subjectId, [...(sitesOf.get(s.subjectId) ?? []), s])
  const subjectFindings = new Map<string, Scoped[]>()
  const others = { sites: ws.sites, subjects: ws.subjects }
  return (_ws: Workspace, site: Site, subject: Subject): Readiness => {
    let own = subjectFindings.get(subject.id)
    if (!own) {
      own = validateSubject(subject, today, sitesOf.get(subject.id) ?? []).map((f) => ({
        ...f,
        scope: 'subject' as const,
      }))
      subjectFindings.set(subject.id, own)
    }
    const siteOwn = validateSite(site, subject, others, today).map((f) => ({ ...f, scope: 'site' as const }))
    const counts = countUnique([
      ...own,
      ...siteOwn,
      ...(cross.bySite.get(site.id) ?? []),
      ...(cross.bySubject.get(subject.id) ?? []),
    ])
    const m = materialReadiness(subject, site, ws.materials)
    return { materialsReady: m.ready, materialsTotal: m.total, ...counts }
  }
}
