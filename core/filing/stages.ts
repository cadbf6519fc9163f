/**
 * The stage machines of a filing. A subject (开办主体) and a site (网站) each move through
 * stages by dated events; the current stage is the one the last event leads to. Which event
 * may follow which stage is the table below; `refusal` explains, in Chinese, why an event
 * cannot be recorded now and what can.
 */
import type { FilingEventKind } from './events'

/** 开办主体 stages: 未提交 → 审核中 → 已通过 (正式主体) | 退回 → 变更中 / 已注销. */
export const SUBJECT_STAGES = [
  'unsubmitted',
  'reviewing',
  'returned',
  'approved',
  'changing',
  'cancelled',
] as const
export type SubjectStage = (typeof SUBJECT_STAGES)[number]

/**
 * 网站 stages: 准备中 → 已提交 → 审核中 → 退回 | 待面审/实地检查 (interactive) → 已备案 → 已挂标 →
 * 变更中 / 已注销. 准备中 is the stage before any event; how ready it is comes from readiness.ts.
 */
export const SITE_STAGES = [
  'preparing',
  'submitted',
  'reviewing',
  'returned',
  'interview',
  'filed',
  'badged',
  'changing',
  'cancelled',
] as const
export type SiteStage = (typeof SITE_STAGES)[number]

export const SUBJECT_EVENT_KINDS = ['submitted', 'approved', 'returned', 'change', 'cancelled'] as const
export type SubjectEventKind = (typeof SUBJECT_EVENT_KINDS)[number]
export const SITE_EVENT_KINDS = [
  'submitted',
  'reviewing',
  'returned',
  'interview',
  'filed',
  'badged',
  'change',
  'cancelled',
] as const
export type SiteEventKind = (typeof SITE_EVENT_KINDS)[number]

export const SUBJECT_STAGE_LABELS: Record<SubjectStage, string> = {
  unsubmitted: '未提交',
  reviewing: '审核中',
  returned: '退回',
  approved: '已通过（正式主体）',
  changing: '变更中',
  cancelled: '已注销',
}
export const SITE_STAGE_LABELS: Record<SiteStage, string> = {
  preparing: '准备中',
  submitted: '已提交',
  reviewing: '审核中',
  returned: '退回',
  interview: '待面审/实地检查',
  filed: '已备案',
  badged: '已挂标',
  changing: '变更中',
  cancelled: '已注销',
}
export const SUBJECT_EVENT_LABELS: Record<SubjectEventKind, string> = {
  submitted: '提交审核',
  approved: '审核通过',
  returned: '退回',
  change: '申请变更',
  cancelled: '注销',
}
export const SITE_EVENT_LABELS: Record<SiteEventKind, string> = {
  submitted: '已提交',
  reviewing: '审核中',
  returned: '退回',
  interview: '面审/实地检查通知',
  filed: '已备案（取得备案号）',
  badged: '已挂标',
  change: '申请变更',
  cancelled: '注销',
}

export const SUBJECT_TARGET: Record<SubjectEventKind, SubjectStage> = {
  submitted: 'reviewing',
  approved: 'approved',
  returned: 'returned',
  change: 'changing',
  cancelled: 'cancelled',
}
export const SITE_TARGET: Record<SiteEventKind, SiteStage> = {
  submitted: 'submitted',
  reviewing: 'reviewing',
  returned: 'returned',
  interview: 'interview',
  filed: 'filed',
  badged: 'badged',
  change: 'changing',
  cancelled: 'cancelled',
}

/** What may be recorded in each stage. */
export const SUBJECT_TRANSITIONS: Record<SubjectStage, readonly SubjectEventKind[]> = {
  unsubmitted: ['submitted'],
  reviewing: ['approved', 'returned'],
  returned: ['submitted'],
  approved: ['change', 'cancelled'],
  changing: ['approved', 'returned', 'cancelled'],
  cancelled: [],
}
export const SITE_TRANSITIONS: Record<SiteStage, readonly SiteEventKind[]> = {
  preparing: ['submitted'],
  submitted: ['reviewing', 'returned', 'interview', 'filed'],
  reviewing: ['returned', 'interview', 'filed'],
  returned: ['submitted'],
  // A rescheduled 面审 is a new interview event.
  interview: ['interview', 'returned', 'filed'],
  filed: ['badged', 'change', 'cancelled'],
  badged: ['change', 'cancelled'],
  changing: ['reviewing', 'returned', 'filed', 'cancelled'],
  cancelled: [],
}

