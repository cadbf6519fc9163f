/** The holiday dates the user added (settings.holidayYears), shared by every calendar user. */
import { create } from 'zustand'
import type { YearSchedule } from '../../../../core/filing/calendar'
import { api, call } from '../../api'

type State = { userYears: YearSchedule[]; loaded: boolean }
export const useHolidayStore = create<State>(() => ({ userYears: [], loaded: false }))

let loading: Promise<void> | null = null

/** Takes the list from the settings the app read at start, so the desk need not ask again. */
export function seedHolidayYears(years: YearSchedule[] | undefined): void {
  if (loading) return
  useHolidayStore.setState({ userYears: years ?? [], loaded: true })
  loading = Promise.resolve()
}

export function loadHolidayYears(): Promise<void> {
  loading ??= api.getSettings().then((s) => {
    useHolidayStore.setState({ userYears: s?.holidayYears ?? [], loaded: true })
  })
  return loading
}

/** Replaces one year (or removes it with `null`) and stores the list through main. */
export async function saveHolidayYear(year: number, schedule: YearSchedule | null): Promise<boolean> {
  const next = [
    ...useHolidayStore.getState().userYears.filter((y) => y.year !== year),
    ...(schedule ? [schedule] : []),
  ].sort((a, b) => a.year - b.year)
  const saved = await call('settings:set', { holidayYears: next })
  if (!saved) return false
  useHolidayStore.setState({ userYears: saved.holidayYears ?? next })
  return true
}

/** For tests: forget what was loaded. */
export function resetHolidayStore(): void {
  loading = null
  useHolidayStore.setState({ userYears: [], loaded: false })
}
