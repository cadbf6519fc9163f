/**
 * Compressing many files into a folder (the agency's "shrink this WeChat dump" job): one more
 * at a time than the machine has cores (imageBatchConcurrency), cancellable, and one failure
 * never stops the rest. Each file that begins emits `batch:started`, and each file emits one
 * `batch:progress` when it is finished (files skipped
 * after a cancel only the latter). Files are read one by one, so 50 phone photos never sit in
 * memory together. No file is ever replaced unless the caller says `overwrite`, and an input
 * never: an output whose name is taken goes to a free name (free-path.ts), reported per file.
 */
import { mkdir } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { BATCH_CANCELLED_CODE, type BatchItemResult, type BatchSummary, type Events } from '../../../core/api'
import { safeFileName } from '../../../core/packet/file-names'
import { AppFailure } from './app-error'
import { EXPORT_DIR_MODE, EXPORT_FILE_MODE } from './export-modes'
import { capTag, overwriteUnlessInput, planNames, writeFileToFreeName } from './free-path'
import { compressImage } from './images'
import { imageBatchConcurrency, runLimited } from './images/batch'
import { inputRefusal, readInputFile } from './input-gate'
import { findPerspective } from './ocr/batch-deskew'

export type BatchRequest = {
  batchId: string
  paths: string[]
  outDir: string
  maxBytes: number
  /** Explicit output paths (the CLI's --out); otherwise safe names inside outDir. */
  outputs?: string[]
  /** Replace an existing output file (the CLI's --overwrite); an input is still never replaced. */
  overwrite?: boolean
  /** The page taken from PDF inputs (the CLI's --page); default 1. */
  pdfPage?: number
  /** Find a photographed card or page and straighten it (the CLI's --deskew, the batch page's option). */
  deskew?: boolean
  /**
   * Checked just before a file is read (the app's path grants: a dropped folder or link is
   * refused with its own message); an AppFailure it throws becomes that file's error.
   */
  checkInput?: (input: string) => void
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

export const OUTPUT_IS_INPUT = {
  code: 'output/is-input',
  message:
    '不会覆盖原文件：输出文件就是一个输入文件。请换一个输出位置，或不要求覆盖，让程序另取一个不重名的文件名。',
}

/** Where one output goes: the folder, its planned name, and the names planned for the others. */
type OutputPlan = { dir: string; name: string; skip: (candidate: string) => boolean }

function planOutputs(req: BatchRequest): OutputPlan[] {
  const targets =
    req.outputs ?? req.paths.map((p) => join(req.outDir, safeFileName(`${basename(p, extname(p))}.jpg`)))
  const tag = capTag(req.maxBytes)
  const byDir = new Map<string, number[]>()
  targets.forEach((t, i) => byDir.set(dirname(t), [...(byDir.get(dirname(t)) ?? []), i]))
  const plans = new Array<OutputPlan>(targets.length)
  for (const [dir, indexes] of byDir) {
    const { planned, owner } = planNames(
      indexes.map((i) => basename(targets[i] as string)),
      tag,
    )
    indexes.forEach((index, k) => {
      plans[index] = { dir, name: planned[k] as string, skip: (c) => (owner(c) ?? k) !== k }
    })
  }
  return plans
}

/** Writes one output under the request's rule; the final path, or null when it would replace an input. */
async function writeOutput(plan: OutputPlan, data: Buffer, req: BatchRequest): Promise<string | null> {
  if (req.overwrite) {
    const target = join(plan.dir, plan.name)
    return (await overwriteUnlessInput(target, data, req.paths, EXPORT_FILE_MODE)) ? target : null
  }
  return writeFileToFreeName(plan.dir, plan.name, data, {
    tag: capTag(req.maxBytes),
    skip: plan.skip,
    mode: EXPORT_FILE_MODE,
  })
}

async function compressFile(
  input: string,
  plan: OutputPlan,
  req: BatchRequest,
  signal: AbortSignal,
): Promise<BatchItemResult> {
  try {
    req.checkInput?.(input)
    const { bytes } = await readInputFile(input)
    const result = await compressImage(bytes, {
      maxBytes: req.maxBytes,
      signal,
      ...(req.pdfPage ? { pdfPage: req.pdfPage } : {}),
      ...(req.deskew ? await findPerspective(bytes, signal) : {}),
    })
    const output = await writeOutput(plan, result.jpeg, req)
    if (output === null) return { input, error: OUTPUT_IS_INPUT }
    const { width, height, quality, warnings, notes } = result
    return { input, output, bytes: result.jpeg.length, width, height, quality, warnings, notes }
  } catch (error) {
    if (error instanceof AppFailure) return { input, error: { code: error.code, message: error.message } }
    const refusal = inputRefusal(error)
    if (refusal) return { input, error: refusal }
    return { input, error: { code: 'internal', message: '处理这个文件时出错，其他文件不受影响。' } }
  }
}

export async function runBatch(req: BatchRequest, events: BatchEvents): Promise<BatchSummary> {
  const controller = new AbortController()
  running.set(req.batchId, controller)
  const outputs = planOutputs(req)
  const { batchId } = req
  const total = req.paths.length
  let done = 0
  try {
    for (const dir of new Set(outputs.map((o) => o.dir)))
      await mkdir(dir, { recursive: true, mode: EXPORT_DIR_MODE })
    const results = await runLimited(req.paths, imageBatchConcurrency(), async (input, index) => {
      let result: BatchItemResult
      if (controller.signal.aborted)
        result = { input, error: { code: BATCH_CANCELLED_CODE, message: '已取消。' } }
      else {
        events.started({ batchId, index, total, input })
        result = await compressFile(input, outputs[index] as OutputPlan, req, controller.signal)
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
