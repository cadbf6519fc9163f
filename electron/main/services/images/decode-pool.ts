/**
 * A small pool of decode workers (decode-worker.ts), so HEIC and PDF decoding never holds the
 * main thread: in Electron that thread paints the window and answers IPC. Workers start with
 * the first HEIC/PDF, are unref'd while idle (the CLI and tests can exit) and end after
 * DECODE_IDLE_MS without work, giving their memory back. A worker that crashes, runs past
 * DECODE_TASK_TIMEOUT_MS or whose task is cancelled is terminated (wasm and pdf.js cannot be
 * interrupted otherwise) and replaced by a new one when there is work. Each worker runs under
 * DECODE_RESOURCE_LIMITS: a hostile file that makes pdf.js or the HEIC decoder grow its heap past
 * the bound ends that worker only (image/decoder-crashed), not the app.
 * A worker is a worker thread by default; the Electron app runs each in a utility process of its
 * own instead (setDecodeTransport, decode-transport.ts), with the same limits and behaviour.
 */
import type { ResourceLimits } from 'node:worker_threads'
import { BATCH_CONCURRENCY } from './batch'
import {
  errorFromWire,
  reviveBuffers,
  type DecodeReply,
  type DecodeRequest,
  type DecodeTask,
} from './decode-protocol'
import { workerThreadTransport, type DecodeChild, type DecodeTransport } from './decode-transport'
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
  size: number
  idleMs: number
  taskTimeoutMs: number
} & (
  | {
      /** Worker threads running this script. */
      workerUrl: URL
      /** Heap bounds of each worker (default DECODE_RESOURCE_LIMITS). */
      resourceLimits?: ResourceLimits
    }
  | {
      /** Any other way of starting a worker (a utility process in Electron). */
      transport: DecodeTransport
    }
)

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
type Slot = { child: DecodeChild; job: Job | null; idle?: NodeJS.Timeout; deadline?: NodeJS.Timeout }

const crashed = (): ImageInputError => new ImageInputError('image/decoder-crashed')

export class DecodePool {
  readonly #opts: DecodePoolOptions
  readonly #transport: DecodeTransport
  #slots: Slot[] = []
  #queue: Job[] = []
  #nextId = 1

  constructor(opts: DecodePoolOptions) {
    this.#opts = opts
    this.#transport =
      'transport' in opts
        ? opts.transport
        : workerThreadTransport(opts.workerUrl, opts.resourceLimits ?? DECODE_RESOURCE_LIMITS)
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
    await Promise.all(slots.map((s) => s.child.kill()))
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
    // The transport never reports during this call, so `slot` is set before its events use it.
    const child = this.#transport({
      message: (reply: DecodeReply) => this.#answer(slot, reply),
      gone: () => this.#drop(slot, crashed()),
    })
    const slot: Slot = { child, job: null }
    this.#slots.push(slot)
    return slot
  }

  #start(slot: Slot, job: Job): void {
    clearTimeout(slot.idle)
    slot.job = job
    slot.child.hold(true)
    slot.deadline = setTimeout(
      () => this.#drop(slot, new ImageInputError('image/timeout')),
      this.#opts.taskTimeoutMs,
    )
    const request: DecodeRequest = { ...copyInput(job.task), id: job.id, font: cjkFontOverride() }
    try {
      slot.child.send(request)
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
    slot.child.hold(false)
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
    void slot.child.kill()
    if (job) job.settle({ error: error ?? crashed() })
    this.#pump()
  }
}

/**
 * The input is copied once into a buffer of exactly its bytes: moved to a worker thread, or
 * cloned to a utility process (a clone copies the whole backing buffer, never a pool's slab).
 */
function copyInput(task: DecodeTask): DecodeTask {
  return 'input' in task ? { ...task, input: new Uint8Array(task.input) } : task
}

let shared: DecodePool | undefined
let sharedTransport: DecodeTransport | undefined

/**
 * How the shared pool starts its workers from now on (Electron main: utility processes); the
 * default is worker threads of decode-worker beside this module. Running workers are ended.
 */
export function setDecodeTransport(transport: DecodeTransport | undefined): void {
  sharedTransport = transport
  void shared?.close()
  shared = undefined
}

function sharedPool(): DecodePool {
  const common = { size: BATCH_CONCURRENCY, idleMs: DECODE_IDLE_MS, taskTimeoutMs: DECODE_TASK_TIMEOUT_MS }
  shared ??= new DecodePool(
    sharedTransport
      ? { ...common, transport: sharedTransport }
      : { ...common, workerUrl: defaultWorkerUrl() },
  )
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
