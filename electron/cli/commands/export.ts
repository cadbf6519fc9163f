/**
 * `beian-desk export --data-dir DIR --site SITE --out PATH [--zip] [--force] [--json]`: one site.
 * `beian-desk export --data-dir DIR (--site A --site B … | --all) [--stage …] --out-dir DIR
 *  [--zip] [--force] [--json]`: many sites into one folder (a folder or a zip each), two at a
 * time, a line per site, refusals listed with their reasons; exit code 1 when any was not
 * written. Ctrl+C cancels: packets in flight are discarded, nothing half-written is left.
 */
import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { PacketBatchSummary } from '../../../core/api'
import { eventsByOwner, siteFilingState } from '../../../core/filing/history'
import type { Site, Workspace } from '../../../core/model'
import { cancelExportMany, exportMany } from '../../main/services/packet-export-many'
import { exportPacket } from '../../main/services/packet-export'
import { type CliContext, UsageError } from '../io'
import { findSite } from '../site-ref'
import { openDataDir } from '../workspace'
import { parseStages } from './status'

type Values = {
  'data-dir'?: string
  site?: string[]
  all?: boolean
  stage?: string[]
  out?: string
  'out-dir'?: string
  zip?: boolean
  force?: boolean
  json?: boolean
}

export async function exportCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      site: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      stage: { type: 'string', multiple: true },
      out: { type: 'string' },
      'out-dir': { type: 'string' },
      zip: { type: 'boolean' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  const { m } = ctx
  const sites = values.site ?? []
  if (values.all && sites.length > 0) throw new UsageError(m.export.allWithSite)
  const many = values.all === true || sites.length > 1 || values['out-dir'] !== undefined
  if (!many) {
    if (values.stage) throw new UsageError(m.export.stageNeedsMany)
    return exportOne(values, ctx)
  }
  return exportSelection(values, ctx)
}

async function exportOne(values: Values, ctx: CliContext): Promise<number> {
  const { io, m } = ctx
  const [siteRef] = values.site ?? []
  if (!siteRef) throw new UsageError(m.export.needSite)
  if (!values.out) throw new UsageError(m.export.needOut)
  const out = resolve(values.out)
  if (!values.zip && statSync(out, { throwIfNoEntry: false })?.isDirectory() === false)
    throw new UsageError(m.export.outNotFolder(out))
  const { ws, files } = await openDataDir(values['data-dir'], ctx, 'export')
  const site = findSite(ws, siteRef, ctx, 'export')
  const summary = await exportPacket(ws, files, {
    siteId: site.id,
    format: values.zip ? 'zip' : 'folder',
    target: out,
    force: values.force === true,
  })
  if (values.json) io.out(`${JSON.stringify(summary, null, 2)}\n`)
  else {
    io.out(`${m.export.done(summary.target)}\n`)
    for (const f of summary.files) io.out(`${m.export.file(f.file, f.bytes, f.width, f.height)}\n`)
  }
  return 0
}

/** The sites asked for, in the order given (--site) or the workspace's (--all), filtered by stage. */
function selectSites(ws: Workspace, values: Values, ctx: CliContext): Site[] {
  const chosen = values.all ? ws.sites : (values.site ?? []).map((ref) => findSite(ws, ref, ctx, 'export'))
  const unique = [...new Map(chosen.map((s) => [s.id, s])).values()]
  const stages = parseStages(values.stage ?? [], ctx.m)
  if (stages.length === 0) return unique
  const events = eventsByOwner(ws)
  const wanted = new Set(stages)
  return unique.filter((s) => wanted.has(siteFilingState(events.get(`site:${s.id}`) ?? []).stage))
}

async function exportSelection(values: Values, ctx: CliContext): Promise<number> {
  const { io, m } = ctx
  if (values.out) throw new UsageError(m.export.outWithMany)
  if (!values['out-dir']) throw new UsageError(m.export.needOutDir)
  if ((values.site ?? []).length === 0 && !values.all) throw new UsageError(m.export.needSite)
  const outDir = resolve(values['out-dir'])
  if (statSync(outDir, { throwIfNoEntry: false })?.isDirectory() === false)
    throw new UsageError(m.export.outDirNotFolder(outDir))
  const { ws, files } = await openDataDir(values['data-dir'], ctx, 'export')
  const selected = selectSites(ws, values, ctx)
  if (selected.length === 0) {
    io.err(`${m.export.noneSelected}\n`)
    return 1
  }
  const batchId = `cli-${randomBytes(6).toString('hex')}`
  const onInterrupt = (): void => {
    io.err(`${m.export.cancelling}\n`)
    cancelExportMany(batchId)
  }
  process.on('SIGINT', onInterrupt)
  let summary: PacketBatchSummary
  try {
    summary = await exportMany(
      ws,
      files,
      {
        batchId,
        siteIds: selected.map((s) => s.id),
        format: values.zip ? 'zip' : 'folder',
        outDir,
        force: values.force === true,
      },
      {
        progress: (p) => {
          if (!values.json) io.err(`${m.export.progress(p.done, p.total, p.siteName, p.ok)}\n`)
        },
      },
    )
  } finally {
    process.off('SIGINT', onInterrupt)
  }
  printSummary(summary, values.json === true, ctx)
  return summary.results.every((r) => r.ok) ? 0 : 1
}

function printSummary(summary: PacketBatchSummary, json: boolean, { io, m }: CliContext): void {
  if (json) {
    io.out(`${JSON.stringify(summary, null, 2)}\n`)
    return
  }
  for (const r of summary.results) {
    if (r.ok) io.out(`${m.export.siteDone(r.siteName, r.target, r.draft)}\n`)
    else {
      io.out(`${m.export.siteRefused(r.siteName, r.error.message)}\n`)
      for (const line of r.error.details ?? []) io.out(`${m.export.detail(line)}\n`)
    }
  }
  const ok = summary.results.filter((r) => r.ok).length
  io.out(`${m.export.total(ok, summary.results.length - ok, summary.outDir, summary.cancelled)}\n`)
}