export const isSubjectEventKind = (k: FilingEventKind): k is SubjectEventKind =>
  (SUBJECT_EVENT_KINDS as readonly string[]).includes(k)
export const isSiteEventKind = (k: FilingEventKind): k is SiteEventKind =>
  (SITE_EVENT_KINDS as readonly string[]).includes(k)

/** The stage a list of an owner's events (oldest first) leads to. */
export function subjectStageOf(kinds: readonly FilingEventKind[]): SubjectStage {
  const last = kinds.at(-1)
  return last !== undefined && isSubjectEventKind(last) ? SUBJECT_TARGET[last] : 'unsubmitted'
}
export function siteStageOf(kinds: readonly FilingEventKind[]): SiteStage {
  const last = kinds.at(-1)
  return last !== undefined && isSiteEventKind(last) ? SITE_TARGET[last] : 'preparing'
}

const quote = (s: string) => `“${s}”`
const list = (labels: readonly string[]) => labels.map(quote).join('、')

function nextHint(allowed: readonly string[]): string {
  return allowed.length === 0 ? '' : `现在可以记录：${list(allowed)}。`
}

const SITE_REASONS: Partial<Record<SiteEventKind, Partial<Record<SiteStage, string>>>> = {
  submitted: {
    submitted: '这个网站已记录为已提交，正在等待审核；如被退回，请先记录“退回”再重新提交。',
    reviewing: '这个网站正在审核中，不需要再次提交；如被退回，请先记录“退回”再重新提交。',
    interview: '这个网站在等待面审/实地检查，不需要再次提交。',
    filed: '这个网站已经备案，不能再次提交；信息有变化请记录“申请变更”。',
    badged: '这个网站已经备案并挂标，不能再次提交；信息有变化请记录“申请变更”。',
    changing: '变更申请已在办理中，不需要再次提交。',
  },
  returned: {
    preparing: '网站还没有提交，不会被退回：请先记录“已提交”。',
    returned: '已经记录过退回：修改后请记录“已提交”（重新提交）。',
    filed: '网站已经备案，不会再被退回；信息有变化请记录“申请变更”。',
    badged: '网站已经备案，不会再被退回；信息有变化请记录“申请变更”。',
  },
  reviewing: {
    preparing: '网站还没有提交，不会进入审核：请先记录“已提交”。',
    returned: '被退回的网站要先重新提交（记录“已提交”）才会再次审核。',
  },
  interview: {
    preparing: '网站还没有提交，不会有面审或实地检查通知：请先记录“已提交”。',
    returned: '被退回的网站要先重新提交（记录“已提交”）。',
    filed: '网站已经备案，面审或实地检查已经过去。',
    badged: '网站已经备案，面审或实地检查已经过去。',
  },
  filed: {
    preparing: '网站还没有提交，不能直接记为已备案：请先记录“已提交”。',
    returned: '网站被退回了，要重新提交并审核通过后才能记为已备案。',
    filed: '已经记录了备案号；号码有误请撤销上一条记录后重新填写。',
    badged: '网站已经备案并挂标；号码有变化请先记录“申请变更”。',
  },
  badged: {
    preparing: '还没有公安备案号，不能记为已挂标：请先提交，审核通过后记录“已备案”和备案号。',
    submitted: '还没有公安备案号，不能记为已挂标：审核通过后请先记录“已备案”和备案号。',
    reviewing: '还没有公安备案号，不能记为已挂标：审核通过后请先记录“已备案”和备案号。',
    returned: '网站被退回了，还没有公安备案号，不能记为已挂标。',
    interview: '面审/实地检查还没有结果，不能记为已挂标：通过后请先记录“已备案”和备案号。',
    badged: '已经记录过挂标。',
    changing: '变更还在办理中：变更通过后请先记录“已备案”，再记录挂标。',
  },
  change: {
    preparing: '网站还没有备案，不能申请变更：未提交前直接修改网站信息即可。',
    submitted: '网站还没有备案，不能申请变更：审核期间有错误请等待结果，被退回后修改再提交。',
    reviewing: '网站还没有备案，不能申请变更：审核期间有错误请等待结果，被退回后修改再提交。',
    returned: '网站还没有备案，不能申请变更：请直接修改网站信息后重新提交。',
    interview: '网站还没有备案，不能申请变更。',
    changing: '变更申请已在办理中。',
  },
  cancelled: {
    preparing: '网站还没有备案，没有可注销的备案：不再需要时可直接删除网站。',
    submitted: '网站还没有备案，不能注销：审核结束后再处理。',
    reviewing: '网站还没有备案，不能注销：审核结束后再处理。',
    returned: '网站还没有备案，没有可注销的备案：不再需要时可直接删除网站。',
    interview: '网站还没有备案，不能注销。',
  },
}

