/**
 * The client import wizard and the dashboard's table export. Files are chosen in main's own
 * dialogs (TableDialogs); the renderer receives a token, never reads a path it made up.
 */
import { dashboardExportName } from '../../../core/dashboard-export'
import { TEMPLATE_FILE_NAME } from '../../../core/client-import/template'
import { localToday } from '../../../core/packet/readiness'
import { AppFailure } from '../services/app-error'
import type { Services } from '../services/container'
import { dashboardCells } from '../services/dashboard-export'
import { withTableExtension, writeTable, type TableFormat } from '../services/table-export'
import type { Handlers } from './types'

type ClientImportHandlers = Pick<
  Handlers,
  | 'clientImport:open'
  | 'clientImport:preview'
  | 'clientImport:commit'
  | 'clientImport:template'
  | 'dashboard:export'
>

/** Main's open/save dialogs for tables (Electron's in table-dialogs.ts; tests script their own). */
export type TableDialogs = {
  /** A .csv/.xlsx client list; null when cancelled. */
  pickTableFile(): Promise<string | null>
  /** Where to save a table; null when cancelled. */
  pickTableTarget(
    format: TableFormat,
    suggestedName: string,
    purpose: 'template' | 'dashboard',
  ): Promise<string | null>
}

const NO_DIALOGS: TableDialogs = {
  pickTableFile: () => Promise.reject(unavailable()),
  pickTableTarget: () => Promise.reject(unavailable()),
}
function unavailable(): AppFailure {
  return new AppFailure('dialog/unavailable', '这里无法打开文件对话框。请在桌面应用中操作。')
}

export function clientImportHandlers(
  { clientImport, repo }: Services,
  dialogs: TableDialogs = NO_DIALOGS,
): ClientImportHandlers {
  return {
    'clientImport:open': async () => {
      const path = await dialogs.pickTableFile()
      return path === null ? null : clientImport.open(path)
    },
    'clientImport:preview': ({ token, mapping }) => clientImport.preview(token, mapping),
    'clientImport:commit': ({ token, mapping, confirmedSubjectIds }) =>
      clientImport.commit(token, mapping, confirmedSubjectIds),
    'clientImport:template': async ({ format }) => {
      const picked = await dialogs.pickTableTarget(format, TEMPLATE_FILE_NAME, 'template')
      if (picked === null) return null
      const target = withTableExtension(picked, format)
      await clientImport.writeTemplate(target, format)
      return target
    },
    'dashboard:export': async ({ format, siteIds }) => {
      const today = localToday()
      const picked = await dialogs.pickTableTarget(format, dashboardExportName(today), 'dashboard')
      if (picked === null) return null
      const target = withTableExtension(picked, format)
      await writeTable(
        target,
        format,
        dashboardCells(repo.workspace(), repo.settings(), today, siteIds),
        '备案进度',
      )
      return target
    },
  }
}
