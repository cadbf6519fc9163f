/**
 * Offline OCR of ID cards and 单位 certificates, and deskew of photographed documents. Runs in
 * a worker thread (ocr-engine.ts) with the PaddleOCR models shipped in node_modules.
 */
import { readFile } from 'node:fs/promises'
import type { DeskewTarget } from './deskew-geometry'
import { ocrFailure } from './errors'
import { ocrModelPaths } from './models'
import { OCR_IDLE_MS, OCR_TASK_TIMEOUT_MS, OcrEngine, defaultOcrWorkerUrl } from './ocr-engine'
import type { DeskewOutcome, ReadKind, ReadOutcome } from './protocol'

export type { DeskewOutcome, ReadKind, ReadOutcome } from './protocol'
export type { DeskewTarget, Quad } from './deskew-geometry'

export type OcrOptions = {
  signal?: AbortSignal
  timeoutMs?: number
  /** Straighten the document first when its corners are found (default true). */
  deskew?: boolean
  /** ISO date bounding birth dates (default: today). */
  today?: string
}

let shared: OcrEngine | undefined

export function ocrEngine(): OcrEngine {
  shared ??= new OcrEngine({
    workerUrl: defaultOcrWorkerUrl(),
    models: () => ocrModelPaths(),
    idleMs: OCR_IDLE_MS,
    taskTimeoutMs: OCR_TASK_TIMEOUT_MS,
  })
  return shared
}

async function bytesOf(input: string | Buffer): Promise<Buffer> {
  if (typeof input !== 'string') return input
  try {
    return await readFile(input)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw ocrFailure(
      'ocr/unreadable',
      code === 'ENOENT' ? `找不到文件 ${input}` : `${input}: ${code ?? String(error)}`,
    )
  }
}

/** Reads the fields of a photo or scan of an ID card face or a 单位 certificate. */
export async function readDocument(
  input: string | Buffer,
  kind: ReadKind,
  opts: OcrOptions = {},
): Promise<ReadOutcome> {
  const bytes = await bytesOf(input)
  const task = {
    op: 'read' as const,
    input: bytes,
    kind,
    deskew: opts.deskew ?? true,
    ...(opts.today ? { today: opts.today } : {}),
  }
  return (await ocrEngine().run(task, opts)) as ReadOutcome
}

/** Finds the document's corners and returns it straightened (JPEG), or quad null when none is found for sure. */
export async function deskewDocument(
  input: string | Buffer,
  target: DeskewTarget,
  opts: Pick<OcrOptions, 'signal' | 'timeoutMs'> = {},
): Promise<DeskewOutcome> {
  const bytes = await bytesOf(input)
  return (await ocrEngine().run({ op: 'deskew', input: bytes, target }, opts)) as DeskewOutcome
}

/** Ends the worker (app quit, tests). */
export async function closeOcr(): Promise<void> {
  await shared?.close()
  shared = undefined
}
