/**
 * The adapter to the chinese-days package: its bundled JSON (plain data, no code, safe in main
 * and in the renderer) turned into year schedules. Only this module knows the package.
 */
import data from 'chinese-days/dist/chinese-days.json'
import type { YearSchedule } from './calendar'

type ChineseDaysJson = { holidays: Record<string, string>; workdays: Record<string, string> }

export function schedulesFrom(json: ChineseDaysJson): YearSchedule[] {
  const years = new Map<number, YearSchedule>()
  const yearFor = (iso: string): YearSchedule => {
    const y = Number(iso.slice(0, 4))
    let entry = years.get(y)
    if (!entry) {
      entry = { year: y, holidays: [], workdays: [] }
      years.set(y, entry)
    }
    return entry
  }
  for (const d of Object.keys(json.holidays)) yearFor(d).holidays.push(d)
  for (const d of Object.keys(json.workdays)) yearFor(d).workdays.push(d)
  return [...years.values()]
    .map((y) => ({ ...y, holidays: y.holidays.sort(), workdays: y.workdays.sort() }))
    .sort((a, b) => a.year - b.year)
}

/** The years chinese-days 1.5.x ships (2004–2026 at the time of writing). */
export const PACKAGE_SCHEDULES: YearSchedule[] = schedulesFrom(data)
