/** Filing-desk test data: synthetic subjects and sites, events on increasing dates. */
import { addDays } from '../../../core/validation/dates'
import type { FilingEvent, FilingEventKind } from '../../../core/filing/events'
import { recordEvent, type FilingEventInput, type RecordOutcome } from '../../../core/filing/record'
import type { SiteEventKind, SiteStage, SubjectEventKind, SubjectStage } from '../../../core/filing/stages'
import type { Site, Subject, Workspace } from '../../../core/model'
import { makeIndividual, makeSite } from '../../support/factories'

export const TODAY = '2026-12-07'
export const FIRST_DAY = '2026-11-02'

/** A valid 公安备案号 for Beijing 朝阳 with sequence n. */
export const filingNumber = (n = 1): string => `1101050200${String(n).padStart(4, '0')}`

export function desk(siteOver: Partial<Site> = {}): { ws: Workspace; subject: Subject; site: Site } {
  const subject = makeIndividual()
  const site = makeSite(subject.id, siteOver)
  return { ws: { subjects: [subject], sites: [site], materials: [] }, subject, site }
}

let seq = 0
/** A complete input for `kind` (reason, interview notice, number) that the rules accept. */
export function inputFor(
  owner: Pick<FilingEventInput, 'ownerKind' | 'ownerId'>,
  kind: FilingEventKind,
  date: string,
  over: Partial<FilingEventInput> = {},
): FilingEventInput {
  const base: FilingEventInput = { ...owner, kind, date, note: '', operator: '王经办' }
  if (kind === 'returned') base.note = '网站负责人手机号与实名不符'
  if (kind === 'interview') {
    base.interview = {
      mode: 'interview',
      date: addDays(date, 2),
      time: '09:30',
      place: '朝阳分局网安大队',
      originals: ['营业执照原件', '负责人身份证原件'],
      securityAssessmentSubmitted: true,
    }
  }
  if (kind === 'filed')
    base.approval = { filingNumber: filingNumber(++seq), policeUnit: '北京市公安局朝阳分局' }
  return { ...base, ...over }
}

/** Records an event with a fresh id; `today` defaults to TODAY. */
export function rec(ws: Workspace, input: FilingEventInput, today = TODAY): RecordOutcome {
  seq++
  return recordEvent(ws, input, {
    id: `ev${seq}`,
    now: `2026-12-07T08:00:${String(seq % 60).padStart(2, '0')}Z`,
    today,
  })
}

/** Records kinds in order, one day apart from FIRST_DAY; throws on any refusal. */
export function play(
  ws: Workspace,
  owner: Pick<FilingEventInput, 'ownerKind' | 'ownerId'>,
  kinds: readonly FilingEventKind[],
): Workspace {
  let next = ws
  kinds.forEach((kind, i) => {
    const out = rec(next, inputFor(owner, kind, addDays(FIRST_DAY, i)))
    if (!out.ok) throw new Error(`${kind}: ${out.errors.join(' ')}`)
    next = out.workspace
  })
  return next
}

/** One event path that reaches each site stage (interactive site). */
export const SITE_PATHS: Record<SiteStage, readonly SiteEventKind[]> = {
  preparing: [],
  submitted: ['submitted'],
  reviewing: ['submitted', 'reviewing'],
  returned: ['submitted', 'reviewing', 'returned'],
  interview: ['submitted', 'reviewing', 'interview'],
  filed: ['submitted', 'reviewing', 'interview', 'filed'],
  badged: ['submitted', 'reviewing', 'interview', 'filed', 'badged'],
  changing: ['submitted', 'reviewing', 'interview', 'filed', 'badged', 'change'],
  cancelled: ['submitted', 'reviewing', 'interview', 'filed', 'cancelled'],
}

export const SUBJECT_PATHS: Record<SubjectStage, readonly SubjectEventKind[]> = {
  unsubmitted: [],
  reviewing: ['submitted'],
  returned: ['submitted', 'returned'],
  approved: ['submitted', 'approved'],
  changing: ['submitted', 'approved', 'change'],
  cancelled: ['submitted', 'approved', 'cancelled'],
}

export const kindsOf = (ws: Workspace, ownerId: string): FilingEventKind[] =>
  (ws.filingEvents ?? []).filter((e: FilingEvent) => e.ownerId === ownerId).map((e) => e.kind)
