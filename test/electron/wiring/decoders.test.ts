/**
 * electron/main/decoders.ts against a mocked `electron`: once main calls it, the shared decode
 * pool forks decode-worker.js beside the main bundle as a utility process, with the service
 * name and heap flags, and speaks the decode protocol with it.
 */
import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DECODE_RESOURCE_LIMITS,
  decodeHeicInWorker,
  setDecodeTransport,
} from '../../../electron/main/services/images/decode-pool'
import { ImageInputError } from '../../../electron/main/services/images/errors'

class FakeUtilityProcess extends EventEmitter {
  readonly posted: unknown[] = []
  killed = false
  postMessage(message: unknown): void {
    this.posted.push(message)
  }
  kill(): boolean {
    this.killed = true
    return true
  }
}

const forked: FakeUtilityProcess[] = []
const fork = vi.fn(() => {
  const child = new FakeUtilityProcess()
  forked.push(child)
  return child
})
vi.mock('electron', () => ({ utilityProcess: { fork } }))

const { builtDecodeWorkerPath, useUtilityProcessDecoders } = await import('../../../electron/main/decoders')

afterEach(() => {
  setDecodeTransport(undefined)
  forked.splice(0)
  fork.mockClear()
})

const PACKAGED_MAIN = 'file:///opt/Beian%20Desk/resources/app.asar/out/main/index.js'

describe('decoders in utility processes (main)', () => {
  it('points at decode-worker.js beside the main bundle, inside app.asar when packaged', () => {
    expect(builtDecodeWorkerPath(PACKAGED_MAIN)).toBe(
      '/opt/Beian Desk/resources/app.asar/out/main/decode-worker.js',
    )
    expect(builtDecodeWorkerPath('file:///src/beian/out/main/index.js')).toBe(
      '/src/beian/out/main/decode-worker.js',
    )
  })

  it('forks nothing until the first decode, then one utility process with the name and heap flags', async () => {
    useUtilityProcessDecoders(PACKAGED_MAIN)
    expect(fork).not.toHaveBeenCalled()
    const decoded = decodeHeicInWorker(Buffer.from('ftypheic'))
    await vi.waitFor(() => expect(forked).toHaveLength(1))
    expect(fork).toHaveBeenCalledWith('/opt/Beian Desk/resources/app.asar/out/main/decode-worker.js', [], {
      serviceName: 'Beian Desk decoder',
      execArgv: [
        `--js-flags=--max-old-space-size=${DECODE_RESOURCE_LIMITS.maxOldGenerationSizeMb} --max-semi-space-size=21`,
      ],
    })
    const child = forked[0] as FakeUtilityProcess
    const request = child.posted[0] as { id: number; kind: string; input: Uint8Array }
    expect(request).toMatchObject({ kind: 'heic' })
    expect(Buffer.from(request.input).toString()).toBe('ftypheic')
    // The reply's pixels arrive as a Uint8Array (structured clone) and reach the caller as a Buffer.
    child.emit('message', {
      id: request.id,
      ok: true,
      value: { width: 1, height: 1, data: new Uint8Array([1, 2, 3, 4]) },
    })
    const image = await decoded
    expect(Buffer.isBuffer(image.data)).toBe(true)
    expect([...image.data]).toEqual([1, 2, 3, 4])
  })

  it('turns a utility process ending (fatal error, exit) into image/decoder-crashed, forking anew', async () => {
    useUtilityProcessDecoders(PACKAGED_MAIN)
    const first = decodeHeicInWorker(Buffer.from('a')).catch((e: unknown) => e)
    await vi.waitFor(() => expect(forked).toHaveLength(1))
    // A heap blow-up: Electron emits 'error' (FatalError) and then 'exit'; main must not throw.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    forked[0]?.emit('error', 'FatalError', 'Reached heap limit', '{}')
    forked[0]?.emit('exit', 5)
    const error = await first
    expect(error).toBeInstanceOf(ImageInputError)
    expect(error).toMatchObject({ code: 'image/decoder-crashed' })
    expect(quiet).toHaveBeenCalledWith('[decode-worker]', 'FatalError', 'Reached heap limit')
    quiet.mockRestore()
    void decodeHeicInWorker(Buffer.from('b')).catch(() => null)
    await vi.waitFor(() => expect(forked).toHaveLength(2))
  })
})
