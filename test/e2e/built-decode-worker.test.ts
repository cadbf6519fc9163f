/**
 * The decode worker as built (`npm run build`): emitted beside out/main/index.js and
 * out/cli/index.js, it decodes HEIC and PDF to the same pixels as the sources on the main
 * thread, and the `beian-desk` command exits as soon as its work is done (idle workers are
 * unref'd, not waited for).
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DECODE_IDLE_MS,
  DECODE_RESOURCE_LIMITS,
  DecodePool,
} from '../../electron/main/services/images/decode-pool'
import { utilityProcessTransport } from '../../electron/main/services/images/decode-transport'
import { decodeHeicImage, type HeicImage } from '../../electron/main/services/images/heic'
import { renderPdfPage, type PdfPage } from '../../electron/main/services/images/pdf'
import { domainCertificatePdf, handheld, toHeic } from '../fixtures/generate'
import { fakeUtilityFork } from '../electron/services/images/fake-utility-process'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const pools: DecodePool[] = []
let heic: Buffer
let pdf: Buffer
// Fixtures are drawn from SVG, which the image service blocks process-wide once it runs.
beforeAll(async () => {
  heic = await toHeic(await handheld({ seed: 32, width: 900, height: 1200 }))
  pdf = await domainCertificatePdf({ seed: 22 })
})
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()))
})

describe.each(['out/main', 'out/cli'])('%s/decode-worker.js', (dir) => {
  it('is built beside the entry and decodes HEIC and PDF to the main-thread pixels', async () => {
    const file = resolve(dir, 'decode-worker.js')
    expect(existsSync(file), `${file} missing: run npm run build`).toBe(true)
    const pool = new DecodePool({
      workerUrl: pathToFileURL(file),
      size: 1,
      idleMs: 1000,
      taskTimeoutMs: 60_000,
    })
    pools.push(pool)
    const image = (await pool.run({ kind: 'heic', input: heic })) as HeicImage
    const local = await decodeHeicImage(heic)
    expect(image.data.equals(local.data)).toBe(true)
    expect({ ...image, data: null }).toEqual({ ...local, data: null })
    const page = (await pool.run({ kind: 'pdf', input: pdf, page: 1 })) as PdfPage
    const localPage = await renderPdfPage(pdf, 1)
    expect(page.data.equals(localPage.data)).toBe(true)
    expect({ ...page, data: null }).toEqual({ ...localPage, data: null })
  })
})

describe('out/main/decode-worker.js as a utility process (as the app runs it)', () => {
  it('answers through process.parentPort with the main-thread pixels', async () => {
    const file = resolve('out/main/decode-worker.js')
    expect(existsSync(file), `${file} missing: run npm run build`).toBe(true)
    const fork = fakeUtilityFork()
    const pool = new DecodePool({
      transport: utilityProcessTransport(fork, file, DECODE_RESOURCE_LIMITS),
      size: 1,
      idleMs: 1000,
      taskTimeoutMs: 60_000,
    })
    pools.push(pool)
    const image = (await pool.run({ kind: 'heic', input: heic })) as HeicImage
    expect(image.data.equals((await decodeHeicImage(heic)).data)).toBe(true)
    const page = (await pool.run({ kind: 'pdf', input: pdf, page: 1 })) as PdfPage
    expect(page.data.equals((await renderPdfPage(pdf, 1)).data)).toBe(true)
    expect(fork.calls).toHaveLength(1)
  })
})

describe('beian-desk compress (built CLI)', () => {
  it('compresses HEIC and PDF through the worker and exits without waiting for idle workers', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'photo.heic'), heic)
    writeFileSync(join(dir, 'cert.pdf'), pdf)
    const started = performance.now()
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        'bin/beian-desk.js',
        'compress',
        join(dir, 'photo.heic'),
        join(dir, 'cert.pdf'),
        '--out-dir',
        dir,
        '--json',
      ],
      { timeout: 120_000 },
    )
    expect(performance.now() - started).toBeLessThan(DECODE_IDLE_MS)
    const results = JSON.parse(stdout) as { output: string; bytes: number }[]
    expect(results).toHaveLength(2)
    for (const r of results) expect(readFileSync(r.output).subarray(0, 2).toString('hex')).toBe('ffd8')
  })
})
