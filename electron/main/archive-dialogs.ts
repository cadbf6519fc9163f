/** Electron's save/open dialogs for the workspace archive (工作区迁移包), in Chinese. */
import type { BrowserWindow } from 'electron'
import { safeFileName } from '../../core/packet/file-names'
import { ownedDialogs } from './dialog-owner'
import type { ArchiveDialogs } from './ipc/archive'
import { ARCHIVE_EXTENSION } from './services/archive/format'

const FILTER = { name: 'Beian Desk 工作区迁移包', extensions: [ARCHIVE_EXTENSION] }

export function createArchiveDialogs(getWindow: () => BrowserWindow | null): ArchiveDialogs {
  const { open, save } = ownedDialogs(getWindow)
  return {
    async pickArchiveTarget(suggestedName) {
      const result = await save({
        title: '导出工作区迁移包',
        buttonLabel: '导出',
        defaultPath: safeFileName(suggestedName, '工作区迁移包.bdxa'),
        filters: [FILTER],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      })
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async pickArchiveFile() {
      const result = await open({
        title: '选择要导入的工作区迁移包',
        buttonLabel: '导入',
        properties: ['openFile'],
        filters: [FILTER],
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
