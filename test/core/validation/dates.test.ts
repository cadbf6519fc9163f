import { describe, expect, it } from 'vitest'
import { localToday as readinessToday } from '../../../core/packet/readiness'
import {
  addDays,
  ageOn,
  daysInMonth,
  isLeapYear,
  localToday,
  parseIsoDate,
} from '../../../core/validation/dates'

describe('dates', () => {
  it.each([
    [2000, true],
    [1900, false],
    [2024, true],
    [2026, false],
  ])('isLeapYear(%i) = %s', (y, want) => {
    expect(isLeapYear(y)).toBe(want)
  })

  it('knows month lengths', () => {
    expect([1, 2, 4, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 30, 31])
    expect(daysInMonth(2024, 2)).toBe(29)
  })

  it.each([
    ['2024-02-29', { y: 2024, m: 2, d: 29 }],
    ['20240229', { y: 2024, m: 2, d: 29 }],
    ['2023-02-29', null],
    ['2023-04-31', null],
    ['2023-4-1', null],
    ['long-term', null],
  ])('parseIsoDate(%s)', (s, want) => {
    expect(parseIsoDate(s)).toEqual(want)
  })

  it('ageOn counts completed years', () => {
    expect(ageOn('2008-11-28', '2026-11-28')).toBe(18)
    expect(ageOn('2008-11-29', '2026-11-28')).toBe(17)
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25)
    expect(ageOn('x', '2026-02-28')).toBeNull()
  })

  it('addDays crosses months and leap days', () => {
    expect(addDays('2026-11-28', 30)).toBe('2026-12-28')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('localToday is the local calendar date, zero-padded, the same function wherever it is imported from', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
    expect(localToday(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31')
    expect(readinessToday).toBe(localToday)
  })
})
