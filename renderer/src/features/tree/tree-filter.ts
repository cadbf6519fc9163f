/** The tree's search box: which subjects and sites match a query by name, domain or ICP number. Pure. */
import type { Site, Subject, Workspace } from '../../../../core/model'

export type TreeFilter = { subjects: Subject[]; sitesOf: (subjectId: string) => Site[] }

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

function siteMatches(site: Site, q: string): boolean {
  return [site.name, site.mainDomain, site.homeUrl, site.icpNumber, ...site.extraDomains].some((v) =>
    norm(v).includes(q),
  )
}

/**
 * An empty query keeps everything. Otherwise a subject whose name matches keeps all its sites;
 * a subject with matching sites keeps only those; other subjects are left out.
 */
export function filterTree(workspace: Pick<Workspace, 'subjects' | 'sites'>, query: string): TreeFilter {
  const q = norm(query)
  const all = (subjectId: string) => workspace.sites.filter((s) => s.subjectId === subjectId)
  if (q === '') return { subjects: workspace.subjects, sitesOf: all }
  const kept = new Map<string, Site[]>()
  for (const subject of workspace.subjects) {
    const sites = all(subject.id)
    if (norm(subject.name).includes(q)) kept.set(subject.id, sites)
    else {
      const matching = sites.filter((s) => siteMatches(s, q))
      if (matching.length > 0) kept.set(subject.id, matching)
    }
  }
  return { subjects: workspace.subjects.filter((s) => kept.has(s.id)), sitesOf: (id) => kept.get(id) ?? [] }
}