const SUBJECT_REASONS: Partial<Record<SubjectEventKind, Partial<Record<SubjectStage, string>>>> = {
  submitted: {
    reviewing: '开办主体已提交，正在审核中；如被退回，请先记录“退回”再重新提交。',
    approved: '开办主体已审核通过（正式主体），不需要再次提交；信息有变化请记录“申请变更”。',
    changing: '变更申请已在办理中，不需要再次提交。',
  },
  approved: {
    unsubmitted: '开办主体还没有提交，不能记为审核通过：请先记录“提交审核”。',
    returned: '开办主体被退回了，要重新提交后才能审核通过。',
    approved: '开办主体已经是正式主体。',
  },
  returned: {
    unsubmitted: '开办主体还没有提交，不会被退回：请先记录“提交审核”。',
    returned: '已经记录过退回：修改后请记录“提交审核”（重新提交）。',
    approved: '开办主体已审核通过，不会再被退回；信息有变化请记录“申请变更”。',
  },
  change: {
    unsubmitted: '开办主体还没有审核通过，不能申请变更：直接修改主体信息即可。',
    reviewing: '开办主体还在审核中，不能申请变更：被退回后修改再提交。',
    returned: '开办主体还没有审核通过，不能申请变更：请直接修改后重新提交。',
    changing: '变更申请已在办理中。',
  },
  cancelled: {
    unsubmitted: '开办主体还没有审核通过，没有可注销的主体：不再需要时可直接删除。',
    reviewing: '开办主体还在审核中，不能注销。',
    returned: '开办主体还没有审核通过，没有可注销的主体：不再需要时可直接删除。',
  },
}

const TERMINAL_SITE =
  '这个网站的备案已注销，不能再记录事件；如要重新备案，请新建网站（记错了可撤销注销记录）。'
const TERMINAL_SUBJECT = '这个开办主体已注销，不能再记录事件；记错了可撤销注销记录。'

/** Why a site event cannot follow the stage, or null when it may. */
export function siteRefusal(stage: SiteStage, kind: SiteEventKind): string | null {
  const allowed = SITE_TRANSITIONS[stage]
  if (allowed.includes(kind)) return null
  if (stage === 'cancelled') return TERMINAL_SITE
  const why =
    SITE_REASONS[kind]?.[stage] ??
    `网站当前为${quote(SITE_STAGE_LABELS[stage])}，不能记录${quote(SITE_EVENT_LABELS[kind])}。`
  return why + nextHint(allowed.map((k) => SITE_EVENT_LABELS[k]))
}

/** Why a subject event cannot follow the stage, or null when it may. */
export function subjectRefusal(stage: SubjectStage, kind: SubjectEventKind): string | null {
  const allowed = SUBJECT_TRANSITIONS[stage]
  if (allowed.includes(kind)) return null
  if (stage === 'cancelled') return TERMINAL_SUBJECT
  const why =
    SUBJECT_REASONS[kind]?.[stage] ??
    `开办主体当前为${quote(SUBJECT_STAGE_LABELS[stage])}，不能记录${quote(SUBJECT_EVENT_LABELS[kind])}。`
  return why + nextHint(allowed.map((k) => SUBJECT_EVENT_LABELS[k]))
}
