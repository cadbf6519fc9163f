import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../../../core/filing/calendar'
import { PACKAGE_SCHEDULES } from '../../../core/filing/chinese-days-data'
import {
  daysLeftText,
  nextDeadline,
  siteDeadlines,
  uncoveredNotice,
  urgencyOf,
  type Deadline,
} from '../../../core/filing/deadlines'
import { eventsOf, siteFilingState } from '../../../core/filing/history'
import type { SiteEventKind } from '../../../core/filing/stages'
import { addDays } from '../../../core/validation/dates'
import { desk, FIRST_DAY, inputFor, play, rec, SITE_PATHS } from './fixtures'

const cal = buildCalendar(PACKAGE_SCHEDULES)

function deadlinesAfter(
  kinds: readonly SiteEventKind[],
  today: string,
  openingDate = '2026-10-20',
): Deadline[] {
  const d = desk({ interactive: true, openingDate })
  const ws = play(d.ws, { ownerKind: 'site', ownerId: d.site.id }, kinds)
  const state = siteFilingState(eventsOf(ws, { ownerKind: 'site', ownerId: d.site.id }))
  return siteDeadlines(d.site, state, today, cal)
}

describe('siteDeadlines by stage', () => {
  it('准备中: 30 days from the opening date', () => {
    expect(deadlinesAfter([], '2026-11-10')).toEqual([
      expect.objectContaining({
        kind: 'file-by',
        date: '2026-11-19',
        daysLeft: 9,
        overdue: false,
        soft: false,
      }),
    ])
  })

  it('a site opened more than a year ago and never filed is overdue', () => {
    const [d] = deadlinesAfter([], '2026-12-07', '2025-10-01')
    expect(d).toMatchObject({ kind: 'file-by', date: '2025-10-31', overdue: true, daysLeft: -402 })
    expect(daysLeftText(d!)).toBe('已逾期 402 天')
  })

  it('no opening date, no filing deadline', () => {
    expect(deadlinesAfter([], '2026-12-07', '')).toEqual([])
  })

  it('已提交 / 审核中: result expected 3–5 working days after the submission', () => {
    // Submitted Mon 2026-11-02: +3 → Thu 11-05, +5 → Mon 11-09.
    for (const path of [SITE_PATHS.submitted, SITE_PATHS.reviewing]) {
      const [d] = deadlinesAfter(path, '2026-11-06')
      expect(d).toMatchObject({ kind: 'review', date: '2026-11-09', daysLeft: 3, soft: true })
      expect(d?.detail).toContain('2026-11-05 至 2026-11-09')
    }
  })

  it('the review window skips the National Day holiday', () => {
    const d = desk()
    const owner = { ownerKind: 'site' as const, ownerId: d.site.id }
    const out = rec(d.ws, inputFor(owner, 'submitted', '2026-09-30'), '2026-10-02')
    if (!out.ok) throw new Error(out.errors.join())
    const state = siteFilingState(eventsOf(out.workspace, owner))
    // 10-01…10-07 off; Thu 8, Fri 9, Sat 10 (调休上班), Mon 12, Tue 13.
    expect(siteDeadlines(d.site, state, '2026-10-02', cal)[0]?.date).toBe('2026-10-13')
  })

  it('退回: the filing deadline again, with a hint to resubmit', () => {
    const [d] = deadlinesAfter(SITE_PATHS.returned, '2026-11-10')
    expect(d).toMatchObject({ kind: 'file-by', date: '2026-11-19' })
    expect(d?.detail).toContain('重新提交')
  })

  it('待面审: the interview date with its time and place', () => {
    // The fixture's interview is 2 days after the notice (the path's third day, 11-04).
    const [d] = deadlinesAfter(SITE_PATHS.interview, '2026-11-05')
    expect(d).toMatchObject({
      kind: 'interview',
      label: '面审',
      date: '2026-11-06',
      daysLeft: 1,
      detail: '09:30 朝阳分局网安大队',
    })
  })

  it('已备案: the badge within 30 days of the number', () => {
    const [d] = deadlinesAfter(SITE_PATHS.filed, '2026-12-07')
    // filed on the path's fourth day, 11-05.
    expect(d).toMatchObject({ kind: 'badge-by', date: '2026-12-05', overdue: true, daysLeft: -2 })
  })

  it('已挂标 and 已注销 have no deadline; 变更中 expects the change review', () => {
    expect(deadlinesAfter(SITE_PATHS.badged, '2026-12-07')).toEqual([])
    expect(deadlinesAfter(SITE_PATHS.cancelled, '2026-12-07')).toEqual([])
    // The change is recorded on Sat 11-07: Mon 9 … Fri 13.
    const [c] = deadlinesAfter(SITE_PATHS.changing, '2026-12-07')
    expect(c).toMatchObject({ kind: 'review', soft: true, date: '2026-11-13', overdue: true })
  })

  it('reports a year without holiday data', () => {
    const d = desk()
    const owner = { ownerKind: 'site' as const, ownerId: d.site.id }
    const out = rec(d.ws, inputFor(owner, 'submitted', '2026-12-30'), '2026-12-30')
    if (!out.ok) throw new Error(out.errors.join())
    const [r] = siteDeadlines(d.site, siteFilingState(eventsOf(out.workspace, owner)), '2026-12-30', cal)
    expect(r?.uncoveredYears).toEqual([2027])
    expect(uncoveredNotice(r?.uncoveredYears ?? [])).toContain('2027 年的节假日安排尚未收录')
    expect(uncoveredNotice([])).toBeNull()
  })
})

describe('next deadline and urgency', () => {
  const at = (daysLeft: number, date = addDays(FIRST_DAY, daysLeft)): Deadline => ({
    kind: 'file-by',
    label: 'x',
    date,
    daysLeft,
    overdue: daysLeft < 0,
    soft: false,
    detail: '',
    uncoveredYears: [],
  })

  it('picks the earliest', () => {
    expect(nextDeadline([at(5), at(-1), at(3)])?.daysLeft).toBe(-1)
    expect(nextDeadline([])).toBeNull()
  })

  it.each([
    [-1, 'overdue', '已逾期 1 天'],
    [0, 'today', '今天到期'],
    [1, 'week', '还剩 1 天'],
    [7, 'week', '还剩 7 天'],
    [8, 'later', '还剩 8 天'],
  ] as const)('%i days left → %s', (days, urgency, text) => {
    expect(urgencyOf(at(days))).toBe(urgency)
    expect(daysLeftText(at(days))).toBe(text)
  })

  it('no deadline → none', () => {
    expect(urgencyOf(null)).toBe('none')
  })
})
