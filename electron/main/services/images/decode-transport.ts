/**
 * How the decode pool (decode-pool.ts) starts a decode child and talks to it: a worker thread
 * (the CLI, tests, the benchmark, the web test bridge) or, in the Electron app, a utility
 * process (Electron's `utilityProcess.fork`), so a decoder that crashes or runs away with memory
 * takes down a process of its own rather than a thread of main. Both speak decode-protocol.ts.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { DecodeReply, DecodeRequest } from './decode-protocol'

/** What a child tells the pool. Never called during the transport's own call that starts it. */
export type DecodeChildEvents = {
  message: (reply: DecodeReply) => void
  /** The child ended (crash, heap limit, kill) or can no longer be reached. */
  gone: (why: string) => void
}

export type DecodeChild = {
  send: (request: DecodeRequest) => void
  /** Ends the child at once: wasm and pdf.js cannot be interrupted otherwise. */
  kill: () => Promise<void>
  /** Whether the child keeps this process alive (busy: yes; idle: no, so the CLI can exit). */
  hold: (busy: boolean) => void
}

export type DecodeTransport = (events: DecodeChildEvents) => DecodeChild

/** decode-worker as a worker thread of this process, its heaps bounded by `resourceLimits`. */
export function workerThreadTransport(workerUrl: URL, resourceLimits: ResourceLimits): DecodeTransport {
  return (events) => {
    // Own flags only: the parent's (e.g. tsx's --import) mean nothing to the worker.
    const worker = new Worker(workerUrl, { execArgv: [], resourceLimits })
    worker.on('message', events.message)
    worker.on('error', (error) => {
      console.error('[decode-worker]', error)
      events.gone('error')
    })
    worker.on('messageerror', () => events.gone('messageerror'))
    worker.on('exit', (code) => events.gone(`exit ${code}`))
    return {
      // The input was copied for the child (decode-pool.ts): move it rather than copy it again.
      send: (request) => worker.postMessage(request, [request.input.buffer as ArrayBuffer]),
      kill: async () => {
        await worker.terminate()
      },
      hold: (busy) => (busy ? worker.ref() : worker.unref()),
    }
  }
}

/** The part of Electron's UtilityProcess the pool uses (services import no `electron`). */
export type UtilityChild = {
  postMessage(message: unknown): void
  kill(): boolean
  on(event: 'message', listener: (message: unknown) => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
  /** A V8 fatal error (heap exhausted): reported before 'exit'. */
  on(event: 'error', listener: (type: string, location: string) => void): unknown
}

export type UtilityForkOptions = { serviceName: string; execArgv: string[] }

/** `utilityProcess.fork` (Electron ≥ 22), callable only after the app is ready. */
export type ForkUtility = (modulePath: string, args: string[], options: UtilityForkOptions) => UtilityChild

export const DECODE_SERVICE_NAME = 'Beian Desk decoder'

/**
 * The worker's heap bounds as a utility process's flags. Its execArgv become Chromium switches
 * of the child, and V8 there reads only --js-flags (Electron's own utility-process tests bound
 * the heap this way). V8 sizes the young generation as three semi-spaces. The code range and the
 * stack keep V8's defaults: a larger --stack-size than the thread really has crashes instead.
 */
export function utilityExecArgv(limits: ResourceLimits): string[] {
  const flags: string[] = []
  if (limits.maxOldGenerationSizeMb) flags.push(`--max-old-space-size=${limits.maxOldGenerationSizeMb}`)
  if (limits.maxYoungGenerationSizeMb)
    flags.push(`--max-semi-space-size=${Math.max(1, Math.floor(limits.maxYoungGenerationSizeMb / 3))}`)
  return flags.length ? [`--js-flags=${flags.join(' ')}`] : []
}

/**
 * decode-worker in a process of its own. There is no transfer list across processes: the
 * request is structured-cloned, which copies exactly the input's own buffer (decode-pool.ts
 * copies it first), and the reply's byte arrays arrive as Uint8Array (revived by the pool).
 */
export function utilityProcessTransport(
  fork: ForkUtility,
  modulePath: string,
  resourceLimits: ResourceLimits,
): DecodeTransport {
  return (events) => {
    const child = fork(modulePath, [], {
      serviceName: DECODE_SERVICE_NAME,
      execArgv: utilityExecArgv(resourceLimits),
    })
    let exited = false
    const waiters: Array<() => void> = []
    child.on('message', (reply) => events.message(reply as DecodeReply))
    // An 'error' nobody listens to would be thrown in main; 'exit' follows and fails the task.
    child.on('error', (type, location) => console.error('[decode-worker]', type, location))
    child.on('exit', (code) => {
      exited = true
      for (const wake of waiters.splice(0)) wake()
      events.gone(`exit ${code}`)
    })
    return {
      send: (request) => child.postMessage(request),
      kill: () =>
        new Promise<void>((resolve) => {
          if (exited || !child.kill()) resolve()
          else waiters.push(resolve)
        }),
      // Electron's main process does not end when its event loop is empty: nothing to hold.
      hold: () => {},
    }
  }
}
