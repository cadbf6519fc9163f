/** The working-day calendar: chinese-days' years plus the dates the user added in the settings. */
import { useEffect, useMemo, useState } from 'react'
import { buildCalendar, type WorkCalendar, type YearSchedule } from '../../../../core/filing/calendar'
import { PACKAGE_SCHEDULES } from '../../../../core/filing/chinese-days-data'
import { api } from '../../api'

export function useWorkCalendar(): WorkCalendar {
  const [userYears, setUserYears] = useState<YearSchedule[]>([])
  useEffect(() => {
    let alive = true
    void api.getSettings().then((s) => {
      if (alive && s?.holidayYears) setUserYears(s.holidayYears)
    })
    return () => {
      alive = false
    }
  }, [])
  return useMemo(() => buildCalendar(PACKAGE_SCHEDULES, userYears), [userYears])
}
