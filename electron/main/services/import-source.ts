/** Reading a file the user chose to import, with the size checks done before any decode. */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppFailure } from './app-error'
import { MAX_INPUT_BYTES, MAX_INPUT_LABEL } from '../../../core/limits'

export type ImportSource = { name: string; bytes: Buffer }

export async function readImportSource(path: string): Promise<ImportSource> {
  const name = basename(path)
  let info
  try {
    info = await stat(path)
  } catch {
    throw new AppFailure('import/not-found', `找不到文件“${name}”：它可能已被移动或删除，请重新选择。`)
  }
  if (!info.isFile()) throw new AppFailure('import/not-a-file', `“${name}”不是文件，请选择图片或 PDF 文件。`)
  if (info.size === 0)
    throw new AppFailure('import/empty-file', `“${name}”是空文件（0 字节），请重新导出或重新拍摄后再导入。`)
  if (info.size > MAX_INPUT_BYTES) {
    throw new AppFailure(
      'import/too-large',
      `“${name}”超过 ${MAX_INPUT_LABEL}，无法处理：请先缩小或用手机重新拍摄后再导入。`,
    )
  }
  return { name, bytes: await readFile(path) }
}
