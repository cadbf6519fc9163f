/**
 * The dashboard's rows as table cells (CSV / XLSX export): the columns the user sees, in the
 * order shown, as plain text. Pure; main writes the file.
 */
import type { SiteRow } from './filing/dashboard'
import { daysLeftText } from './filing/deadlines'

export const DASHBOARD_EXPORT_HEADERS: readonly string[] = [
  '客户',
  '网站',
  '域名',
  'ICP备案号',
  '公安备案号',
  '备案阶段',
  '下一期限',
  '期限日期',
  '剩余天数',
  '是否逾期',
  '材料（已备/应备）',
  '错误',
  '提醒',
  '最近事件',
]

export function dashboardRowCells(row: SiteRow): string[] {
  const next = row.next
  const ready = row.readiness
  return [
    row.client,
    row.site,
    row.domain,
    row.icpNumber,
    row.filingNumber,
    row.stageLabel,
    next ? next.label : '',
    next ? next.date : '',
    next ? String(next.daysLeft) : '',
    next ? (next.overdue ? `是（${daysLeftText(next)}）` : '否') : '',
    ready ? `${ready.materialsReady}/${ready.materialsTotal}` : '',
    ready ? String(ready.errors) : '',
    ready ? String(ready.warnings) : '',
    row.lastEventLabel,
  ]
}

/** Header row plus one row per site, in the given order. */
export function dashboardExportCells(rows: readonly SiteRow[]): string[][] {
  return [[...DASHBOARD_EXPORT_HEADERS], ...rows.map(dashboardRowCells)]
}

/** A file name for the export: 备案进度-YYYY-MM-DD. */
export const dashboardExportName = (today: string): string => `备案进度-${today}`
