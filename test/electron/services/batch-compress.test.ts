/** Batch compression (batch-compress.ts): events, cancel, and output names that never destroy a file. */
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BatchItemResult, Events } from '../../../core/api'
import { cancelBatch, runBatch, type BatchEvents } from '../../../electron/main/services/batch-compress'
import { imageBatchConcurrency } from '../../../electron/main/services/images/batch'
import { idCardFront, withOrientation } from '../../fixtures/generate'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
let sideways: Buffer
let small: Buffer
beforeAll(async () => {
  // Drawn before the image service blocks the SVG loader process-wide.
  sideways = await withOrientation(await idCardFront({ seed: 21, width: 1600, height: 1200 }), 6)
  small = await idCardFront({ seed: 22, width: 640, height: 480 })
})

type Logged =
  ({ kind: 'started' } & Events['batch:started']) | ({ kind: 'progress' } & Events['batch:progress'])

/** Records both batch events in the order they were emitted. */
function recorder(onEvent: (e: Logged) => void = () => undefined): { events: BatchEvents; log: Logged[] } {
  const log: Logged[] = []
  const push = (e: Logged) => {
    log.push(e)
    onEvent(e)
  }
  return {
    log,
    events: {
      started: (p) => push({ kind: 'started', ...p }),
      progress: (p) => push({ kind: 'progress', ...p }),
    },
  }
}

