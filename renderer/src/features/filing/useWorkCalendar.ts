/** The working-day calendar: chinese-days' years plus the dates the user added in the settings. */
import { useEffect, useMemo } from 'react'
import { buildCalendar, type WorkCalendar } from '../../../../core/filing/calendar'
import { PACKAGE_SCHEDULES } from '../../../../core/filing/chinese-days-data'
import { loadHolidayYears, useHolidayStore } from './holiday-store'

export function useWorkCalendar(): WorkCalendar {
  const userYears = useHolidayStore((s) => s.userYears)
  useEffect(() => {
    void loadHolidayYears()
  }, [])
  return useMemo(() => buildCalendar(PACKAGE_SCHEDULES, userYears), [userYears])
}
