/**
 * UI strings of the client import wizard, the dashboard export and the notification switch.
 * Kept beside the feature (zh-CN defines the keys, en must define all of them) and switched
 * with the app's language. Field names come from core/client-import (the template's headers).
 */
import { useDictionary, type Language } from '../../i18n'

const zh = {
  'import.open': '导入客户',
  'import.title': '从表格导入客户和网站',
  'import.step.file': '选择文件',
  'import.step.columns': '对应列',
  'import.step.preview': '预览',
  'import.step.done': '导入',
  'import.file.hint':
    '支持 Excel/WPS 保存的 .xlsx 或 .csv（UTF-8 或 GBK 编码）；每行一个网站，同一证件号码的行归入同一主体。最多 5000 行、10 MB。',
  'import.file.pick': '选择表格文件…',
  'import.template.csv': '下载模板（CSV）',
  'import.template.xlsx': '下载模板（Excel）',
  'import.template.saved': '模板已保存：{path}',
  'import.file.read': '{name}：{rows} 行数据（{encoding}）',
  'import.columns.hint': '已按表头自动对应，请核对；不需要的项选“不导入”。',
  'import.columns.field': '项目',
  'import.columns.column': '表格中的列',
  'import.columns.sample': '第一行的内容',
  'import.columns.none': '不导入',
  'import.preview.counts':
    '新建主体 {newSubjects} 个，更新主体 {updatedSubjects} 个，新建网站 {newSites} 个，更新网站 {updatedSites} 个，跳过 {skippedRows} 行',
  'import.preview.blocking':
    '有 {n} 行需要先在表格中改正（红色），改正后重新选择文件。在此之前不会导入任何内容。',
  'import.preview.matches':
    '以下主体已存在（证件号码相同）。勾选的将用表格中的内容更新，未勾选的相关行将跳过：',
  'import.preview.lines': '第 {lines} 行',
  'import.col.line': '行',
  'import.col.subject': '主体',
  'import.col.site': '网站',
  'import.col.action': '操作',
  'import.col.findings': '检查结果',
  'import.action.new': '新建',
  'import.action.update': '更新',
  'import.action.same-as-above': '同上',
  'import.action.skip': '跳过',
  'import.action.invalid': '无法导入',
  'import.action.none': '—',
  'import.findings': '{errors} 个错误、{warnings} 个提示（导入后在表单中补全）',
  'import.findings.none': '无',
  'import.back': '上一步',
  'import.next': '下一步',
  'import.commit': '导入',
  'import.done':
    '导入完成：新建主体 {newSubjects} 个、网站 {newSites} 个；更新主体 {updatedSubjects} 个、网站 {updatedSites} 个；跳过 {skippedRows} 行。',
  'import.close': '完成',
  'export.button': '导出表格',
  'export.csv': '导出为 CSV（Excel 可直接打开）',
  'export.xlsx': '导出为 Excel（.xlsx）',
  'export.saved': '已导出 {n} 个网站：{path}',
  'export.empty': '当前没有可导出的网站。',
  'settings.notifications': '每日到期提醒',
  'settings.notifications.hint': '每天一次，用系统通知列出今天到期和已逾期的事项',
} as const

export type ImportKey = keyof typeof zh

const en: Record<ImportKey, string> = {
  'import.open': 'Import clients',
  'import.title': 'Import clients and sites from a spreadsheet',
  'import.step.file': 'Choose file',
  'import.step.columns': 'Columns',
  'import.step.preview': 'Preview',
  'import.step.done': 'Import',
  'import.file.hint':
    'An .xlsx or .csv saved by Excel or WPS (UTF-8 or GBK). One site per row; rows with the same certificate number belong to one subject. At most 5,000 rows and 10 MB.',
  'import.file.pick': 'Choose a spreadsheet…',
  'import.template.csv': 'Download template (CSV)',
  'import.template.xlsx': 'Download template (Excel)',
  'import.template.saved': 'Template saved: {path}',
  'import.file.read': '{name}: {rows} data rows ({encoding})',
  'import.columns.hint':
    'Columns were matched by their headers; check them and choose "Do not import" for any you do not need.',
  'import.columns.field': 'Field',
  'import.columns.column': 'Column in the sheet',
  'import.columns.sample': 'First row',
  'import.columns.none': 'Do not import',
  'import.preview.counts':
    '{newSubjects} new subjects, {updatedSubjects} updated, {newSites} new sites, {updatedSites} updated, {skippedRows} rows skipped',
  'import.preview.blocking':
    '{n} rows must be fixed in the sheet first (in red); then choose the file again. Nothing is imported until then.',
  'import.preview.matches':
    'These subjects already exist (same certificate number). Ticked ones are updated from the sheet; rows of unticked ones are skipped:',
  'import.preview.lines': 'row {lines}',
  'import.col.line': 'Row',
  'import.col.subject': 'Subject',
  'import.col.site': 'Site',
  'import.col.action': 'Action',
  'import.col.findings': 'Checks',
  'import.action.new': 'New',
  'import.action.update': 'Update',
  'import.action.same-as-above': 'As above',
  'import.action.skip': 'Skip',
  'import.action.invalid': 'Cannot import',
  'import.action.none': '—',
  'import.findings': '{errors} errors, {warnings} warnings (complete them in the forms after importing)',
  'import.findings.none': 'None',
  'import.back': 'Back',
  'import.next': 'Next',
  'import.commit': 'Import',
  'import.done':
    'Imported: {newSubjects} new subjects, {newSites} new sites; {updatedSubjects} subjects and {updatedSites} sites updated; {skippedRows} rows skipped.',
  'import.close': 'Done',
  'export.button': 'Export table',
  'export.csv': 'Export as CSV (opens in Excel)',
  'export.xlsx': 'Export as Excel (.xlsx)',
  'export.saved': 'Exported {n} sites: {path}',
  'export.empty': 'There are no sites to export.',
  'settings.notifications': 'Daily due reminder',
  'settings.notifications.hint': 'Once a day, a system notification lists what is due today or overdue',
}

const DICT: Record<Language, Record<ImportKey, string>> = { 'zh-CN': zh, en }

export type ImportT = (key: ImportKey, vars?: Record<string, string | number>) => string

export function useImportT(): ImportT {
  return useDictionary(DICT)
}
