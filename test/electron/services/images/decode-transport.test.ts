/**
 * The decode pool over the utility-process transport, as the Electron app runs it, with
 * Electron's `utilityProcess.fork` played by real separate Node processes
 * (fake-utility-process.ts): the real decode worker, crashes, timeouts, cancels and a heap bound.
 */
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ResourceLimits } from 'node:worker_threads'
import {
  DECODE_RESOURCE_LIMITS,
  DecodePool,
  decodeHeicInWorker,
  defaultWorkerUrl,
  setDecodeTransport,
} from '../../../../electron/main/services/images/decode-pool'
import {
  DECODE_SERVICE_NAME,
  utilityExecArgv,
  utilityProcessTransport,
} from '../../../../electron/main/services/images/decode-transport'
import { ImageInputError } from '../../../../electron/main/services/images/errors'
import { decodeHeicImage, type HeicImage } from '../../../../electron/main/services/images/heic'
import { renderPdfPage, type PdfPage } from '../../../../electron/main/services/images/pdf'
import { domainCertificatePdf, handheld, toHeic } from '../../../fixtures/generate'
import { fakeUtilityFork, isAlive, unpackJsFlags } from './fake-utility-process'

// Fixtures are drawn from SVG, which the image service blocks process-wide once it runs.
let heic: Buffer
let pdf: Buffer
beforeAll(async () => {
  heic = await toHeic(await handheld({ seed: 33, width: 900, height: 1200 }))
  pdf = await domainCertificatePdf({ seed: 22 })
})

const STUB = fileURLToPath(new URL('./stub-decode-worker.mjs', import.meta.url))
/** decode-worker.ts from the sources (through tsx), as the shared pool would start it. */
const REAL_WORKER = fileURLToPath(
  defaultWorkerUrl(new URL('../../../../electron/main/services/images/decode-pool.ts', import.meta.url).href),
)

