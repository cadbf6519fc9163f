/**
 * Electron's `utilityProcess.fork` stood in for by a real separate Node process
 * (`child_process.fork` of utility-process-shim.mjs, which gives the child `process.parentPort`).
 * Messages are structured clones (`serialization: 'advanced'`), as between Electron processes,
 * and no transfer list exists. Electron hands execArgv to the child as Chromium switches, of
 * which V8 reads --js-flags; Node takes V8 flags directly, so --js-flags is unpacked here.
 */
import { fork as forkNode, type ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { fileURLToPath } from 'node:url'
import type {
  ForkUtility,
  UtilityChild,
  UtilityForkOptions,
} from '../../../../electron/main/services/images/decode-transport'

const SHIM = fileURLToPath(new URL('./utility-process-shim.mjs', import.meta.url))

class FakeUtilityChild extends EventEmitter implements UtilityChild {
  readonly #child: ChildProcess
  constructor(child: ChildProcess) {
    super()
    this.#child = child
    child.on('message', (message) => this.emit('message', message))
    // Electron reports a number for every end, a crash included.
    child.on('exit', (code, signal) => this.emit('exit', code ?? (signal ? 128 : 1)))
    child.on('error', (error) => console.error('[fake utility process]', error))
  }
  get pid(): number | undefined {
    return this.#child.pid
  }
  postMessage(message: unknown): void {
    // Like Electron's: nothing happens once the child is gone.
    if (this.#child.connected) this.#child.send(message as object)
  }
  kill(): boolean {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return false
    return this.#child.kill()
  }
}

export type ForkCall = {
  modulePath: string
  args: string[]
  options: UtilityForkOptions
  child: FakeUtilityChild
}

export function unpackJsFlags(execArgv: string[]): string[] {
  return execArgv.flatMap((arg) =>
    arg.startsWith('--js-flags=') ? arg.slice('--js-flags='.length).split(/\s+/).filter(Boolean) : [],
  )
}

/** A fork function with the shape of Electron's, recording each call. */
export function fakeUtilityFork(): ForkUtility & { calls: ForkCall[] } {
  const calls: ForkCall[] = []
  const fork = (modulePath: string, args: string[], options: UtilityForkOptions): FakeUtilityChild => {
    const child = new FakeUtilityChild(
      forkNode(SHIM, [modulePath, ...args], {
        execArgv: unpackJsFlags(options.execArgv),
        serialization: 'advanced',
      }),
    )
    calls.push({ modulePath, args, options, child })
    return child
  }
  return Object.assign(fork, { calls })
}

/** Whether a process still exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
