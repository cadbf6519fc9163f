/** The dashboard's rows, built once per workspace change and filtered/sorted per keystroke. */
import { useMemo } from 'react'
import {
  countByStage,
  filterRows,
  sortByUrgency,
  todayList,
  type RowFilter,
  type SiteRow,
} from '../../../../core/filing/dashboard'
import type { Workspace } from '../../../../core/model'
import { localToday } from '../../../../core/packet/readiness'
import { useWorkCalendar } from '../filing/useWorkCalendar'
import { deskRows } from './desk-rows'
import { useReadiness } from './useReadiness'

export function useDashboardRows(workspace: Workspace, filter: RowFilter) {
  const cal = useWorkCalendar()
  const today = localToday()
  const readiness = useReadiness(workspace)
  const base: SiteRow[] = useMemo(() => deskRows(workspace, today, cal), [workspace, today, cal])
  const rows = useMemo(
    () => base.map((r) => ({ ...r, readiness: readiness.get(r.siteId) ?? null })),
    [base, readiness],
  )
  const shown = useMemo(() => sortByUrgency(filterRows(rows, filter)), [rows, filter])
  const counts = useMemo(() => countByStage(base), [base])
  const todayItems = useMemo(() => todayList(base), [base])
  return { rows, shown, counts, todayItems }
}
