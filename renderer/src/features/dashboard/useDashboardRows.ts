/** The dashboard's rows, built once per workspace change and filtered/sorted per keystroke. */
import { useMemo } from 'react'
import {
  buildRows,
  countByStage,
  filterRows,
  sortByUrgency,
  todayList,
  type RowFilter,
  type SiteRow,
} from '../../../../core/filing/dashboard'
import { localToday } from '../../../../core/packet/readiness'
import type { Workspace } from '../../../../core/model'
import { useWorkCalendar } from '../filing/useWorkCalendar'

export function useDashboardRows(workspace: Workspace, filter: RowFilter) {
  const cal = useWorkCalendar()
  const today = localToday()
  const rows: SiteRow[] = useMemo(() => buildRows(workspace, today, cal), [workspace, today, cal])
  const shown = useMemo(() => sortByUrgency(filterRows(rows, filter)), [rows, filter])
  const counts = useMemo(() => countByStage(rows), [rows])
  const today_ = useMemo(() => todayList(rows), [rows])
  return { rows, shown, counts, todayItems: today_ }
}
