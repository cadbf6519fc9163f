/**
 * Electron's open/save dialogs for tables: the client list to import (CSV/XLSX) and where to
 * save the import template or the dashboard export. Titles and filters in Chinese.
 */
import type { BrowserWindow } from 'electron'
import { ownedDialogs } from './dialog-owner'
import { safeFileName } from '../../core/packet/file-names'
import type { TableDialogs } from './ipc/client-import'

const FILTERS = {
  csv: { name: 'CSV 表格（Excel/WPS 可打开）', extensions: ['csv'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
}

export function createTableDialogs(getWindow: () => BrowserWindow | null): TableDialogs {
  const { open, save } = ownedDialogs(getWindow)
  return {
    async pickTableFile() {
      const result = await open({
        title: '选择要导入的客户表格',
        buttonLabel: '导入',
        properties: ['openFile'],
        filters: [{ name: '表格（CSV 或 Excel）', extensions: ['csv', 'xlsx'] }, FILTERS.csv, FILTERS.xlsx],
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async pickTableTarget(format, suggestedName, purpose) {
      const result = await save({
        title: purpose === 'template' ? '保存客户导入模板' : '导出备案进度表',
        buttonLabel: '保存',
        defaultPath: `${safeFileName(suggestedName, '导出')}.${format}`,
        filters: [FILTERS[format]],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      })
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}
