/**
 * The one gate every input file (photo, scan, PDF) passes before it is decoded, with one set of
 * error codes whatever the caller (a material import, a batch, `beian-desk compress`):
 * - on disk, before a byte is read: `import/not-found`, `import/folder`, `import/not-a-file`,
 *   `image/empty`, `image/too-large-file` (MAX_INPUT_BYTES from core/limits);
 * - on the bytes (a buffer handed to the image service directly): `image/empty`,
 *   `image/too-large-file`, then the kind from the content, never the name: `image/svg`,
 *   `image/not-image`, `image/unsupported`.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { MAX_INPUT_BYTES } from '../../../core/limits'
import { AppFailure } from './app-error'
import { ACCEPTED_FORMATS, detectFormat } from './images/detect'
import { ImageInputError } from './images/errors'

export type InputFile = { name: string; bytes: Buffer }

const notFound = (name: string): AppFailure =>
  new AppFailure('import/not-found', `找不到文件“${name}”：它可能已被移动或删除，请重新选择。`)

/** The size of an input of `size` bytes is one the image service takes; throws otherwise. */
function checkSize(size: number): void {
  if (size === 0) throw new ImageInputError('image/empty')
  if (size > MAX_INPUT_BYTES) throw new ImageInputError('image/too-large-file')
}

/** Checks the file at `path` (exists, is a regular file, size) without reading it; its name. */
export async function checkInputPath(path: string): Promise<string> {
  const name = basename(path)
  let info
  try {
    info = await stat(path)
  } catch {
    throw notFound(name)
  }
  if (info.isDirectory())
    throw new AppFailure(
      'import/folder',
      `“${name}”是一个文件夹，不是图片：请打开文件夹，选中里面的图片再添加。`,
    )
  if (!info.isFile()) throw new AppFailure('import/not-a-file', `“${name}”不是文件，请选择图片或 PDF 文件。`)
  checkSize(info.size)
  return name
}

/** Reads the file at `path` once it passed checkInputPath. */
export async function readInputFile(path: string): Promise<InputFile> {
  const name = await checkInputPath(path)
  try {
    return { name, bytes: await readFile(path) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(name)
    throw error
  }
}

/** Checks an input's bytes (size, then kind from the content) and returns its format. */
export function inputFormat(bytes: Buffer): string {
  checkSize(bytes.length)
  const format = detectFormat(bytes.subarray(0, 4096))
  if (format === 'svg') throw new ImageInputError('image/svg')
  if (format === null || format === 'text') throw new ImageInputError('image/not-image')
  if (!ACCEPTED_FORMATS.has(format)) throw new ImageInputError('image/unsupported', format.toUpperCase())
  return format
}

/** The `{ code, message }` of a gate (or image service) refusal, or null for any other error. */
export function inputRefusal(error: unknown): { code: string; message: string } | null {
  if (error instanceof ImageInputError || error instanceof AppFailure)
    return { code: error.code, message: error.message }
  return null
}
