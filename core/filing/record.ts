/**
 * Recording and undoing filing events. Both the renderer (instant feedback) and main (the
 * renderer is not trusted) run these; every refusal is a Chinese sentence saying why.
 */
import type { Site, Subject, Workspace } from '../model'
import { checkFilingNumber } from '../validation/filing-number'
import { parseIsoDate } from '../validation/dates'
import type { FilingApproval, FilingEvent, FilingEventKind, InterviewDetails } from './events'
import { eventsOf, type OwnerRef } from './history'
import {
  isSiteEventKind,
  isSubjectEventKind,
  SITE_EVENT_LABELS,
  SITE_STAGE_LABELS,
  siteRefusal,
  siteStageOf,
  SUBJECT_EVENT_LABELS,
  subjectRefusal,
  subjectStageOf,
} from './stages'

export type FilingEventInput = OwnerRef & {
  kind: FilingEventKind
  date: string
  note?: string
  operator?: string
  interview?: InterviewDetails
  approval?: FilingApproval
}
export type RecordContext = { id: string; now: string; today: string }
export type RecordOutcome =
  { ok: true; workspace: Workspace; event: FilingEvent; warnings: string[] } | { ok: false; errors: string[] }
export type UndoOutcome =
  { ok: true; workspace: Workspace; removed: FilingEvent } | { ok: false; errors: string[] }

type Checked = { errors: string[]; warnings: string[] }
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

const anyLabel = (k: FilingEventKind): string =>
  isSiteEventKind(k) ? SITE_EVENT_LABELS[k] : isSubjectEventKind(k) ? SUBJECT_EVENT_LABELS[k] : k

function kindLabel(input: Pick<FilingEventInput, 'ownerKind' | 'kind'>): string {
  if (input.ownerKind === 'site' && isSiteEventKind(input.kind)) return SITE_EVENT_LABELS[input.kind]
  if (input.ownerKind === 'subject' && isSubjectEventKind(input.kind)) return SUBJECT_EVENT_LABELS[input.kind]
  return input.kind
}

function checkDate(date: string, previous: FilingEvent | undefined, today: string, label: string): string[] {
  if (!parseIsoDate(date) || date.length !== 10) return [`日期“${date}”无效，请按“2026-03-18”的格式填写。`]
  if (date > today) return [`日期 ${date} 晚于今天（${today}），请填写事情实际发生的日期。`]
  if (previous && date < previous.date) {
    return [`日期 ${date} 早于上一条记录（${previous.date}），“${label}”应在它之后，请核对日期。`]
  }
  return []
}

function checkInterview(d: InterviewDetails | undefined, eventDate: string): Checked {
  if (!d) return { errors: ['请填写面审/实地检查的通知：日期、时间、地点和要带的原件。'], warnings: [] }
  const errors: string[] = []
  const warnings: string[] = []
  if (!parseIsoDate(d.date) || d.date.length !== 10)
    errors.push(`面审/实地检查日期“${d.date}”无效，请按“2026-03-18”的格式填写。`)
  else if (d.date < eventDate)
    errors.push(`面审/实地检查日期 ${d.date} 早于收到通知的日期 ${eventDate}，请核对。`)
  if (d.time !== '' && !TIME.test(d.time)) errors.push(`时间“${d.time}”无效，请按 24 小时制填写，如“09:30”。`)
  if (d.place.trim() === '') warnings.push('还没有填写面审/实地检查的地点，请按通知补上。')
  if (d.originals.every((o) => o.trim() === ''))
    warnings.push('还没有列出要带的原件（如营业执照、负责人身份证原件）。')
  if (!d.securityAssessmentSubmitted)
    warnings.push('交互式网站通常需要先通过备案平台提交安全评估报告，请确认。')
  return { errors, warnings }
}

function checkApproval(
  a: FilingApproval | undefined,
  ws: Workspace,
  siteId: string,
): Checked & { digits?: string } {
  if (!a) return { errors: ['请填写公安备案号和备案地公安机关。'], warnings: [] }
  const result = checkFilingNumber(a.filingNumber)
  const errors = result.errors.map((f) => f.message)
  const warnings = result.warnings.map((f) => f.message)
  if (a.policeUnit.trim() === '')
    errors.push('请填写备案地公安机关（审核通过短信或系统消息中的单位，如“北京市公安局朝阳分局”）。')
  const digits = result.valid ? result.normalized : undefined
  if (digits) {
    const other = ws.sites.find(
      (s) =>
        s.id !== siteId &&
        (ws.filingEvents ?? []).some((e) => e.ownerId === s.id && e.approval?.filingNumber === digits),
    )
    if (other)
      errors.push(
        `公安备案号 ${digits} 已记录在网站“${other.name || other.id}”上，每个网站的备案号各不相同，请核对。`,
      )
  }
  return { errors, warnings, digits }
}

function checkSiteEvent(
  ws: Workspace,
  site: Site,
  input: FilingEventInput,
  previous: FilingEvent[],
): Checked {
  if (!isSiteEventKind(input.kind))
    return { errors: [`网站不能记录“${anyLabel(input.kind)}”，这是开办主体的事件。`], warnings: [] }
  const subjectEvents = eventsOf(ws, { ownerKind: 'subject', ownerId: site.subjectId })
  if (subjectStageOf(subjectEvents.map((e) => e.kind)) === 'cancelled') {
    return {
      errors: ['这个网站的开办主体已注销，不能再为它的网站记录事件（记错了可先撤销主体的注销记录）。'],
      warnings: [],
    }
  }
  const stage = siteStageOf(previous.map((e) => e.kind))
  const refusal = siteRefusal(stage, input.kind)
  if (refusal) return { errors: [refusal], warnings: [] }
  if (input.kind === 'interview' && !site.interactive) {
    const why =
      '非交互式网站不需要面审或实地检查；如网站提供论坛、评论、注册发帖等交互服务，请先在网站信息中把“交互式”选为“是”。'
    return { errors: [why], warnings: [] }
  }
  if (input.kind === 'interview') return checkInterview(input.interview, input.date)
  if (input.kind === 'filed') {
    const { errors, warnings } = checkApproval(input.approval, ws, site.id)
    const hadInterview = previous.some((e) => e.kind === 'interview')
    if (site.interactive && !hadInterview && stage !== 'changing') {
      warnings.push('交互式网站通常要经过面审或实地检查才会备案；如已经过，可先补记“面审/实地检查通知”。')
    }
    return { errors, warnings }
  }
  return { errors: [], warnings: [] }
}

