/** The working-day calendar: chinese-days' years plus the dates the user added in the settings. */
import { useEffect } from 'react'
import { buildCalendar, type WorkCalendar, type YearSchedule } from '../../../../core/filing/calendar'
import { PACKAGE_SCHEDULES } from '../../../../core/filing/chinese-days-data'
import { loadHolidayYears, useHolidayStore } from './holiday-store'

let built: { userYears: readonly YearSchedule[]; cal: WorkCalendar } | undefined

/**
 * One calendar per list of user dates, kept between mounts: the desk's rows are cached per
 * calendar (desk-rows.ts), so a new calendar object on every visit would rebuild them.
 */
export function workCalendar(userYears: readonly YearSchedule[]): WorkCalendar {
  if (built?.userYears !== userYears) built = { userYears, cal: buildCalendar(PACKAGE_SCHEDULES, userYears) }
  return built.cal
}

export function useWorkCalendar(): WorkCalendar {
  const userYears = useHolidayStore((s) => s.userYears)
  useEffect(() => {
    void loadHolidayYears()
  }, [])
  return workCalendar(userYears)
}
