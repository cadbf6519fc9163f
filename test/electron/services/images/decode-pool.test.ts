import { getEventListeners } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ResourceLimits } from 'node:worker_threads'
import {
  DECODE_RESOURCE_LIMITS,
  DecodePool,
  decodeHeicInWorker,
  defaultWorkerUrl,
  renderPdfPageInWorker,
} from '../../../../electron/main/services/images/decode-pool'
import { ImageInputError } from '../../../../electron/main/services/images/errors'
import { decodeHeicImage } from '../../../../electron/main/services/images/heic'
import { renderPdfPage, setPdfFallbackFont } from '../../../../electron/main/services/images/pdf'
import { domainCertificatePdf, handheld, toHeic } from '../../../fixtures/generate'

// Fixtures are drawn from SVG, which the image service blocks process-wide once it runs:
// make them all before any decoding.
let heic: Buffer
let pdf: Buffer
beforeAll(async () => {
  heic = await toHeic(await handheld({ seed: 31, width: 900, height: 1200 }))
  pdf = await domainCertificatePdf({ seed: 22 })
})

const STUB = new URL('./stub-decode-worker.mjs', import.meta.url)
const pools: DecodePool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

function stubPool(
  o: { size?: number; idleMs?: number; taskTimeoutMs?: number; resourceLimits?: ResourceLimits } = {},
): DecodePool {
  const pool = new DecodePool({
    workerUrl: STUB,
    size: o.size ?? 2,
    idleMs: o.idleMs ?? 30_000,
    taskTimeoutMs: o.taskTimeoutMs ?? 30_000,
    ...(o.resourceLimits ? { resourceLimits: o.resourceLimits } : {}),
  })
  pools.push(pool)
  return pool
}

const task = (mode: number) => ({ kind: 'heic' as const, input: Buffer.from([mode, 9, 9]) })
type Echo = { keys: string[]; kind: string; font: string | undefined; input: Buffer; threadId: number }
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code,
  )

describe('decode worker (the real one, from the sources through tsx)', () => {
  it('decodes HEIC to the same pixels as on the main thread', async () => {
    const worker = await decodeHeicInWorker(heic)
    const local = await decodeHeicImage(heic)
    expect(Buffer.isBuffer(worker.data)).toBe(true)
    expect(worker.data.equals(local.data)).toBe(true)
    expect({ ...worker, data: null }).toEqual({ ...local, data: null })
  })

  it('renders a PDF page to the same pixels as on the main thread', async () => {
    const worker = await renderPdfPageInWorker(pdf, 1)
    const local = await renderPdfPage(pdf, 1)
    expect(Buffer.isBuffer(worker.data)).toBe(true)
    expect(worker.data.equals(local.data)).toBe(true)
    expect({ ...worker, data: null }).toEqual({ ...local, data: null })
  })

  it('sends an input error back as the same ImageInputError (code, detail, Chinese message)', async () => {
    const local = (await renderPdfPage(pdf, 9).catch((e: unknown) => e)) as ImageInputError
    const worker = (await renderPdfPageInWorker(pdf, 9).catch((e: unknown) => e)) as ImageInputError
    expect(worker).toBeInstanceOf(ImageInputError)
    expect([worker.code, worker.detail, worker.message]).toEqual([local.code, local.detail, local.message])
    expect(worker.message).toContain('页码超出')
    await expect(decodeHeicInWorker(Buffer.from('ftypheic not really'))).rejects.toMatchObject({
      code: 'image/heic-failed',
    })
  })
})

