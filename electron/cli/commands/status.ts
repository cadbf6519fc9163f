/**
 * `beian-desk status --data-dir DIR [--stage …] [--overdue] [--due-within N] [--json]`: the
 * dashboard's rows (the same core function and calendar the app uses), most urgent first.
 */
import { parseArgs } from 'node:util'
import {
  countByStage,
  filterRows,
  sortByUrgency,
  buildRows,
  type SiteRow,
} from '../../../core/filing/dashboard'
import { uncoveredNotice } from '../../../core/filing/deadlines'
import { SITE_STAGE_LABELS, SITE_STAGES, type SiteStage } from '../../../core/filing/stages'
import { localToday } from '../../../core/packet/readiness'
import { workCalendarOf } from '../../main/services/dashboard-export'
import { type CliContext, UsageError } from '../io'
import type { CliMessages } from '../messages'
import { formatTable } from '../table'
import { openDataDir } from '../workspace'

/** Stage keys, or their Chinese labels; several with commas or a repeated --stage. */
export function parseStages(values: readonly string[], m: CliMessages): SiteStage[] {
  const byLabel = new Map<string, SiteStage>(SITE_STAGES.map((s) => [SITE_STAGE_LABELS[s], s]))
  const out = new Set<SiteStage>()
  for (const part of values.flatMap((v) => v.split(/[,，、]/))) {
    const text = part.trim()
    if (text === '') continue
    const key = text.toLowerCase()
    const stage = (SITE_STAGES as readonly string[]).includes(key) ? (key as SiteStage) : byLabel.get(text)
    if (!stage) throw new UsageError(m.status.badStage(text, SITE_STAGES.join(', ')))
    out.add(stage)
  }
  return [...out]
}

function parseDays(value: string | undefined, m: CliMessages): number | null {
  if (value === undefined) return null
  if (!/^\d{1,5}$/.test(value.trim())) throw new UsageError(m.status.badDays(value))
  return Number(value.trim())
}

const jsonRow = (r: SiteRow) => ({
  siteId: r.siteId,
  subjectId: r.subjectId,
  client: r.client,
  site: r.site,
  domain: r.domain,
  icpNumber: r.icpNumber,
  filingNumber: r.filingNumber,
  stage: r.stage,
  stageLabel: r.stageLabel,
  next: r.next
    ? {
        kind: r.next.kind,
        label: r.next.label,
        date: r.next.date,
        daysLeft: r.next.daysLeft,
        soft: r.next.soft,
      }
    : null,
  urgency: r.urgency,
  materials: r.readiness ? { ready: r.readiness.materialsReady, total: r.readiness.materialsTotal } : null,
  findings: r.readiness ? { errors: r.readiness.errors, warnings: r.readiness.warnings } : null,
  lastEvent: r.lastEventLabel,
})

function tableCells(r: SiteRow, m: CliMessages): string[] {
  const s = m.status
  const ready = r.readiness
  return [
    r.client.trim() || m.list.unnamed,
    r.site.trim() || m.list.unnamed,
    r.domain || s.none,
    r.icpNumber || s.none,
    m.stages[r.stage],
    r.next ? s.deadline(r.next.kind, r.next.label, r.next.date) : s.none,
    r.next ? s.daysLeft(r.next.daysLeft) : s.none,
    ready ? `${ready.materialsReady}/${ready.materialsTotal}` : s.none,
    ready ? s.findings(ready.errors, ready.warnings) : s.none,
  ]
}

export async function statusCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      stage: { type: 'string', multiple: true },
      overdue: { type: 'boolean' },
      'due-within': { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  const { io, m } = ctx
  const stages = parseStages(values.stage ?? [], m)
  const within = parseDays(values['due-within'], m)
  const { ws, settings } = await openDataDir(values['data-dir'], ctx, 'status')
  const today = localToday()
  const all = buildRows(ws, today, workCalendarOf(settings))
  const filtered = filterRows(all, { stages, ...(values.overdue ? { due: 'overdue' as const } : {}) })
  const rows = sortByUrgency(
    within === null ? filtered : filtered.filter((r) => r.next && r.next.daysLeft <= within),
  )
  const counts = countByStage(rows)
  const overdue = rows.filter((r) => r.urgency === 'overdue').length
  const week = rows.filter((r) => r.next && r.next.daysLeft >= 0 && r.next.daysLeft <= 7).length
  if (values.json) {
    const payload = {
      today,
      total: all.length,
      shown: rows.length,
      overdue,
      dueWithinWeek: week,
      counts,
      rows: rows.map(jsonRow),
    }
    io.out(`${JSON.stringify(payload, null, 2)}\n`)
    return 0
  }
  if (rows.length === 0) io.out(`${m.status.empty}\n`)
  else
    io.out(
      `${formatTable(
        m.status.headers,
        rows.map((r) => tableCells(r, m)),
      ).join('\n')}\n`,
    )
  const byStage = SITE_STAGES.filter((s) => counts[s] > 0)
    .map((s) => m.status.stageCount(m.stages[s], counts[s]))
    .join(ctx.lang === 'en' ? ', ' : '，')
  io.out(`${m.status.summary(rows.length, all.length, overdue, week, byStage || m.status.none)}\n`)
  const years = [...new Set(rows.flatMap((r) => r.deadlines.flatMap((d) => d.uncoveredYears)))].sort()
  const notice = uncoveredNotice(years)
  if (notice) io.err(`${notice}\n`)
  return 0
}
