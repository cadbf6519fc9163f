/**
 * Working days by the official calendar: 法定节假日 (days off, weekends included) and 调休
 * make-up working days (weekend days that are worked). The data is passed in (from the
 * chinese-days adapter plus the user's own dates), so this module stays pure. For a year the
 * data does not cover, Monday–Friday count and the answer says which years that was.
 */
import { addDays, parseIsoDate } from '../validation/dates'

/** One year of the State Council's schedule (国务院办公厅 notice). */
export type YearSchedule = {
  year: number
  /** Days off (YYYY-MM-DD). */
  holidays: string[]
  /** 调休上班: weekend days that are working days. */
  workdays: string[]
}

export type WorkCalendar = {
  years: ReadonlySet<number>
  off: ReadonlySet<string>
  work: ReadonlySet<string>
}

/** Later schedules of the same year replace earlier ones (the user's dates override the package). */
export function buildCalendar(...sources: readonly (readonly YearSchedule[])[]): WorkCalendar {
  const byYear = new Map<number, YearSchedule>()
  for (const list of sources) for (const y of list) byYear.set(y.year, y)
  const off = new Set<string>()
  const work = new Set<string>()
  for (const y of byYear.values()) {
    y.holidays.forEach((d) => off.add(d))
    y.workdays.forEach((d) => work.add(d))
  }
  return { years: new Set(byYear.keys()), off, work }
}

export const EMPTY_CALENDAR: WorkCalendar = buildCalendar()

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  const p = parseIsoDate(iso)
  if (!p) return -1
  return new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()
}

export const yearOf = (iso: string): number => Number(iso.slice(0, 4))

export function isWorkingDay(cal: WorkCalendar, iso: string): boolean {
  if (cal.years.has(yearOf(iso))) {
    if (cal.work.has(iso)) return true
    if (cal.off.has(iso)) return false
  }
  const d = weekday(iso)
  return d >= 1 && d <= 5
}

export type WorkingDayAnswer = {
  date: string
  /** Years whose dates were counted as plain Monday–Friday (no holiday data). */
  uncoveredYears: number[]
}

/** The n-th working day after `from` (n ≥ 1; `from` itself does not count). */
export function addWorkingDays(cal: WorkCalendar, from: string, n: number): WorkingDayAnswer {
  const uncovered = new Set<number>()
  let date = from
  let left = n
  // A year has at least ~240 working days; the guard only stops runaway input.
  for (let guard = 0; left > 0 && guard < n * 7 + 60; guard++) {
    date = addDays(date, 1)
    if (!cal.years.has(yearOf(date))) uncovered.add(yearOf(date))
    if (isWorkingDay(cal, date)) left--
  }
  return { date, uncoveredYears: [...uncovered].sort() }
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from)
  const b = parseIsoDate(to)
  if (!a || !b) return Number.NaN
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000)
}

/** Parses the user's own schedule for a year; each bad line is a Chinese message. */
export function parseYearSchedule(
  year: number,
  holidaysText: string,
  workdaysText: string,
): { schedule?: YearSchedule; errors: string[] } {
  const errors: string[] = []
  const read = (text: string, what: string): string[] => {
    const out: string[] = []
    for (const raw of text.split(/[\s,，、;；]+/).filter((s) => s !== '')) {
      const p = parseIsoDate(raw)
      const iso = p ? `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}` : ''
      if (!p) errors.push(`${what}里的“${raw}”不是有效日期，请按“${year}-10-01”的格式填写。`)
      else if (p.y !== year) errors.push(`${what}里的 ${iso} 不在 ${year} 年。`)
      else out.push(iso)
    }
    return [...new Set(out)].sort()
  }
  const holidays = read(holidaysText, '放假日期')
  const workdays = read(workdaysText, '调休上班日期')
  if (holidays.length === 0 && errors.length === 0)
    errors.push(`请填写 ${year} 年的放假日期（见国务院办公厅当年的节假日安排通知）。`)
  return errors.length > 0 ? { errors } : { schedule: { year, holidays, workdays }, errors }
}
