/** Reading the filing history out of a workspace: an owner's events and what they add up to. */
import type { Workspace } from '../model'
import type { FilingEvent, InterviewDetails } from './events'
import { siteStageOf, subjectStageOf, type SiteStage, type SubjectStage } from './stages'

export type OwnerRef = { ownerKind: 'subject' | 'site'; ownerId: string }

/** The owner's events, oldest first (the order they were recorded in). */
export function eventsOf(ws: Pick<Workspace, 'filingEvents'>, owner: OwnerRef): FilingEvent[] {
  return (ws.filingEvents ?? []).filter((e) => e.ownerKind === owner.ownerKind && e.ownerId === owner.ownerId)
}

/** Every owner's events at once, oldest first (one pass, for the dashboard). */
export function eventsByOwner(ws: Pick<Workspace, 'filingEvents'>): Map<string, FilingEvent[]> {
  const out = new Map<string, FilingEvent[]>()
  for (const e of ws.filingEvents ?? []) {
    const key = `${e.ownerKind}:${e.ownerId}`
    const list = out.get(key)
    if (list) list.push(e)
    else out.set(key, [e])
  }
  return out
}

export const ownerKey = (owner: OwnerRef): string => `${owner.ownerKind}:${owner.ownerId}`

/** What a site's events add up to. */
export type SiteFilingState = {
  stage: SiteStage
  events: FilingEvent[]
  lastEvent: FilingEvent | null
  /** The latest submission (已提交) date. */
  submittedOn: string | null
  /** The interview notice in force (stage 待面审/实地检查). */
  interview: InterviewDetails | null
  /** 公安备案号 (14 digits), 备案地公安机关 and the date the current number was issued. */
  filingNumber: string | null
  policeUnit: string | null
  filedOn: string | null
  /** The reason of the return in force (stage 退回). */
  returnReason: string | null
}

export function siteFilingState(events: readonly FilingEvent[]): SiteFilingState {
  const stage = siteStageOf(events.map((e) => e.kind))
  const last = events.at(-1) ?? null
  let submittedOn: string | null = null
  let filingNumber: string | null = null
  let policeUnit: string | null = null
  let filedOn: string | null = null
  for (const e of events) {
    if (e.kind === 'submitted') submittedOn = e.date
    if (e.kind === 'filed' && e.approval) {
      // A change that keeps the number keeps the date the number was first issued.
      if (e.approval.filingNumber !== filingNumber) filedOn = e.date
      filingNumber = e.approval.filingNumber
      policeUnit = e.approval.policeUnit
    }
  }
  return {
    stage,
    events: [...events],
    lastEvent: last,
    submittedOn,
    interview: stage === 'interview' ? (last?.interview ?? null) : null,
    filingNumber,
    policeUnit,
    filedOn,
    returnReason: stage === 'returned' ? (last?.note ?? null) : null,
  }
}

export type SubjectFilingState = { stage: SubjectStage; events: FilingEvent[]; lastEvent: FilingEvent | null }

export function subjectFilingState(events: readonly FilingEvent[]): SubjectFilingState {
  return {
    stage: subjectStageOf(events.map((e) => e.kind)),
    events: [...events],
    lastEvent: events.at(-1) ?? null,
  }
}
