/**
 * The dashboard's rows in main: built from the stored workspace with the same core functions
 * the renderer uses (the renderer only says which sites, in which order), for the table export
 * and the daily due notification.
 */
import { dashboardExportCells } from '../../../core/dashboard-export'
import { buildCalendar, type WorkCalendar } from '../../../core/filing/calendar'
import { PACKAGE_SCHEDULES } from '../../../core/filing/chinese-days-data'
import { buildRows, type SiteRow } from '../../../core/filing/dashboard'
import type { Settings } from '../../../core/api'
import type { Workspace } from '../../../core/model'

export function workCalendarOf(settings: Settings): WorkCalendar {
  return buildCalendar(PACKAGE_SCHEDULES, settings.holidayYears ?? [])
}

/** The rows of `siteIds` in that order (unknown ids are left out). */
export function rowsOf(
  ws: Workspace,
  settings: Settings,
  today: string,
  siteIds: readonly string[],
): SiteRow[] {
  const wanted = new Set(siteIds)
  const subset = { ...ws, sites: ws.sites.filter((s) => wanted.has(s.id)) }
  const byId = new Map(buildRows(subset, today, workCalendarOf(settings)).map((r) => [r.siteId, r]))
  return siteIds.flatMap((id) => {
    const row = byId.get(id)
    return row ? [row] : []
  })
}

export function dashboardCells(
  ws: Workspace,
  settings: Settings,
  today: string,
  siteIds: readonly string[],
): string[][] {
  return dashboardExportCells(rowsOf(ws, settings, today, siteIds))
}
