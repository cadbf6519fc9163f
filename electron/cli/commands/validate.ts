/**
 * `beian-desk validate --data-dir DIR [--site SITE] [--json]`: for each site, whether export
 * would go ahead, decided by the very function export uses (preparePacket), with what blocks it
 * and the hints; subjects without sites get their findings. Exit 1 exactly when an export in
 * scope would refuse (or, for the whole folder, a subject without sites has errors).
 */
import { parseArgs } from 'node:util'
import type { Site, Workspace } from '../../../core/model'
import { localToday } from '../../../core/packet/readiness'
import { siteContext } from '../../../core/site-context'
import { validateWorkspace } from '../../../core/validation'
import { AppFailure } from '../../main/services/app-error'
import type { MaterialFiles } from '../../main/services/material-files'
import { preparePacket } from '../../main/services/packet-export'
import type { CliContext } from '../io'
import { findSite } from '../site-ref'
import { openDataDir } from '../workspace'

type Hint = { scope: 'subject' | 'site'; field: string | null; code: string; message: string }
type SiteReport = {
  siteId: string
  siteName: string
  mainDomain: string
  subjectId: string
  subjectName: string
  materials: { ready: number; total: number; missing: number }
  exportable: boolean
  blockers: string[]
  warnings: Hint[]
}

async function siteReport(
  ws: Workspace,
  files: MaterialFiles,
  site: Site,
  today: string,
): Promise<SiteReport | null> {
  const context = siteContext(ws, site.id, today)
  if (!context) return null
  const { subject, readiness, findings } = context
  const refusal = await preparePacket(ws, files, site.id, today).then(
    () => null,
    (error: unknown) => {
      if (error instanceof AppFailure) return error
      throw error
    },
  )
  const warnings = findings
    .filter((f) => f.severity !== 'error')
    .map((f) => ({ scope: f.scope, field: f.field ?? null, code: f.code, message: f.message }))
  return {
    siteId: site.id,
    siteName: site.name,
    mainDomain: site.mainDomain,
    subjectId: subject.id,
    subjectName: subject.name,
    materials: {
      ready: readiness.ready,
      total: readiness.total,
      missing: readiness.slots.filter((s) => s.state === 'missing').length,
    },
    exportable: refusal === null,
    blockers: refusal ? (refusal.details ?? [refusal.message]) : [],
    warnings,
  }
}

/** The findings of every subject in scope, tagged as `validate --json` always listed them. */
function taggedFindings(ws: Workspace, today: string, site: Site | undefined) {
  return validateWorkspace(ws, today)
    .filter((f) => !site || f.siteId === site.id || (f.subjectId === site.subjectId && !f.siteId))
    .map(({ subjectId, siteId, finding }) => ({
      subjectId: subjectId ?? null,
      subjectName: ws.subjects.find((s) => s.id === subjectId)?.name ?? null,
      siteId: siteId ?? null,
      siteName: ws.sites.find((s) => s.id === siteId)?.name ?? null,
      ...finding,
    }))
}

export async function validateCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, site: { type: 'string' }, json: { type: 'boolean' } },
  })
  const { ws, files } = await openDataDir(values['data-dir'], ctx, 'validate')
  const site = values.site ? findSite(ws, values.site, ctx, 'validate') : undefined
  const today = localToday()
  const reports: SiteReport[] = []
  for (const s of site ? [site] : ws.sites) {
    const report = await siteReport(ws, files, s, today)
    if (report) reports.push(report)
  }
  const findings = taggedFindings(ws, today, site)
  const lonely = site ? [] : ws.subjects.filter((s) => !ws.sites.some((x) => x.subjectId === s.id))
  const lonelyFindings = findings.filter((f) => !f.siteId && lonely.some((s) => s.id === f.subjectId))
  const ready = reports.filter((r) => r.exportable).length
  const summary = {
    subjects: site ? 1 : ws.subjects.length,
    sites: reports.length,
    ready,
    blocked: reports.length - ready,
    missingMaterials: reports.reduce((n, r) => n + r.materials.missing, 0),
  }
  if (values.json) {
    ctx.io.out(
      `${JSON.stringify({ subjects: ws.subjects.length, sites: ws.sites.length, findings, readiness: reports, summary }, null, 2)}\n`,
    )
  } else {
    printHuman(
      reports,
      lonely.map((s) => ({
        id: s.id,
        name: s.name,
        findings: lonelyFindings.filter((f) => f.subjectId === s.id),
      })),
      ctx,
    )
    ctx.io.out(
      `${ctx.m.validate.summary(summary.subjects, summary.sites, summary.ready, summary.blocked, summary.missingMaterials)}\n`,
    )
  }
  return summary.blocked > 0 || lonelyFindings.some((f) => f.severity === 'error') ? 1 : 0
}

type Lonely = { id: string; name: string; findings: { severity: string; field?: string; message: string }[] }

function printHuman(reports: SiteReport[], lonely: Lonely[], { io, m }: CliContext): void {
  const v = m.validate
  for (const r of reports) {
    io.out(
      `${v.site(r.siteName.trim() || m.list.unnamed, r.siteId, r.mainDomain, r.materials.ready, r.materials.total)}\n`,
    )
    io.out(`${r.exportable ? v.canExport : v.cannotExport(r.blockers.length)}\n`)
    for (const line of r.blockers) io.out(`${v.blocker(line)}\n`)
    for (const w of r.warnings) {
      const where = `${w.scope === 'subject' ? v.scopeSubject : v.scopeSite}${w.field ? ` · ${w.field}` : ''}`
      io.out(`${v.warning(where, w.message)}\n`)
    }
  }
  for (const s of lonely) {
    io.out(`${v.subject(s.name.trim() || m.list.unnamed, s.id)}\n`)
    for (const f of s.findings)
      io.out(`${v.finding(f.severity === 'error', f.field ?? v.scopeSubject, f.message)}\n`)
  }
}
