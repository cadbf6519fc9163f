/** `beian-desk list --data-dir DIR [--json]`: every subject and its sites, with the ids export --site takes. */
import { parseArgs } from 'node:util'
import type { Site, Subject, Workspace } from '../../../core/model'
import { localToday, materialReadiness, siteFindings } from '../../../core/packet/readiness'
import { validateWorkspace } from '../../../core/validation'
import type { CliContext } from '../io'
import { openDataDir } from '../workspace'

type Counts = { errors: number; warnings: number }
const count = (findings: readonly { severity: string }[]): Counts => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity !== 'error').length,
})

function siteEntry(ws: Workspace, subject: Subject, site: Site, today: string) {
  const { ready, total } = materialReadiness(subject, site, ws.materials)
  const findings = count(siteFindings(ws, site.id, today).filter((f) => f.scope === 'site'))
  const { id, name, mainDomain, extraDomains, icpNumber } = site
  return { id, name, mainDomain, extraDomains, icpNumber, materials: { ready, total }, findings }
}

export function listWorkspace(ws: Workspace, today = localToday()) {
  const all = validateWorkspace(ws, today)
  return ws.subjects.map((subject) => ({
    id: subject.id,
    name: subject.name,
    nature: subject.nature,
    findings: count(all.filter((f) => f.subjectId === subject.id && !f.siteId).map((f) => f.finding)),
    sites: ws.sites
      .filter((s) => s.subjectId === subject.id)
      .map((site) => siteEntry(ws, subject, site, today)),
  }))
}

export async function listCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
  })
  const { ws } = await openDataDir(values['data-dir'], ctx, 'list')
  const subjects = listWorkspace(ws)
  const { io, m } = ctx
  if (values.json) {
    io.out(`${JSON.stringify({ subjects }, null, 2)}\n`)
    return 0
  }
  if (subjects.length === 0) io.out(`${m.list.empty}\n`)
  for (const s of subjects) {
    const nature = s.nature === 'individual' ? m.list.individual : m.list.organization
    io.out(
      `${m.list.subject(s.name.trim() || m.list.unnamed, s.id, nature, s.findings.errors, s.findings.warnings)}\n`,
    )
    if (s.sites.length === 0) io.out(`${m.list.noSites}\n`)
    for (const site of s.sites) {
      const domains = [site.mainDomain, ...site.extraDomains].filter((d) => d.trim() !== '').join(', ')
      const { ready, total } = site.materials
      io.out(
        `${m.list.site(site.name.trim() || m.list.unnamed, site.id, domains, ready, total, site.findings.errors, site.findings.warnings)}\n`,
      )
    }
  }
  return 0
}
