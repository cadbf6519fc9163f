/**
 * Electron's implementation of `Dialogs` (the test bridge has its own). Titles and filters
 * are in Chinese; the renderer only ever receives the paths the user picked. It also reveals
 * an exported packet in the file manager; ipc/system.ts decides which path may be revealed.
 */
import { basename } from 'node:path'
import type { BrowserWindow } from 'electron'
import { ownedDialogs } from './dialog-owner'
import { safeFileName } from '../../core/packet/file-names'
import { revealInFolder } from './external-links'
import type { RevealingDialogs } from './ipc/system'

/** Everything the import pipeline may accept; the services decide what is really supported. */
export const IMAGE_EXTENSIONS: readonly string[] = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'tif',
  'tiff',
  'gif',
  'bmp',
  'avif',
  'heic',
  'heif',
  'pdf',
]

export function createDialogs(getWindow: () => BrowserWindow | null): RevealingDialogs {
  const { open, save } = ownedDialogs(getWindow)
  return {
    async pickImages(multiple) {
      const result = await open({
        title: multiple ? '选择材料图片（可多选）' : '选择材料图片',
        buttonLabel: '选择',
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: [{ name: '图片或 PDF 文件', extensions: [...IMAGE_EXTENSIONS] }],
      })
      return result.canceled ? [] : result.filePaths
    },
    async pickExportTarget(format, suggestedName, purpose = 'packet') {
      if (format === 'folder') {
        const batch = purpose === 'batch'
        const result = await open({
          title: batch ? '选择存放压缩后图片的文件夹' : '选择导出材料包的文件夹',
          buttonLabel: batch ? '保存到此文件夹' : '导出到此文件夹',
          properties: ['openDirectory', 'createDirectory'],
        })
        return result.canceled ? null : (result.filePaths[0] ?? null)
      }
      const result = await save({
        title: '导出材料包为 zip 压缩包',
        buttonLabel: '导出',
        defaultPath: zipFileName(suggestedName),
        filters: [{ name: 'zip 压缩包', extensions: ['zip'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      })
      if (result.canceled || !result.filePath) return null
      return result.filePath.toLowerCase().endsWith('.zip') ? result.filePath : `${result.filePath}.zip`
    },
    showItemInFolder(path) {
      revealInFolder(path)
    },
  }
}

/** A bare file name (no folders) ending in `.zip`, from the renderer's suggestion, cleaned by safeFileName. */
export function zipFileName(suggestedName: string): string {
  const name = safeFileName(basename(suggestedName.replace(/[\\/]+/g, '/')), '备案材料')
  return name.toLowerCase().endsWith('.zip') ? name : `${name}.zip`
}
