/**
 * One OCR worker (ocr-worker.ts), started with the first task, unref'd while idle and ended
 * after OCR_IDLE_MS without work (the recogniser holds 0.6–1.1 GB). Tasks run one at a time.
 * A task running past its timeout, cancelled, or whose worker dies ends the worker (onnxruntime
 * cannot be interrupted otherwise); the next task starts a fresh one.
 */
import { Worker } from 'node:worker_threads'
import type { AppFailure } from '../app-error'
import { type OcrErrorCode, isOcrErrorCode, ocrFailure } from './errors'
import type { OcrModelPaths } from './models'
import type { OcrReply, OcrRequest, OcrTask } from './protocol'

export const OCR_IDLE_MS = 60_000
/** Busy two-core machines need ~10 s per photo; a healthy one about 1 s. */
export const OCR_TASK_TIMEOUT_MS = 90_000
/** V8 heap of the worker; onnxruntime and the opencv wasm heap live outside it. */
export const OCR_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64 }

export type OcrEngineOptions = {
  workerUrl: URL
  models: () => OcrModelPaths
  idleMs: number
  taskTimeoutMs: number
}

/** ocr-worker.js beside the built entry; from the .ts sources, the tsx starter. */
export function defaultOcrWorkerUrl(here = import.meta.url): URL {
  const fromSources = new URL(here).pathname.endsWith('.ts')
  return new URL(fromSources ? './ocr-worker-tsx.mjs' : './ocr-worker.js', here)
}

type Job = {
  task: OcrTask
  id: number
  timeoutMs: number
  settle: (o: { value: unknown } | { error: AppFailure }) => void
}

export class OcrEngine {
  readonly #opts: OcrEngineOptions
  #worker: Worker | null = null
  #job: Job | null = null
  #queue: Job[] = []
  #nextId = 1
  #idle?: NodeJS.Timeout
  #deadline?: NodeJS.Timeout

  constructor(opts: OcrEngineOptions) {
    this.#opts = opts
  }

  get running(): boolean {
    return this.#worker !== null
  }

  run(task: OcrTask, opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<unknown> {
    const { signal } = opts
    if (signal?.aborted) return Promise.reject(ocrFailure('ocr/cancelled'))
    return new Promise((resolve, reject) => {
      const onAbort = (): void => this.#cancel(job)
      const job: Job = {
        task,
        id: this.#nextId++,
        timeoutMs: opts.timeoutMs ?? this.#opts.taskTimeoutMs,
        settle: (o) => {
          signal?.removeEventListener('abort', onAbort)
          if ('error' in o) reject(o.error)
          else resolve(o.value)
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#queue.push(job)
      this.#pump()
    })
  }

  async close(): Promise<void> {
    for (const job of this.#queue.splice(0)) job.settle({ error: ocrFailure('ocr/cancelled') })
    const worker = this.#worker
    this.#end('ocr/cancelled')
    await worker?.terminate()
  }

  #pump(): void {
    if (this.#job) return
    const job = this.#queue.shift()
    if (!job) return
    let request: OcrRequest
    try {
      request = {
        ...job.task,
        input: new Uint8Array(job.task.input),
        id: job.id,
        models: this.#opts.models(),
      }
    } catch (error) {
      job.settle({ error: error as AppFailure })
      this.#pump()
      return
    }
    const worker = this.#worker ?? this.#spawn()
    clearTimeout(this.#idle)
    this.#job = job
    worker.ref()
    this.#deadline = setTimeout(() => this.#end('ocr/timeout'), job.timeoutMs)
    worker.postMessage(request, [request.input.buffer as ArrayBuffer])
  }

  #spawn(): Worker {
    const worker = new Worker(this.#opts.workerUrl, { execArgv: [], resourceLimits: OCR_RESOURCE_LIMITS })
    worker.on('message', (reply: OcrReply) => this.#answer(reply))
    worker.on('error', (error) => {
      console.error('[ocr-worker]', error)
      if (this.#worker === worker) this.#end('ocr/crashed')
    })
    worker.on('exit', () => {
      if (this.#worker === worker) this.#end('ocr/crashed')
    })
    this.#worker = worker
    return worker
  }

  #answer(reply: OcrReply): void {
    const job = this.#job
    if (!job || reply.id !== job.id) return
    clearTimeout(this.#deadline)
    this.#job = null
    this.#worker?.unref()
    this.#idle = setTimeout(() => this.#end(null), this.#opts.idleMs)
    this.#idle.unref()
    if (reply.ok) job.settle({ value: reply.value })
    else {
      const code: OcrErrorCode = isOcrErrorCode(reply.error.code) ? reply.error.code : 'ocr/failed'
      job.settle({ error: ocrFailure(code, code === 'ocr/failed' ? reply.error.message : undefined) })
    }
    this.#pump()
  }

  #cancel(job: Job): void {
    const queued = this.#queue.indexOf(job)
    if (queued >= 0) {
      this.#queue.splice(queued, 1)
      job.settle({ error: ocrFailure('ocr/cancelled') })
    } else if (this.#job === job) this.#end('ocr/cancelled')
  }

  /** Ends the worker, failing the running task with `code` (null: idle, nothing running). */
  #end(code: OcrErrorCode | null): void {
    clearTimeout(this.#deadline)
    clearTimeout(this.#idle)
    const worker = this.#worker
    const job = this.#job
    this.#worker = null
    this.#job = null
    void worker?.terminate()
    if (job) job.settle({ error: ocrFailure(code ?? 'ocr/crashed') })
    this.#pump()
  }
}
