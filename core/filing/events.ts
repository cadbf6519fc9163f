/**
 * The filing desk's record: what happened to a subject's or a site's filing, as dated events.
 * Pure data; the stage machine that decides which event may follow which is in stages.ts.
 *
 * Events live in `Workspace.filingEvents` (like materials, keyed by owner), not inside Site or
 * Subject, so the subject and site forms, which rebuild those records from their fields, can
 * never drop a filing's history when they save.
 */

/** What can be recorded. Which kinds apply to subjects and which to sites: see stages.ts. */
export const FILING_EVENT_KINDS = [
  'submitted', // 已提交 (site) / 提交审核 (subject)
  'reviewing', // 审核中 (site: the portal shows review started, the 网安 unit phoned…)
  'returned', // 退回 (reason in the note)
  'interview', // 待面审 / 实地检查 (interactive sites)
  'approved', // 审核通过, 正式主体 (subject)
  'filed', // 已备案: 公安备案号 issued (site)
  'badged', // 已挂标: the badge is on the home page (site)
  'change', // 变更
  'cancelled', // 注销
] as const
export type FilingEventKind = (typeof FILING_EVENT_KINDS)[number]

/** 面审 (originals shown at the police office) or 实地检查 (on-site security check). */
export const INTERVIEW_MODES = ['interview', 'inspection'] as const
export type InterviewMode = (typeof INTERVIEW_MODES)[number]

/** The notice of an interactive site's 面审 / 实地检查. */
export type InterviewDetails = {
  mode: InterviewMode
  /** YYYY-MM-DD */
  date: string
  /** HH:mm, or '' when not notified yet. */
  time: string
  place: string
  /** The originals to bring (营业执照原件, 负责人身份证原件…). */
  originals: string[]
  /** 安全评估报告 submitted through the portal. */
  securityAssessmentSubmitted: boolean
}

/** What an approval carries: 公安备案号 (14 digits) and the 备案地公安机关. */
export type FilingApproval = {
  filingNumber: string
  policeUnit: string
}

/** One dated event of a subject's or a site's filing. */
export type FilingEvent = {
  id: string
  ownerKind: 'subject' | 'site'
  ownerId: string
  kind: FilingEventKind
  /** The day it happened (YYYY-MM-DD); for `filed` the approval date. */
  date: string
  /** Free text; required reason for `returned`. */
  note: string
  /** Who recorded it (free text, for agencies with several staff). */
  operator: string
  /** ISO time of recording (orders events of the same day). */
  recordedAt: string
  /** Only on `interview`. */
  interview?: InterviewDetails
  /** Only on `filed`. */
  approval?: FilingApproval
}
