import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  buildCalendar,
  daysBetween,
  EMPTY_CALENDAR,
  isWorkingDay,
  parseYearSchedule,
  weekday,
} from '../../../core/filing/calendar'
import { PACKAGE_SCHEDULES, schedulesFrom } from '../../../core/filing/chinese-days-data'

const cal = buildCalendar(PACKAGE_SCHEDULES)

describe('the chinese-days adapter', () => {
  it('groups days off and make-up days by year', () => {
    expect(
      schedulesFrom({
        holidays: { '2025-01-01': 'x', '2024-10-01': 'x', '2025-01-28': 'x' },
        workdays: { '2025-01-26': 'x' },
      }),
    ).toEqual([
      { year: 2024, holidays: ['2024-10-01'], workdays: [] },
      { year: 2025, holidays: ['2025-01-01', '2025-01-28'], workdays: ['2025-01-26'] },
    ])
  })

  it('ships 2026 (the official schedule) and no 2027', () => {
    const years = PACKAGE_SCHEDULES.map((y) => y.year)
    expect(years).toContain(2026)
    expect(years).not.toContain(2027)
  })
})

describe('working days by the 2026 schedule', () => {
  it.each([
    ['2026-01-04', true], // Sunday, 调休上班
    ['2026-02-14', true], // Saturday, 调休上班
    ['2026-02-16', false], // Monday, 春节
    ['2026-10-01', false], // Thursday, 国庆
    ['2026-10-10', true], // Saturday, 调休上班
    ['2026-12-07', true], // an ordinary Monday
    ['2026-12-12', false], // an ordinary Saturday
  ])('%s working: %s', (date, working) => {
    expect(isWorkingDay(cal, date)).toBe(working)
  })

  it('counts across the Spring Festival break', () => {
    // Fri 13 → Sat 14 (make-up) → 15–23 off → Tue 24.
    expect(addWorkingDays(cal, '2026-02-13', 1)).toEqual({ date: '2026-02-14', uncoveredYears: [] })
    expect(addWorkingDays(cal, '2026-02-13', 2)).toEqual({ date: '2026-02-24', uncoveredYears: [] })
    expect(addWorkingDays(cal, '2026-09-30', 3).date).toBe('2026-10-10')
  })
})

describe('a year without data', () => {
  it('counts Monday–Friday and says which year that was', () => {
    // Wed 2026-12-30 + 5: Thu 31, Fri 2027-01-01 (no data: a weekday), Mon 4, Tue 5, Wed 6.
    expect(addWorkingDays(cal, '2026-12-30', 5)).toEqual({ date: '2027-01-06', uncoveredYears: [2027] })
  })

  it('uses the user’s dates for that year once given', () => {
    const parsed = parseYearSchedule(2027, '2027-01-01，2027-02-06 2027-02-07', '2027-01-03')
    expect(parsed.errors).toEqual([])
    const withUser = buildCalendar(PACKAGE_SCHEDULES, parsed.schedule ? [parsed.schedule] : [])
    expect(isWorkingDay(withUser, '2027-01-01')).toBe(false)
    expect(isWorkingDay(withUser, '2027-01-03')).toBe(true)
    const offOnly = buildCalendar(PACKAGE_SCHEDULES, [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }])
    // Thu 31, (Fri 1 off), Mon 4, Tue 5, Wed 6, Thu 7.
    expect(addWorkingDays(offOnly, '2026-12-30', 5)).toEqual({ date: '2027-01-07', uncoveredYears: [] })
  })

  it('lets the user’s dates replace the package’s for a covered year', () => {
    const mine = buildCalendar(PACKAGE_SCHEDULES, [{ year: 2026, holidays: ['2026-12-07'], workdays: [] }])
    expect(isWorkingDay(mine, '2026-12-07')).toBe(false)
    expect(isWorkingDay(mine, '2026-10-01')).toBe(true) // the package's 2026 is replaced whole
  })

  it('an empty calendar is plain Monday–Friday', () => {
    expect(addWorkingDays(EMPTY_CALENDAR, '2026-10-01', 5)).toEqual({
      date: '2026-10-08',
      uncoveredYears: [2026],
    })
  })
})

describe('parseYearSchedule', () => {
  it.each([
    ['2027-02-30', '不是有效日期'],
    ['2026-10-01', '不在 2027 年'],
    ['', '请填写 2027 年的放假日期'],
  ])('refuses %j', (text, why) => {
    const out = parseYearSchedule(2027, text, '')
    expect(out.schedule).toBeUndefined()
    expect(out.errors.join()).toContain(why)
  })

  it('accepts compact dates, any separator, and removes duplicates', () => {
    expect(parseYearSchedule(2027, '20271001、2027-10-01;2027-10-02', '2027-09-26').schedule).toEqual({
      year: 2027,
      holidays: ['2027-10-01', '2027-10-02'],
      workdays: ['2027-09-26'],
    })
  })
})

describe('date arithmetic', () => {
  it('weekday and daysBetween', () => {
    expect(weekday('2026-12-07')).toBe(1)
    expect(weekday('2024-02-29')).toBe(4)
    expect(daysBetween('2026-12-07', '2027-01-06')).toBe(30)
    expect(daysBetween('2026-12-07', '2026-12-01')).toBe(-6)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('bad', '2024-03-01')).toBeNaN()
  })
})