const ACTIVE_SITE_STAGES = new Set([
  'submitted',
  'reviewing',
  'returned',
  'interview',
  'filed',
  'badged',
  'changing',
])

function checkSubjectEvent(
  ws: Workspace,
  subject: Subject,
  input: FilingEventInput,
  previous: FilingEvent[],
): Checked {
  if (!isSubjectEventKind(input.kind))
    return { errors: [`开办主体不能记录“${anyLabel(input.kind)}”，这是网站的事件。`], warnings: [] }
  const refusal = subjectRefusal(subjectStageOf(previous.map((e) => e.kind)), input.kind)
  if (refusal) return { errors: [refusal], warnings: [] }
  if (input.kind === 'cancelled') {
    const active = ws.sites
      .filter((s) => s.subjectId === subject.id)
      .map((s) => ({
        s,
        stage: siteStageOf(eventsOf(ws, { ownerKind: 'site', ownerId: s.id }).map((e) => e.kind)),
      }))
      .filter(({ stage }) => ACTIVE_SITE_STAGES.has(stage))
    if (active.length > 0) {
      const names = active
        .map(({ s, stage }) => `“${s.name || s.id}”（${SITE_STAGE_LABELS[stage]}）`)
        .join('、')
      return { errors: [`请先注销或处理完这个主体下的网站再注销主体：${names}。`], warnings: [] }
    }
  }
  return { errors: [], warnings: [] }
}

function buildEvent(input: FilingEventInput, ctx: RecordContext, digits: string | undefined): FilingEvent {
  const event: FilingEvent = {
    id: ctx.id,
    ownerKind: input.ownerKind,
    ownerId: input.ownerId,
    kind: input.kind,
    date: input.date,
    note: (input.note ?? '').trim(),
    operator: (input.operator ?? '').trim(),
    recordedAt: ctx.now,
  }
  if (input.kind === 'interview' && input.interview) {
    const d = input.interview
    const originals = [...new Set(d.originals.map((o) => o.trim()).filter((o) => o !== ''))]
    event.interview = { ...d, place: d.place.trim(), originals }
  }
  if (input.kind === 'filed' && input.approval && digits) {
    event.approval = { filingNumber: digits, policeUnit: input.approval.policeUnit.trim() }
  }
  return event
}

/** Checks an event against the owner's history and appends it; nothing changes on refusal. */
export function recordEvent(ws: Workspace, input: FilingEventInput, ctx: RecordContext): RecordOutcome {
  const site = input.ownerKind === 'site' ? ws.sites.find((s) => s.id === input.ownerId) : undefined
  const subject = input.ownerKind === 'subject' ? ws.subjects.find((s) => s.id === input.ownerId) : undefined
  if (!site && !subject) {
    const what = input.ownerKind === 'site' ? '网站' : '开办主体'
    return { ok: false, errors: [`找不到这个${what}（可能已被删除），请刷新后重试。`] }
  }
  const previous = eventsOf(ws, input)
  const checked = site
    ? checkSiteEvent(ws, site, input, previous)
    : checkSubjectEvent(ws, subject as Subject, input, previous)
  const errors = [...checked.errors]
  if (errors.length === 0) errors.push(...checkDate(input.date, previous.at(-1), ctx.today, kindLabel(input)))
  if (input.kind === 'returned' && (input.note ?? '').trim() === '') {
    errors.push('请在备注里写明退回原因（短信或系统消息里的原文），修改时要用到。')
  }
  if (errors.length > 0) return { ok: false, errors }
  const digits =
    input.kind === 'filed' ? checkFilingNumber(input.approval?.filingNumber ?? '').normalized : undefined
  const event = buildEvent(input, ctx, digits)
  return {
    ok: true,
    workspace: { ...ws, filingEvents: [...(ws.filingEvents ?? []), event] },
    event,
    warnings: checked.warnings,
  }
}

/** Removes the owner's last event (a wrong entry); the stage goes back to the one before. */
export function undoLastEvent(ws: Workspace, owner: OwnerRef): UndoOutcome {
  const last = eventsOf(ws, owner).at(-1)
  if (!last) return { ok: false, errors: ['没有可以撤销的记录。'] }
  return {
    ok: true,
    workspace: { ...ws, filingEvents: (ws.filingEvents ?? []).filter((e) => e !== last) },
    removed: last,
  }
}

/** Drops events whose subject or site no longer exists (after a deletion). */
export function pruneOrphanEvents(ws: Workspace): Workspace {
  if (!ws.filingEvents) return ws
  const sites = new Set(ws.sites.map((s) => s.id))
  const subjects = new Set(ws.subjects.map((s) => s.id))
  const kept = ws.filingEvents.filter((e) => (e.ownerKind === 'site' ? sites : subjects).has(e.ownerId))
  return kept.length === ws.filingEvents.length ? ws : { ...ws, filingEvents: kept }
}
