/**
 * A small pool of decode workers (decode-worker.ts), so HEIC and PDF decoding never holds the
 * main thread: in Electron that thread paints the window and answers IPC. Workers start with
 * the first HEIC/PDF, are unref'd while idle (the CLI and tests can exit) and end after
 * DECODE_IDLE_MS without work, giving their memory back. A worker that crashes, runs past
 * DECODE_TASK_TIMEOUT_MS or whose task is cancelled is terminated (wasm and pdf.js cannot be
 * interrupted otherwise) and replaced by a new one when there is work. Each worker runs under
 * DECODE_RESOURCE_LIMITS: a hostile file that makes pdf.js or the HEIC decoder grow its heap past
 * the bound ends that worker only (image/decoder-crashed), not the app.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { BATCH_CONCURRENCY } from './batch'
import {
  errorFromWire,
  reviveBuffers,
  type DecodeReply,
  type DecodeRequest,
  type DecodeTask,
} from './decode-protocol'
import { ImageInputError } from './errors'
import { cjkFontOverride } from './fonts'
import type { HeicImage } from './heic'
import type { PdfPage } from './pdf'

export const DECODE_IDLE_MS = 30_000
/**
 * A decode running this long is stopped (its worker ended). Below compressImage's whole-call
 * backstop, which also aborts the signal, so a task that waited in the queue is stopped too.
 */
export const DECODE_TASK_TIMEOUT_MS = 60_000

/**
 * Heap bounds of each decode worker (MB). A 50 MP PDF page or HEIC frame needs about 200 MB of
 * pixels, held in ArrayBuffers and wasm memory outside these heaps; the JS heap of pdf.js and of
 * the HEIC glue stays far below. Past the bound, V8 ends the worker (ERR_WORKER_OUT_OF_MEMORY).
 */
export const DECODE_RESOURCE_LIMITS = {
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 64,
  codeRangeSizeMb: 64,
  stackSizeMb: 4,
} as const satisfies ResourceLimits

export type DecodePoolOptions = {
  workerUrl: URL
  size: number
  idleMs: number
  taskTimeoutMs: number
  /** Heap bounds of each worker (default DECODE_RESOURCE_LIMITS). */
  resourceLimits?: ResourceLimits
}

/**
 * The worker beside this module: decode-worker.js in out/main and out/cli (both builds emit it
 * as a second entry). Run from the .ts sources (tsx, vitest), decode-worker.ts is started
 * through tsx's loader, so tests and the benchmark exercise the same worker path as the app.
 */
export function defaultWorkerUrl(here = import.meta.url): URL {
  const fromSources = new URL(here).pathname.endsWith('.ts')
  return new URL(fromSources ? './decode-worker-tsx.mjs' : './decode-worker.js', here)
}

type Job = {
  task: DecodeTask
  id: number
  settle: (outcome: { value: unknown } | { error: Error }) => void
}
type Slot = { worker: Worker; job: Job | null; idle?: NodeJS.Timeout; deadline?: NodeJS.Timeout }

const crashed = (): ImageInputError => new ImageInputError('image/decoder-crashed')

export class DecodePool {
  readonly #opts: DecodePoolOptions
  #slots: Slot[] = []
  #queue: Job[] = []
  #nextId = 1

  constructor(opts: DecodePoolOptions) {
    this.#opts = opts
  }

  /** Number of live workers (for tests). */
  get size(): number {
    return this.#slots.length
  }