describe('DecodePool', () => {
  it('finds the built worker beside the bundle, and the tsx starter beside the sources', () => {
    expect(defaultWorkerUrl('file:///app/out/cli/index.js').href).toBe('file:///app/out/cli/decode-worker.js')
    expect(defaultWorkerUrl('file:///r/app.asar/out/main/index.js').href).toBe(
      'file:///r/app.asar/out/main/decode-worker.js',
    )
    expect(defaultWorkerUrl('file:///src/images/decode-pool.ts').href).toBe(
      'file:///src/images/decode-worker-tsx.mjs',
    )
  })

  it('turns a worker that dies into image/decoder-crashed and starts a new worker for the next task', async () => {
    const pool = stubPool()
    const before = (await pool.run(task(0))) as Echo
    const error = await pool.run(task(1)).catch((e: unknown) => e as ImageInputError)
    expect(error).toBeInstanceOf(ImageInputError)
    expect(error).toMatchObject({ code: 'image/decoder-crashed' })
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/)
    const after = (await pool.run(task(0))) as Echo
    expect(after.threadId).not.toBe(before.threadId)
  })

  it('ends a worker whose heap grows past its resource limits with image/decoder-crashed, then recovers', async () => {
    const pool = stubPool({ resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 } })
    const before = (await pool.run(task(0))) as Echo
    const error = await pool.run(task(5)).catch((e: unknown) => e as ImageInputError)
    expect(error).toBeInstanceOf(ImageInputError)
    expect(error).toMatchObject({ code: 'image/decoder-crashed' })
    expect((error as Error).message).toMatch(/内存不足/)
    const after = (await pool.run(task(0))) as Echo
    expect(after.threadId).not.toBe(before.threadId)
    expect(pool.size).toBe(1)
  })

  it('bounds every decode worker by default (heap limits well above a real decode)', () => {
    expect(DECODE_RESOURCE_LIMITS.maxOldGenerationSizeMb).toBeGreaterThanOrEqual(256)
    expect(DECODE_RESOURCE_LIMITS.maxOldGenerationSizeMb).toBeLessThanOrEqual(1024)
    expect(DECODE_RESOURCE_LIMITS.maxYoungGenerationSizeMb).toBeLessThanOrEqual(128)
  })

  it('fails the task with image/decoder-crashed when the worker file cannot start', async () => {
    const pool = new DecodePool({
      workerUrl: new URL('./no-such-worker.mjs', import.meta.url),
      size: 1,
      idleMs: 1000,
      taskTimeoutMs: 5000,
    })
    pools.push(pool)
    expect(await codeOf(pool.run(task(0)))).toBe('image/decoder-crashed')
    expect(pool.size).toBe(0)
  })

  it('ends a worker stuck past the task timeout with image/timeout', async () => {
    // Task 2 never answers: without the timeout the test itself would time out.
    const pool = stubPool({ taskTimeoutMs: 300 })
    expect(await codeOf(pool.run(task(2)))).toBe('image/timeout')
    expect(pool.size).toBe(0)
    expect(((await pool.run(task(0))) as Echo).kind).toBe('heic')
  })

  it('cancels: ends the worker running the task, drops queued tasks, leaves no abort listener', async () => {
    const pool = stubPool({ size: 1 })
    const ac = new AbortController()
    const running = codeOf(pool.run(task(2), ac.signal))
    const queued = codeOf(pool.run(task(0), ac.signal))
    await sleep(100)
    ac.abort()
    expect([await running, await queued]).toEqual(['image/cancelled', 'image/cancelled'])
    expect(pool.size).toBe(0)
    expect(await codeOf(pool.run(task(0), ac.signal))).toBe('image/cancelled')
    // A batch shares one signal across many images.
    const batch = new AbortController()
    await Promise.all([pool.run(task(0), batch.signal), pool.run(task(3), batch.signal).catch(() => null)])
    expect(getEventListeners(batch.signal, 'abort')).toHaveLength(0)
  })

  it('runs at most `size` workers, queues the rest and ends idle workers', async () => {
    const pool = stubPool({ size: 2, idleMs: 200 })
    const answers = (await Promise.all([1, 2, 3, 4].map(() => pool.run(task(4))))) as Echo[]
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(2)
    expect(pool.size).toBe(2)
    // Behaviour, not timing: both idle workers end (how soon after idleMs is no test's business).
    await vi.waitFor(() => expect(pool.size).toBe(0), { timeout: 15_000, interval: 50 })
  })

  it('passes a refusal through with its code and detail', async () => {
    const error = await stubPool()
      .run(task(3))
      .catch((e: unknown) => e as ImageInputError)
    expect(error).toBeInstanceOf(ImageInputError)
    expect(error).toMatchObject({ code: 'pdf/too-many-pages', detail: '共 60 页' })
    expect((error as Error).message).toBe(new ImageInputError('pdf/too-many-pages', '共 60 页').message)
  })

  it('gives the worker only the input bytes, the options and the fallback font set in main', async () => {
    const pool = stubPool()
    const input = Buffer.from([0, 1, 2, 3])
    const plain = (await pool.run({ kind: 'pdf', input, page: 2 })) as Echo
    expect(plain.keys).toEqual(['font', 'id', 'input', 'kind', 'page'])
    expect(Buffer.from(plain.input).equals(input)).toBe(true)
    setPdfFallbackFont('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')
    const withFont = (await pool.run(task(0))) as Echo
    expect(withFont.font).toBe('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')
    expect(input.length).toBe(4) // the caller's buffer is copied, never moved away
  })
})
