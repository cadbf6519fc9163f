/**
 * Compressing many files into a folder (the agency's "shrink this WeChat dump" job): two at
 * a time, cancellable, and one failure never stops the rest. Each file that begins emits
 * `batch:started`, and each file emits one `batch:progress` when it is finished (files skipped
 * after a cancel only the latter). Files are read one by one, so 50 phone photos never sit in
 * memory together.
 */
import { mkdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { BATCH_CANCELLED_CODE, type BatchItemResult, type BatchSummary, type Events } from '../../../core/api'
import { safeFileName, dedupeNames } from '../../../core/packet/file-names'
import { writeFileAtomic } from './atomic-write'
import { compressImage, ImageInputError, MAX_INPUT_BYTES } from './images'
import { BATCH_CONCURRENCY, runLimited } from './images/batch'

export type BatchRequest = {
  batchId: string
  paths: string[]
  outDir: string
  maxBytes: number
  /** Explicit output paths (the CLI's --out); otherwise safe names inside outDir. */
  outputs?: string[]
  /** The page taken from PDF inputs (the CLI's --page); default 1. */
  pdfPage?: number
}
/** Where the batch's events go (the window that asked, or the CLI's stderr). */
export type BatchEvents = {
  started(payload: Events['batch:started']): void
  progress(payload: Events['batch:progress']): void
}

const running = new Map<string, AbortController>()

export function cancelBatch(batchId: string): boolean {
  const controller = running.get(batchId)
  controller?.abort()
  return controller !== undefined
}

/** A folder that reached main anyway (the page refuses dropped folders). */
const FOLDER = { code: 'import/folder', message: '这是一个文件夹，不是图片：请打开文件夹，选中里面的图片再添加。' }

async function compressFile(input: string, output: string, req: BatchRequest, signal: AbortSignal): Promise<BatchItemResult> {
  try {
    const info = await stat(input)
    if (info.isDirectory()) return { input, error: FOLDER }
    if (info.size === 0) throw new ImageInputError('image/empty')
    if (info.size > MAX_INPUT_BYTES) throw new ImageInputError('image/too-large-file')
    const result = await compressImage(await readFile(input), { maxBytes: req.maxBytes, signal, ...(req.pdfPage ? { pdfPage: req.pdfPage } : {}) })
    await writeFileAtomic(output, result.jpeg, 0o644)
    return { input, output, bytes: result.jpeg.length, width: result.width, height: result.height, quality: result.quality, warnings: result.warnings }
  } catch (error) {
    if (error instanceof ImageInputError) return { input, error: { code: error.code, message: error.message } }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { input, error: { code: 'import/not-found', message: '找不到这个文件：它可能已被移动或删除。' } }
    return { input, error: { code: 'internal', message: '处理这个文件时出错，其他文件不受影响。' } }
  }
}

export async function runBatch(req: BatchRequest, events: BatchEvents): Promise<BatchSummary> {
  const controller = new AbortController()
  running.set(req.batchId, controller)
  await mkdir(req.outDir, { recursive: true })
  const outputs = req.outputs ?? dedupeNames(req.paths.map((p) => safeFileName(`${basename(p, extname(p))}.jpg`))).map((n) => join(req.outDir, n))
  const { batchId } = req
  const total = req.paths.length
  let done = 0
  try {
    const results = await runLimited(req.paths, BATCH_CONCURRENCY, async (input, index) => {
      let result: BatchItemResult
      if (controller.signal.aborted) result = { input, error: { code: BATCH_CANCELLED_CODE, message: '已取消。' } }
      else {
        events.started({ batchId, index, total, input })
        result = await compressFile(input, outputs[index] as string, req, controller.signal)
      }
      done += 1
      const failure = 'error' in result ? { code: result.error.code, message: result.error.message } : {}
      events.progress({ batchId, index, done, total, input, ok: !('error' in result), ...failure })
      return result
    })
    return { batchId: req.batchId, cancelled: controller.signal.aborted, results }
  } finally {
    running.delete(req.batchId)
  }
}
