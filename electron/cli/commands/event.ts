/**
 * `beian-desk event --data-dir DIR --site SITE --stage EVENT [--date …] [--note …] …` records a
 * filing event of a site through the filing service main uses (stage machine, dates, 公安备案号
 * re-checked); `--undo` removes the site's last event. Opens the store as a writer.
 */
import { parseArgs } from 'node:util'
import type { FilingEvent, InterviewDetails } from '../../../core/filing/events'
import { siteFilingState, eventsOf } from '../../../core/filing/history'
import type { FilingEventInput } from '../../../core/filing/record'
import {
  SITE_EVENT_KINDS,
  SITE_EVENT_LABELS,
  SITE_STAGE_LABELS,
  SITE_TARGET,
  type SiteEventKind,
} from '../../../core/filing/stages'
import type { Site } from '../../../core/model'
import { localToday } from '../../../core/packet/readiness'
import { AppFailure } from '../../main/services/app-error'
import { createFilingService } from '../../main/services/filing'
import { createWorkspaceRepo } from '../../main/services/workspace-repo'
import { type CliContext, UsageError } from '../io'
import type { CliMessages } from '../messages'
import { findSite } from '../site-ref'
import { withWriter } from '../workspace'

/** An event kind, the stage it leads to (changing → change), or either's Chinese label. */
export function parseEventKind(value: string, m: CliMessages): SiteEventKind {
  const text = value.trim()
  const key = text.toLowerCase()
  for (const kind of SITE_EVENT_KINDS) {
    if (key === kind || key === SITE_TARGET[kind]) return kind
    if (text === SITE_EVENT_LABELS[kind] || text === SITE_STAGE_LABELS[SITE_TARGET[kind]]) return kind
  }
  throw new UsageError(m.event.badStage(value, SITE_EVENT_KINDS.join(', ')), 'event')
}

type Values = {
  stage?: string | undefined
  date?: string | undefined
  note?: string | undefined
  operator?: string | undefined
  'filing-number'?: string | undefined
  police?: string | undefined
  'interview-date'?: string | undefined
  'interview-time'?: string | undefined
  place?: string | undefined
  bring?: string[] | undefined
  inspection?: boolean | undefined
  'assessment-submitted'?: boolean | undefined
}

function interviewOf(v: Values, kind: SiteEventKind): InterviewDetails | undefined {
  const given = v['interview-date'] ?? v['interview-time'] ?? v.place ?? v.bring
  if (kind !== 'interview' && given === undefined) return undefined
  if (kind === 'interview' && v['interview-date'] === undefined) return undefined
  return {
    mode: v.inspection ? 'inspection' : 'interview',
    date: (v['interview-date'] ?? '').trim(),
    time: (v['interview-time'] ?? '').trim(),
    place: (v.place ?? '').trim(),
    originals: (v.bring ?? []).map((o) => o.trim()).filter((o) => o !== ''),
    securityAssessmentSubmitted: v['assessment-submitted'] ?? false,
  }
}

function inputOf(site: Site, kind: SiteEventKind, v: Values): FilingEventInput {
  const interview = interviewOf(v, kind)
  const approval =
    v['filing-number'] !== undefined || v.police !== undefined
      ? { filingNumber: (v['filing-number'] ?? '').trim(), policeUnit: (v.police ?? '').trim() }
      : undefined
  return {
    ownerKind: 'site',
    ownerId: site.id,
    kind,
    date: (v.date ?? localToday()).trim(),
    ...(v.note !== undefined ? { note: v.note.trim() } : {}),
    ...(v.operator !== undefined ? { operator: v.operator.trim() } : {}),
    ...(interview ? { interview } : {}),
    ...(approval ? { approval } : {}),
  }
}

const labelOf = (e: FilingEvent): string => (SITE_EVENT_LABELS as Record<string, string>)[e.kind] ?? e.kind

export async function eventCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      site: { type: 'string' },
      stage: { type: 'string' },
      date: { type: 'string' },
      note: { type: 'string' },
      operator: { type: 'string' },
      'filing-number': { type: 'string' },
      police: { type: 'string' },
      'interview-date': { type: 'string' },
      'interview-time': { type: 'string' },
      place: { type: 'string' },
      bring: { type: 'string', multiple: true },
      inspection: { type: 'boolean' },
      'assessment-submitted': { type: 'boolean' },
      undo: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  const { io, m } = ctx
  if (!values.site) throw new UsageError(m.event.needSite)
  if (values.undo && values.stage !== undefined) throw new UsageError(m.event.undoWithStage)
  if (!values.undo && values.stage === undefined)
    throw new UsageError(m.event.needStage(SITE_EVENT_KINDS.join(', ')))
  const kind = values.undo ? null : parseEventKind(values.stage ?? '', m)
  const siteRef = values.site
  return withWriter(values['data-dir'], ctx, 'event', (store) => {
    const repo = createWorkspaceRepo(store)
    const site = findSite(repo.workspace(), siteRef, ctx, 'event')
    const filing = createFilingService(repo)
    const name = site.name.trim() || site.mainDomain || site.id
    try {
      const change = kind
        ? filing.record(inputOf(site, kind, values))
        : filing.undo({ ownerKind: 'site', ownerId: site.id })
      const stage = siteFilingState(eventsOf(repo.workspace(), { ownerKind: 'site', ownerId: site.id })).stage
      if (values.json) {
        const payload = {
          siteId: site.id,
          undone: !kind,
          event: change.event,
          warnings: change.warnings,
          stage,
        }
        io.out(`${JSON.stringify(payload, null, 2)}\n`)
        return 0
      }
      const line = kind ? m.event.recorded : m.event.undone
      io.out(`${line(name, labelOf(change.event), change.event.date)}\n`)
      io.out(`${m.event.stageNow(m.stages[stage])}\n`)
      for (const w of change.warnings) io.out(`${m.event.warning(w)}\n`)
      return 0
    } catch (error) {
      if (!(error instanceof AppFailure) || !error.code.startsWith('filing/')) throw error
      const reasons = error.details && error.details.length > 0 ? error.details : [error.message]
      for (const r of reasons) io.err(`${m.event.refused(r)}\n`)
      return 1
    }
  })
}