  /** Runs one task in a worker; `signal` aborting terminates the worker running it. */
  run(task: DecodeTask, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(new ImageInputError('image/cancelled'))
    return new Promise((resolve, reject) => {
      const onAbort = (): void => this.#cancel(job)
      const job: Job = {
        task,
        id: this.#nextId++,
        settle: (outcome) => {
          // A batch shares one signal across many images: never leave a listener behind.
          signal?.removeEventListener('abort', onAbort)
          if ('error' in outcome) reject(outcome.error)
          else resolve(outcome.value)
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#queue.push(job)
      this.#pump()
    })
  }

  /** Ends every worker and refuses queued tasks. */
  async close(): Promise<void> {
    for (const job of this.#queue.splice(0)) job.settle({ error: new ImageInputError('image/cancelled') })
    const slots = [...this.#slots]
    for (const slot of slots) this.#drop(slot, new ImageInputError('image/cancelled'))
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }

  #pump(): void {
    for (let job = this.#queue[0]; job; job = this.#queue[0]) {
      let slot: Slot | null
      try {
        slot =
          this.#slots.find((s) => s.job === null) ??
          (this.#slots.length < this.#opts.size ? this.#spawn() : null)
      } catch (error) {
        console.error('[decode-worker] cannot start', error)
        this.#queue.shift()
        job.settle({ error: crashed() })
        continue
      }
      if (!slot) return
      this.#queue.shift()
      this.#start(slot, job)
    }
  }

  #spawn(): Slot {
    // Own flags only: the parent's (e.g. tsx's --import) mean nothing to the worker.
    const worker = new Worker(this.#opts.workerUrl, {
      execArgv: [],
      resourceLimits: this.#opts.resourceLimits ?? DECODE_RESOURCE_LIMITS,
    })
    const slot: Slot = { worker, job: null }
    slot.worker.on('message', (reply: DecodeReply) => this.#answer(slot, reply))
    slot.worker.on('error', (error) => {
      console.error('[decode-worker]', error)
      this.#drop(slot, crashed())
    })
    slot.worker.on('messageerror', () => this.#drop(slot, crashed()))
    slot.worker.on('exit', () => this.#drop(slot, crashed()))
    this.#slots.push(slot)
    return slot
  }

  #start(slot: Slot, job: Job): void {
    clearTimeout(slot.idle)
    slot.job = job
    slot.worker.ref()
    slot.deadline = setTimeout(
      () => this.#drop(slot, new ImageInputError('image/timeout')),
      this.#opts.taskTimeoutMs,
    )
    const request: DecodeRequest = { ...copyInput(job.task), id: job.id, font: cjkFontOverride() }
    try {
      slot.worker.postMessage(request, 'input' in request ? [request.input.buffer as ArrayBuffer] : [])
    } catch (error) {
      this.#finish(slot)
      job.settle({ error: error instanceof Error ? error : new Error(String(error)) })
      this.#pump()
    }
  }

  #answer(slot: Slot, reply: DecodeReply): void {
    const job = slot.job
    if (!job || reply.id !== job.id) return
    this.#finish(slot)
    job.settle(reply.ok ? { value: reviveBuffers(reply.value) } : { error: errorFromWire(reply.error) })
    this.#pump()
  }

  /** The worker is free again: unref'd, and ended after idleMs without work. */
  #finish(slot: Slot): void {
    clearTimeout(slot.deadline)
    slot.job = null
    slot.worker.unref()
    slot.idle = setTimeout(() => this.#drop(slot, null), this.#opts.idleMs)
    slot.idle.unref()
  }

  #cancel(job: Job): void {
    const queued = this.#queue.indexOf(job)
    if (queued >= 0) {
      this.#queue.splice(queued, 1)
      job.settle({ error: new ImageInputError('image/cancelled') })
      return
    }
    const slot = this.#slots.find((s) => s.job === job)
    if (slot) this.#drop(slot, new ImageInputError('image/cancelled'))
  }

  /** Removes a worker (crashed, timed out, cancelled or idle), fails its task, starts queued work. */
  #drop(slot: Slot, error: ImageInputError | null): void {
    const index = this.#slots.indexOf(slot)
    if (index < 0) return
    this.#slots.splice(index, 1)
    clearTimeout(slot.deadline)
    clearTimeout(slot.idle)
    const job = slot.job
    slot.job = null
    void slot.worker.terminate()
    if (job) job.settle({ error: error ?? crashed() })
    this.#pump()
  }
}

/** The input is copied once into its own buffer, which is then moved to the worker. */
function copyInput(task: DecodeTask): DecodeTask {
  return 'input' in task ? { ...task, input: new Uint8Array(task.input) } : task
}

let shared: DecodePool | undefined

function sharedPool(): DecodePool {
  shared ??= new DecodePool({
    workerUrl: defaultWorkerUrl(),
    size: BATCH_CONCURRENCY,
    idleMs: DECODE_IDLE_MS,
    taskTimeoutMs: DECODE_TASK_TIMEOUT_MS,
  })
  return shared
}

/** decodeHeicImage (heic.ts), run in a decode worker. */
export function decodeHeicInWorker(input: Buffer, signal?: AbortSignal): Promise<HeicImage> {
  return sharedPool().run({ kind: 'heic', input }, signal) as Promise<HeicImage>
}

/** renderPdfPage (pdf.ts), run in a decode worker; the result object is passed through as it is. */
export function renderPdfPageInWorker(input: Buffer, page: number, signal?: AbortSignal): Promise<PdfPage> {
  return sharedPool().run({ kind: 'pdf', input, page }, signal) as Promise<PdfPage>
}
