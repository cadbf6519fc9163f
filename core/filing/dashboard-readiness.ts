/**
 * The dashboard's readiness of every site, indexed and cached: the same counts as
 * core/packet/readiness.ts `siteFindings` and `materialReadiness` give per site, at a cost
 * proportional to what changed. Records are immutable data — an edit replaces the objects it
 * touches — so each part is cached by the identity of exactly what it reads:
 * - a site's own rules (validateSite without the reuse check): the site, its subject, today;
 * - a subject's rules: the subject, today and its list of sites;
 * - a site's materials: the site, its subject and the materials the site can use;
 * - the cross-site checks (domain reuse, shared contacts) are indexed per workspace (one pass,
 *   not one scan of every site per site), so they are recomputed, cheaply, on every call.
 * Nothing is kept alive by the caches: they are WeakMaps keyed by the records.
 */
import type { Material, Site, Subject, Workspace } from '../model'
import { materialReadiness, materialsOfSite } from '../packet/readiness'
import { sharedContactFindings, validateSite, validateSubject, type Finding } from '../validation'
import { reuseFindings } from '../validation/site-domains'
import type { Readiness, ReadinessOf } from './dashboard'

type Scoped = Finding & { scope: 'subject' | 'site' }

const NO_SITES: readonly Site[] = []
const NO_SUBJECTS: readonly Subject[] = []

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

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

type SiteOwn = { subject: Subject; today: string; findings: Scoped[] }
type SubjectOwn = { today: string; sites: readonly Site[]; findings: Scoped[] }
type SiteMaterials = { subject: Subject; materials: readonly Material[]; ready: number; total: number }

const SITE_OWN = new WeakMap<Site, SiteOwn>()
const SUBJECT_OWN = new WeakMap<Subject, SubjectOwn>()
const SITE_MATERIALS = new WeakMap<Site, SiteMaterials>()

/** The site's rules except the reuse check (validateSite reads other sites for that check only). */
function siteOwn(site: Site, subject: Subject, today: string): Scoped[] {
  const hit = SITE_OWN.get(site)
  if (hit && hit.subject === subject && hit.today === today) return hit.findings
  const others = { sites: NO_SITES, subjects: NO_SUBJECTS }
  const findings = validateSite(site, subject, others, today).map((f) => ({ ...f, scope: 'site' as const }))
  SITE_OWN.set(site, { subject, today, findings })
  return findings
}

function subjectOwn(subject: Subject, sites: readonly Site[], today: string): Scoped[] {
  const hit = SUBJECT_OWN.get(subject)
  if (hit && hit.today === today && sameList(hit.sites, sites)) return hit.findings
  const findings = validateSubject(subject, today, sites).map((f) => ({ ...f, scope: 'subject' as const }))
  SUBJECT_OWN.set(subject, { today, sites, findings })
  return findings
}

function siteMaterials(site: Site, subject: Subject, all: readonly Material[]): SiteMaterials {
  const materials = materialsOfSite(subject, site, all)
  const hit = SITE_MATERIALS.get(site)
  if (hit && hit.subject === subject && sameList(hit.materials, materials)) return hit
  const m = materialReadiness(subject, site, materials)
  const entry = { subject, materials, ready: m.ready, total: m.total }
  SITE_MATERIALS.set(site, entry)
  return entry
}

/** A ReadinessOf for one workspace: call it for each of that workspace's sites. */
export function cachedReadiness(ws: Workspace, today: string): ReadinessOf {
  const bySite = new Map<string, Scoped[]>()
  const bySubject = new Map<string, Scoped[]>()
  const push = (map: Map<string, Scoped[]>, key: string, f: Scoped) => {
    const list = map.get(key)
    if (list) list.push(f)
    else map.set(key, [f])
  }
  for (const f of sharedContactFindings(ws)) {
    if (f.siteId) push(bySite, f.siteId, { ...f.finding, scope: 'site' })
    else if (f.subjectId) push(bySubject, f.subjectId, { ...f.finding, scope: 'subject' })
  }
  const sitesOf = new Map<string, Site[]>()
  for (const s of ws.sites) {
    const list = sitesOf.get(s.subjectId)
    if (list) list.push(s)
    else sitesOf.set(s.subjectId, [s])
  }
  return (_ws: Workspace, site: Site, subject: Subject): Readiness => {
    const reuse = reuseFindings(site, ws.sites).map((f) => ({ ...f, scope: 'site' as const }))
    const counts = countUnique([
      ...subjectOwn(subject, sitesOf.get(subject.id) ?? NO_SITES, today),
      ...siteOwn(site, subject, today),
      ...reuse,
      ...(bySite.get(site.id) ?? []),
      ...(bySubject.get(subject.id) ?? []),
    ])
    const m = siteMaterials(site, subject, ws.materials)
    return { materialsReady: m.ready, materialsTotal: m.total, ...counts }
  }
}
