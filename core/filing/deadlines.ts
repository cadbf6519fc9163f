/**
 * A site's deadlines from its stage and dates: 开通后30日内备案 (公安部令第33号 art. 12), the
 * review's expected result 3–5 working days after submission, the 面审/实地检查 date, and the
 * badge within 30 days of the number (reported). Days left are calendar days from `today`.
 */
import type { Site } from '../model'
import { addDays, parseIsoDate } from '../validation/dates'
import { addWorkingDays, daysBetween, type WorkCalendar } from './calendar'
import type { SiteFilingState } from './history'

export const FILING_DAYS = 30
export const BADGE_DAYS = 30
export const REVIEW_MIN_WORKING_DAYS = 3
export const REVIEW_MAX_WORKING_DAYS = 5

export type DeadlineKind = 'file-by' | 'review' | 'interview' | 'badge-by'

export type Deadline = {
  kind: DeadlineKind
  /** Chinese label for the UI. */
  label: string
  date: string
  daysLeft: number
  overdue: boolean
  /** An expectation (the review), not a legal limit: overdue means "phone and ask". */
  soft: boolean
  /** Extra line (the review's earliest day, an interview's time and place…). */
  detail: string
  /** Years counted as plain Monday–Friday because no holiday data covers them. */
  uncoveredYears: number[]
}

export type Urgency = 'overdue' | 'today' | 'week' | 'later' | 'none'

function make(
  kind: DeadlineKind,
  label: string,
  date: string,
  today: string,
  extra: Partial<Deadline> = {},
): Deadline {
  const daysLeft = daysBetween(today, date)
  return {
    kind,
    label,
    date,
    daysLeft,
    overdue: daysLeft < 0,
    soft: false,
    detail: '',
    uncoveredYears: [],
    ...extra,
  }
}

function reviewDeadline(from: string, today: string, cal: WorkCalendar, label: string): Deadline {
  const early = addWorkingDays(cal, from, REVIEW_MIN_WORKING_DAYS)
  const late = addWorkingDays(cal, from, REVIEW_MAX_WORKING_DAYS)
  const uncoveredYears = [...new Set([...early.uncoveredYears, ...late.uncoveredYears])].sort()
  const detail = `通常 ${early.date} 至 ${late.date} 之间出结果；超过后可致电当地网安部门询问。`
  return make('review', label, late.date, today, { soft: true, detail, uncoveredYears })
}

/** Every deadline that applies in the site's current stage. */
export function siteDeadlines(
  site: Pick<Site, 'openingDate'>,
  state: SiteFilingState,
  today: string,
  cal: WorkCalendar,
): Deadline[] {
  const out: Deadline[] = []
  const stage = state.stage
  if ((stage === 'preparing' || stage === 'returned') && parseIsoDate(site.openingDate)) {
    const detail =
      stage === 'returned' ? '被退回后请尽快修改并重新提交。' : `网站开通日期 ${site.openingDate}。`
    out.push(
      make('file-by', `备案期限（开通后${FILING_DAYS}日内）`, addDays(site.openingDate, FILING_DAYS), today, {
        detail,
      }),
    )
  }
  if ((stage === 'submitted' || stage === 'reviewing') && state.submittedOn) {
    out.push(
      reviewDeadline(
        state.submittedOn,
        today,
        cal,
        `预计审核结果（提交后${REVIEW_MIN_WORKING_DAYS}–${REVIEW_MAX_WORKING_DAYS}个工作日）`,
      ),
    )
  }
  if (stage === 'changing' && state.lastEvent) {
    out.push(reviewDeadline(state.lastEvent.date, today, cal, '预计变更审核结果'))
  }
  if (stage === 'interview' && state.interview && parseIsoDate(state.interview.date)) {
    const i = state.interview
    const what = i.mode === 'inspection' ? '实地检查' : '面审'
    const detail = [i.time, i.place].filter((s) => s !== '').join(' ')
    out.push(make('interview', what, i.date, today, { detail }))
  }
  if (stage === 'filed' && state.filedOn) {
    const detail = '在网站首页底部中间放置公安备案标识。'
    out.push(
      make(
        'badge-by',
        `挂标期限（取得备案号后${BADGE_DAYS}日内）`,
        addDays(state.filedOn, BADGE_DAYS),
        today,
        { detail },
      ),
    )
  }
  return out
}

/** The earliest deadline, or null. */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | null {
  let best: Deadline | null = null
  for (const d of deadlines) if (!best || d.date < best.date) best = d
  return best
}

export function urgencyOf(d: Deadline | null): Urgency {
  if (!d) return 'none'
  if (d.daysLeft < 0) return 'overdue'
  if (d.daysLeft === 0) return 'today'
  if (d.daysLeft <= 7) return 'week'
  return 'later'
}

/** "还剩 3 天" / "今天到期" / "已逾期 5 天" */
export function daysLeftText(d: Deadline): string {
  if (d.daysLeft < 0) return `已逾期 ${-d.daysLeft} 天`
  if (d.daysLeft === 0) return '今天到期'
  return `还剩 ${d.daysLeft} 天`
}

/** The sentence the UI shows when a year had no holiday data. */
export function uncoveredNotice(years: readonly number[]): string | null {
  if (years.length === 0) return null
  return `${years.join('、')} 年的节假日安排尚未收录，工作日按周一至周五计算；可在设置中填入当年的放假和调休日期。`
}