const pools: DecodePool[] = []
afterEach(async () => {
  setDecodeTransport(undefined)
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

function utilityPool(
  o: { script?: string; limits?: ResourceLimits; taskTimeoutMs?: number; size?: number } = {},
) {
  const fork = fakeUtilityFork()
  const pool = new DecodePool({
    transport: utilityProcessTransport(fork, o.script ?? STUB, o.limits ?? DECODE_RESOURCE_LIMITS),
    size: o.size ?? 1,
    idleMs: 30_000,
    taskTimeoutMs: o.taskTimeoutMs ?? 30_000,
  })
  pools.push(pool)
  const lastPid = () => fork.calls.at(-1)?.child.pid ?? -1
  return { pool, fork, lastPid }
}

const task = (mode: number) => ({ kind: 'heic' as const, input: Buffer.from([mode, 9, 9]) })
type Echo = { keys: string[]; input: Uint8Array; pid: number; heapLimit: number }
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code,
  )
const MB = 1024 * 1024

describe('utility-process transport', () => {
  it('forks the worker module with its service name and the heap bounds as --js-flags', () => {
    expect(utilityExecArgv(DECODE_RESOURCE_LIMITS)).toEqual([
      `--js-flags=--max-old-space-size=${DECODE_RESOURCE_LIMITS.maxOldGenerationSizeMb} --max-semi-space-size=21`,
    ])
    expect(unpackJsFlags(utilityExecArgv(DECODE_RESOURCE_LIMITS))).toEqual([
      '--max-old-space-size=512',
      '--max-semi-space-size=21',
    ])
    expect(DECODE_SERVICE_NAME).toMatch(/decoder/)
  })

  it('decodes HEIC and renders a PDF page in a separate process, to the main-thread pixels, as Buffers', async () => {
    const { pool, fork } = utilityPool({ script: REAL_WORKER, taskTimeoutMs: 60_000 })
    const image = (await pool.run({ kind: 'heic', input: heic })) as HeicImage
    const local = await decodeHeicImage(heic)
    expect(Buffer.isBuffer(image.data)).toBe(true)
    expect(image.data.equals(local.data)).toBe(true)
    expect({ ...image, data: null }).toEqual({ ...local, data: null })
    const page = (await pool.run({ kind: 'pdf', input: pdf, page: 1 })) as PdfPage
    const localPage = await renderPdfPage(pdf, 1)
    expect(Buffer.isBuffer(page.data)).toBe(true)
    expect(page.data.equals(localPage.data)).toBe(true)
    expect({ ...page, data: null }).toEqual({ ...localPage, data: null })
    // One child did both, in its own process, under the default bounds.
    expect(fork.calls).toHaveLength(1)
    expect(fork.calls[0]?.child.pid).not.toBe(process.pid)
    expect(fork.calls[0]?.options).toEqual({
      serviceName: DECODE_SERVICE_NAME,
      execArgv: utilityExecArgv(DECODE_RESOURCE_LIMITS),
    })
    // An input error crosses as the same ImageInputError.
    const error = (await pool
      .run({ kind: 'pdf', input: pdf, page: 9 })
      .catch((e: unknown) => e)) as ImageInputError
    expect(error).toBeInstanceOf(ImageInputError)
    expect(error.message).toContain('页码超出')
  })

  it('sends the input by structured clone, the caller keeping its buffer', async () => {
    const { pool } = utilityPool()
    // A view into a larger buffer (as Node's pooled Buffers are).
    const slab = Buffer.alloc(64 * 1024, 7)
    const input = slab.subarray(100, 104)
    input.set([0, 1, 2, 3])
    const echo = (await pool.run({ kind: 'pdf', input, page: 2 })) as Echo
    expect(echo.keys).toEqual(['font', 'id', 'input', 'kind', 'page'])
    expect(Buffer.from(echo.input).equals(input)).toBe(true)
    expect(input.length).toBe(4)
  })

  it('turns a child that exits into image/decoder-crashed and forks a new one for the next task', async () => {
    const { pool, fork } = utilityPool()
    const before = (await pool.run(task(0))) as Echo
    const error = await pool.run(task(1)).catch((e: unknown) => e as ImageInputError)
    expect(error).toBeInstanceOf(ImageInputError)
    expect(error).toMatchObject({ code: 'image/decoder-crashed' })
    expect(pool.size).toBe(0)
    const after = (await pool.run(task(0))) as Echo
    expect(after.pid).not.toBe(before.pid)
    expect(fork.calls).toHaveLength(2)
  })

  it('ends a child whose heap grows past the execArgv bound with image/decoder-crashed, then recovers', async () => {
    const limits = { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 6 }
    const { pool, fork } = utilityPool({ limits })
    const before = (await pool.run(task(0))) as Echo
    // The bound reached V8 in the child (heap_size_limit counts the young generation too).
    expect(before.heapLimit).toBeLessThan(48 * MB)
    expect(fork.calls[0]?.options.execArgv).toEqual([
      '--js-flags=--max-old-space-size=24 --max-semi-space-size=2',
    ])
    const started = performance.now()
    expect(await codeOf(pool.run(task(5)))).toBe('image/decoder-crashed')
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(isAlive(before.pid)).toBe(false)
    const after = (await pool.run(task(0))) as Echo
    expect(after.pid).not.toBe(before.pid)
  })

  it('kills a child stuck past the task timeout (image/timeout) and forks a new one', async () => {
    const { pool, lastPid } = utilityPool({ taskTimeoutMs: 500 })
    const stuck = pool.run(task(2))
    await vi.waitFor(() => expect(lastPid()).toBeGreaterThan(0))
    const pid = lastPid()
    expect(await codeOf(stuck)).toBe('image/timeout')
    expect(pool.size).toBe(0)
    await vi.waitFor(() => expect(isAlive(pid)).toBe(false), { timeout: 5000 })
    expect(((await pool.run(task(0))) as Echo).pid).not.toBe(pid)
  })

  it('cancels: kills the child running the task and refuses the queued one', async () => {
    const { pool, lastPid } = utilityPool()
    const ac = new AbortController()
    const running = codeOf(pool.run(task(2), ac.signal))
    const queued = codeOf(pool.run(task(0), ac.signal))
    await vi.waitFor(() => expect(lastPid()).toBeGreaterThan(0))
    const pid = lastPid()
    ac.abort()
    expect([await running, await queued]).toEqual(['image/cancelled', 'image/cancelled'])
    expect(pool.size).toBe(0)
    await vi.waitFor(() => expect(isAlive(pid)).toBe(false), { timeout: 5000 })
  })

  it('close() waits until every child has exited', async () => {
    const { pool, fork } = utilityPool({ size: 2 })
    await Promise.all([pool.run(task(4)), pool.run(task(4))])
    const pids = fork.calls.map((c) => c.child.pid ?? -1)
    expect(pids).toHaveLength(2)
    await pool.close()
    expect(pids.map(isAlive)).toEqual([false, false])
  })

  it('serves the shared decode functions once main sets the transport', async () => {
    const fork = fakeUtilityFork()
    setDecodeTransport(utilityProcessTransport(fork, REAL_WORKER, DECODE_RESOURCE_LIMITS))
    const image = await decodeHeicInWorker(heic)
    expect(Buffer.isBuffer(image.data)).toBe(true)
    expect(fork.calls).toHaveLength(1)
    expect(fork.calls[0]?.modulePath).toBe(REAL_WORKER)
  })
})
