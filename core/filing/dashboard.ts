/**
 * The filing desk's table as data: one row per site across all subjects with its stage, next
 * deadline, readiness and last event; search, filters, urgency order, counts per stage and the
 * "today" list. Pure, so the renderer filters instantly and the CLI/benchmarks reuse it.
 */
import type { Site, Subject, Workspace } from '../model'
import { cachedReadiness } from './dashboard-readiness'
import type { WorkCalendar } from './calendar'
import { nextDeadline, siteDeadlines, urgencyOf, type Deadline, type Urgency } from './deadlines'
import type { FilingEvent } from './events'
import { eventsByOwner, siteFilingState, subjectFilingState } from './history'
import {
  isSiteEventKind,
  SITE_EVENT_LABELS,
  SITE_STAGE_LABELS,
  SITE_STAGES,
  type SiteStage,
  type SubjectStage,
} from './stages'

export type SiteRow = {
  siteId: string
  subjectId: string
  client: string
  site: string
  domain: string
  icpNumber: string
  filingNumber: string
  stage: SiteStage
  stageLabel: string
  subjectStage: SubjectStage
  deadlines: Deadline[]
  next: Deadline | null
  urgency: Urgency
  /** Materials and findings; null while not computed yet (the renderer fills it in chunks). */
  readiness: Readiness | null
  lastEvent: FilingEvent | null
  lastEventLabel: string
  /** Lower-cased text searched by substring. */
  haystack: string
  /** ID numbers (upper-case) matched by their last digits. */
  idNumbers: string[]
}

export type Readiness = { materialsReady: number; materialsTotal: number; errors: number; warnings: number }
export type ReadinessOf = (ws: Workspace, site: Site, subject: Subject) => Readiness

function idNumbersOf(subject: Subject, site: Site): string[] {
  const ids = [subject.certNumber, subject.principal.idNumber]
  if (!site.securityOfficer.sameAsPrincipal) ids.push(site.securityOfficer.person.idNumber)
  if (!site.emergencyContact.sameAsPrincipal) ids.push(site.emergencyContact.person.idNumber)
  return [...new Set(ids.map((s) => s.trim().toUpperCase()).filter((s) => s.length >= 4))]
}

export function buildRows(
  ws: Workspace,
  today: string,
  cal: WorkCalendar,
  readinessOf: ReadinessOf | null = cachedReadiness(ws, today),
): SiteRow[] {
  const subjects = new Map(ws.subjects.map((s) => [s.id, s]))
  const events = eventsByOwner(ws)
  const rows: SiteRow[] = []
  for (const site of ws.sites) {
    const subject = subjects.get(site.subjectId)
    if (!subject) continue
    const state = siteFilingState(events.get(`site:${site.id}`) ?? [])
    const deadlines = siteDeadlines(site, state, today, cal)
    const next = nextDeadline(deadlines)
    const domain = site.hasOwnDomain ? site.mainDomain : site.homeUrl
    const filingNumber = state.filingNumber ?? ''
    const last = state.lastEvent
    rows.push({
      siteId: site.id,
      subjectId: subject.id,
      client: subject.name,
      site: site.name,
      domain,
      icpNumber: site.icpNumber,
      filingNumber,
      stage: state.stage,
      stageLabel: SITE_STAGE_LABELS[state.stage],
      subjectStage: subjectFilingState(events.get(`subject:${subject.id}`) ?? []).stage,
      deadlines,
      next,
      urgency: urgencyOf(next),
      readiness: readinessOf ? readinessOf(ws, site, subject) : null,
      lastEvent: last,
      lastEventLabel: last
        ? `${last.date} ${isSiteEventKind(last.kind) ? SITE_EVENT_LABELS[last.kind] : last.kind}`
        : '',
      haystack: [subject.name, site.name, domain, ...site.extraDomains, site.icpNumber, filingNumber]
        .join('\n')
        .toLowerCase(),
      idNumbers: idNumbersOf(subject, site),
    })
  }
  return rows
}

export type RowFilter = {
  query?: string
  stages?: readonly SiteStage[]
  subjectIds?: readonly string[]
  /** 'overdue': past a deadline; 'week': due within 7 days (overdue included). */
  due?: 'overdue' | 'week'
}

/** Search: substring of client, site, domains, ICP or 公安 number; ≥4 characters also match an ID number's tail. */
export function matchesQuery(row: SiteRow, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (q === '') return true
  if (row.haystack.includes(q)) return true
  const upper = q.toUpperCase()
  return upper.length >= 4 && row.idNumbers.some((id) => id.endsWith(upper))
}

export function filterRows(rows: readonly SiteRow[], f: RowFilter): SiteRow[] {
  const stages = f.stages && f.stages.length > 0 ? new Set(f.stages) : null
  const subjects = f.subjectIds && f.subjectIds.length > 0 ? new Set(f.subjectIds) : null
  return rows.filter((r) => {
    if (stages && !stages.has(r.stage)) return false
    if (subjects && !subjects.has(r.subjectId)) return false
    if (f.due === 'overdue' && r.urgency !== 'overdue') return false
    if (f.due === 'week' && !(r.next && r.next.daysLeft <= 7)) return false
    return matchesQuery(r, f.query ?? '')
  })
}

/** Most urgent first: by days left (overdue the most first), then sites without a deadline; ties by client and site. */
export function compareUrgency(a: SiteRow, b: SiteRow): number {
  const da = a.next ? a.next.daysLeft : Number.POSITIVE_INFINITY
  const db = b.next ? b.next.daysLeft : Number.POSITIVE_INFINITY
  if (da !== db) return da < db ? -1 : 1
  return a.client.localeCompare(b.client, 'zh-CN') || a.site.localeCompare(b.site, 'zh-CN')
}

export function sortByUrgency(rows: readonly SiteRow[]): SiteRow[] {
  return [...rows].sort(compareUrgency)
}

export function countByStage(rows: readonly SiteRow[]): Record<SiteStage, number> {
  const counts = Object.fromEntries(SITE_STAGES.map((s) => [s, 0])) as Record<SiteStage, number>
  for (const r of rows) counts[r.stage]++
  return counts
}

export type TodayItem = { row: SiteRow; deadline: Deadline }

/** What is overdue or due within `horizon` days, across every site, most urgent first. */
export function todayList(rows: readonly SiteRow[], horizon = 0): TodayItem[] {
  const items: TodayItem[] = []
  for (const row of rows)
    for (const d of row.deadlines) if (d.daysLeft <= horizon) items.push({ row, deadline: d })
  return items.sort(
    (a, b) => a.deadline.daysLeft - b.deadline.daysLeft || a.row.client.localeCompare(b.row.client, 'zh-CN'),
  )
}