describe('batch compression', () => {
  it('compresses every file, reports each start and finish, and carries on past a bad one', async () => {
    const dir = tempDir()
    const good = join(dir, 'a.jpg')
    writeFileSync(good, sideways)
    const bad = join(dir, 'b.jpg')
    writeFileSync(bad, '')
    const { events, log } = recorder()
    const summary = await runBatch(
      { batchId: 'b1', paths: [good, bad, good], outDir: join(dir, 'out'), maxBytes: 300_000 },
      events,
    )
    expect(summary.results.map((r) => 'error' in r)).toEqual([false, true, false])
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.jpg', 'a_300k.jpg'])
    // Every file starts once, before it finishes; never more than the batch's limit are in flight.
    expect(
      log
        .filter((e) => e.kind === 'started')
        .map((e) => e.index)
        .sort(),
    ).toEqual([0, 1, 2])
    expect(log.filter((e) => e.kind === 'progress').map((e) => e.done)).toEqual([1, 2, 3])
    let inFlight = 0
    for (const e of log) {
      inFlight += e.kind === 'started' ? 1 : -1
      expect(inFlight).toBeGreaterThanOrEqual(0)
      expect(inFlight).toBeLessThanOrEqual(imageBatchConcurrency())
    }
    for (const index of [0, 1, 2]) {
      const order = log.filter((e) => e.index === index).map((e) => e.kind)
      expect(order).toEqual(['started', 'progress'])
    }
    expect(log.find((e) => e.kind === 'started')).toMatchObject({ batchId: 'b1', total: 3 })
    const failed = log.find((e) => e.kind === 'progress' && e.index === 1)
    expect(failed).toMatchObject({
      input: bad,
      ok: false,
      code: 'image/empty',
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    })
    expect(log.find((e) => e.kind === 'progress' && e.index === 0)).not.toHaveProperty('code')
  })

  it('says a folder is not a picture instead of failing on it', async () => {
    const dir = tempDir()
    const folder = join(dir, '微信图片')
    mkdirSync(folder)
    const { events, log } = recorder()
    const summary = await runBatch(
      { batchId: 'b4', paths: [folder], outDir: join(dir, 'out'), maxBytes: 300_000 },
      events,
    )
    expect(summary.results).toEqual([
      { input: folder, error: { code: 'import/folder', message: expect.stringContaining('文件夹') } },
    ])
    expect(log.map((e) => e.kind)).toEqual(['started', 'progress'])
  })

  it('leaves no abort listener behind on the shared signal (no MaxListeners warning)', async () => {
    const dir = tempDir()
    const good = join(dir, 'a.jpg')
    writeFileSync(good, sideways)
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(w.name)
    process.on('warning', onWarning)
    try {
      await runBatch(
        {
          batchId: 'b3',
          paths: Array.from({ length: 14 }, () => good),
          outDir: join(dir, 'out'),
          maxBytes: 60_000,
        },
        recorder().events,
      )
      await new Promise((r) => setTimeout(r, 50))
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning')
  })

  it('can be cancelled: the rest never start and are reported as cancelled', async () => {
    const dir = tempDir()
    const good = join(dir, 'a.jpg')
    writeFileSync(good, sideways)
    const paths = Array.from({ length: 8 }, () => good)
    const { events, log } = recorder((e) => {
      if (e.kind === 'progress' && e.done === 1) cancelBatch('b2')
    })
    const summary = await runBatch(
      { batchId: 'b2', paths, outDir: join(dir, 'out'), maxBytes: 300_000 },
      events,
    )
    expect(summary.cancelled).toBe(true)
    const cancelled = summary.results.flatMap((r, index) =>
      'error' in r && r.error.code === 'image/cancelled' ? [index] : [],
    )
    expect(cancelled.length).toBeGreaterThanOrEqual(5)
    const started = log.filter((e) => e.kind === 'started').map((e) => e.index)
    // Only the files already running when the user cancelled had started (one lane each).
    expect(started.length).toBeLessThanOrEqual(3)
    expect(started.length + cancelled.length).toBeGreaterThanOrEqual(8)
    for (const index of cancelled.filter((i) => !started.includes(i))) {
      expect(log.filter((e) => e.index === index)).toEqual([
        expect.objectContaining({
          kind: 'progress',
          ok: false,
          code: 'image/cancelled',
          message: '已取消。',
        }),
      ])
    }
    expect(log.filter((e) => e.kind === 'progress')).toHaveLength(8)
    expect(cancelBatch('b2')).toBe(false)
  })
})

const outputOf = (r: BatchItemResult | undefined): string => {
  if (!r || 'error' in r) throw new Error(`no output: ${JSON.stringify(r)}`)
  return r.output
}
const isJpeg = async (path: string): Promise<boolean> =>
  (await sharp(readFileSync(path)).metadata()).format === 'jpeg'

describe('batch outputs never replace a file', () => {
  it('output folder = source folder: the original stays, the copy gets a free name', async () => {
    const dir = tempDir()
    const photo = join(dir, 'photo.jpg')
    writeFileSync(photo, small)
    const summary = await runBatch(
      { batchId: 'same-dir', paths: [photo], outDir: dir, maxBytes: 300_000 },
      recorder().events,
    )
    expect(outputOf(summary.results[0])).toBe(join(dir, 'photo_300k.jpg'))
    expect(readFileSync(photo).equals(small)).toBe(true)
    expect(await isJpeg(join(dir, 'photo_300k.jpg'))).toBe(true)
    const again = await runBatch(
      { batchId: 'same-dir-2', paths: [photo], outDir: dir, maxBytes: 300_000 },
      recorder().events,
    )
    expect(outputOf(again.results[0])).toBe(join(dir, 'photo_300k(2).jpg'))
    expect(readdirSync(dir).sort()).toEqual(['photo.jpg', 'photo_300k(2).jpg', 'photo_300k.jpg'])
  })

  it('an unrelated file with the output name in the output folder is kept; the copy gets a free name', async () => {
    const dir = tempDir()
    const png = join(dir, 'scan.png')
    writeFileSync(png, await sharp(small).png().toBuffer())
    const out = join(dir, 'out')
    mkdirSync(out)
    writeFileSync(join(out, 'scan.jpg'), "someone else's file")
    const summary = await runBatch(
      { batchId: 'existing', paths: [png], outDir: out, maxBytes: 200_000 },
      recorder().events,
    )
    expect(outputOf(summary.results[0])).toBe(join(out, 'scan_200k.jpg'))
    expect(readFileSync(join(out, 'scan.jpg'), 'utf8')).toBe("someone else's file")
  })

  it('two inputs with the same name from different folders get distinct names, in input order', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'a'))
    mkdirSync(join(dir, 'b'))
    const paths = [join(dir, 'a', 'IMG_0001.jpg'), join(dir, 'b', 'img_0001.JPG')]
    writeFileSync(paths[0] as string, small)
    writeFileSync(paths[1] as string, await sharp(small).rotate(180).jpeg().toBuffer())
    const summary = await runBatch(
      { batchId: 'twins', paths, outDir: join(dir, 'out'), maxBytes: 300_000 },
      recorder().events,
    )
    expect(summary.results.map(outputOf)).toEqual([
      join(dir, 'out', 'IMG_0001.jpg'),
      join(dir, 'out', 'img_0001_300k.jpg'),
    ])
    const [one, two] = summary.results.map((r) => readFileSync(outputOf(r)))
    expect(one?.equals(two ?? Buffer.alloc(0))).toBe(false)
  })

  it('explicit outputs equal to the input (also through a symlink or a hard link) get a free name', async () => {
    const dir = tempDir()
    const photo = join(dir, 'x.jpg')
    writeFileSync(photo, small)
    symlinkSync(photo, join(dir, 'link.jpg'))
    linkSync(photo, join(dir, 'X.JPG'))
    for (const [i, target] of [photo, join(dir, 'link.jpg'), join(dir, 'X.JPG')].entries()) {
      const summary = await runBatch(
        { batchId: `out-${i}`, paths: [photo], outDir: dir, outputs: [target], maxBytes: 300_000 },
        recorder().events,
      )
      expect(outputOf(summary.results[0])).not.toBe(target)
    }
    expect(readFileSync(photo).equals(small)).toBe(true)
  })

  it('overwrite replaces an existing output but never an input, under any of its names', async () => {
    const dir = tempDir()
    const photo = join(dir, 'x.jpg')
    writeFileSync(photo, small)
    symlinkSync(photo, join(dir, 'link.jpg'))
    linkSync(photo, join(dir, 'X.JPG'))
    for (const [i, target] of [photo, join(dir, 'link.jpg'), join(dir, 'X.JPG')].entries()) {
      const req = {
        batchId: `ow-${i}`,
        paths: [photo],
        outDir: dir,
        outputs: [target],
        maxBytes: 300_000,
        overwrite: true,
      }
      const summary = await runBatch(req, recorder().events)
      expect(summary.results[0]).toEqual({
        input: photo,
        error: { code: 'output/is-input', message: expect.stringContaining('不会覆盖') },
      })
    }
    expect(readFileSync(photo).equals(small)).toBe(true)
    const old = join(dir, 'old.jpg')
    writeFileSync(old, 'old')
    const replaced = await runBatch(
      { batchId: 'ow-ok', paths: [photo], outDir: dir, outputs: [old], maxBytes: 300_000, overwrite: true },
      recorder().events,
    )
    expect(outputOf(replaced.results[0])).toBe(old)
    expect(await isJpeg(old)).toBe(true)
  })

  it('reports the notes of a multi-frame input with the result', async () => {
    const dir = tempDir()
    const gif = join(dir, 'anim.gif')
    const frame = await sharp(small).rotate().resize(200, 150).raw().toBuffer()
    const other = frame.map((v) => 255 - v)
    writeFileSync(
      gif,
      await sharp(Buffer.concat([frame, other]), {
        raw: { width: 200, height: 300, channels: 3, pageHeight: 150 },
      })
        .gif()
        .toBuffer(),
    )
    const summary = await runBatch(
      { batchId: 'gif', paths: [gif], outDir: dir, maxBytes: 300_000 },
      recorder().events,
    )
    const [r] = summary.results
    expect(r && 'output' in r ? r.notes : r).toEqual(['first-frame-only'])
  })
})
