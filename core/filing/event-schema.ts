/**
 * Runtime shape of a filing event (stored in the workspace and sent over IPC). Shape only:
 * whether an event may follow the ones before it is decided by stages.ts / record.ts.
 */
import { z } from 'zod'
import { id, text } from '../schema-parts'
import type { YearSchedule } from './calendar'
import {
  FILING_EVENT_KINDS,
  INTERVIEW_MODES,
  type FilingApproval,
  type FilingEvent,
  type InterviewDetails,
} from './events'

export const interviewDetailsSchema = z.object({
  mode: z.enum(INTERVIEW_MODES),
  date: text(10),
  time: text(5),
  place: text(200),
  originals: z.array(text(60)).max(30),
  securityAssessmentSubmitted: z.boolean(),
})

export const filingApprovalSchema = z.object({
  filingNumber: text(40),
  policeUnit: text(120),
})

export const filingEventSchema = z.object({
  id,
  ownerKind: z.enum(['subject', 'site']),
  ownerId: id,
  kind: z.enum(FILING_EVENT_KINDS),
  date: text(10),
  note: text(500),
  operator: text(60),
  recordedAt: text(40),
  interview: interviewDetailsSchema.optional(),
  approval: filingApprovalSchema.optional(),
})

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const agree = <T extends true>(proof?: T): T | undefined => proof
agree<Same<z.infer<typeof interviewDetailsSchema>, InterviewDetails>>()
agree<Same<z.infer<typeof filingApprovalSchema>, FilingApproval>>()
agree<Same<z.infer<typeof filingEventSchema>, FilingEvent>>()

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** A year of holiday dates the user adds (settings), for years chinese-days does not cover. */
export const yearScheduleSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(isoDate).max(120),
    workdays: z.array(isoDate).max(30),
  })
  .refine((y) => [...y.holidays, ...y.workdays].every((d) => Number(d.slice(0, 4)) === y.year), {
    error: '节假日日期必须都在所填的年份内。',
  })
agree<Same<z.infer<typeof yearScheduleSchema>, YearSchedule>>()
