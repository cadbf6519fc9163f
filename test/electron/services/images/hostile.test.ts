import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { runBatch } from '../../../../electron/main/services/batch-compress'
import { compressImage } from '../../../../electron/main/services/images'
import { MAX_INPUT_BYTES } from '../../../../core/limits'
import { useTempDirs } from '../../../support/temp-dir'
import { encode, photoRaw } from './fixtures'

const tempDir = useTempDirs()

const CAP = 512_000

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([len, body, crc])
}

/** 1-bit grey PNG of the given size, all zero: tiny on disk, huge in memory. */
function flatPng(width: number, height: number, rows = height): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([1, 0, 0, 0, 0], 8)
  const idat = deflateSync(Buffer.alloc(rows * (1 + Math.ceil(width / 8))), { level: 9 })
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    sig,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

const expectCode = async (input: Buffer, code: string) => {
  const error = await compressImage(input, { maxBytes: CAP }).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  )
  expect(error?.code).toBe(code)
  expect(error?.message).toMatch(/[\u4e00-\u9fff]/)
  expect(error?.message).not.toMatch(/vips|libjpeg|Input buffer/i)
  return error
}

describe('hostile and broken input', () => {
  it('refuses an empty buffer', async () => {
    await expectCode(Buffer.alloc(0), 'image/empty')
  })

  it('refuses input over MAX_INPUT_BYTES before looking at it', async () => {
    await expectCode(Buffer.alloc(MAX_INPUT_BYTES + 1, 0xff), 'image/too-large-file')
  })

  it('refuses a text file named .jpg and random bytes as not-an-image', async () => {
    await expectCode(Buffer.from('这不是图片，只是一个改了扩展名的文本文件。\nhello\n'), 'image/not-image')
    const random = Buffer.alloc(4096)
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251
    await expectCode(random, 'image/not-image')
  })

  it('refuses SVG (external reference, XXE) with its own message', async () => {
    const href =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image href="neighbour.png" width="10" height="10"/></svg>'
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>'
    await expectCode(Buffer.from(href), 'image/svg')
    await expectCode(Buffer.from(`  \n${xxe}`), 'image/svg')
  })

  // Refused from the header: the 400 MB of pixels are never allocated (how fast is the benchmark's business).
  it('refuses a 20000×20000 decompression bomb without allocating it', async () => {
    const bomb = flatPng(20_000, 20_000)
    expect(bomb.length).toBeLessThan(2_000_000)
    const rss = process.memoryUsage().rss
    await expectCode(bomb, 'image/too-many-pixels')
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024)
  })

  it('refuses a PNG whose header claims 100000×100000', async () => {
    const liar = flatPng(100_000, 100_000, 1)
    expect(liar.length).toBeLessThan(2000)
    await expectCode(liar, 'image/too-many-pixels')
  })

  it('refuses truncated JPEG and PNG files as damaged (never grey-filled)', async () => {
    const photo = await photoRaw(600, 400)
    const jpeg = await encode(photo).jpeg().toBuffer()
    const meta = await sharp(jpeg.subarray(0, jpeg.length >> 1)).metadata()
    expect(meta.width).toBe(600) // metadata alone would wrongly accept it
    await expectCode(jpeg.subarray(0, jpeg.length >> 1), 'image/damaged')
    const png = await encode(photo).png().toBuffer()
    await expectCode(png.subarray(0, png.length >> 1), 'image/damaged')
  })

  it('gives HEIC that cannot be decoded its own message', async () => {
    const fake = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(200, 7),
    ])
    await expectCode(fake, 'image/heic-failed')
  })

  it('stops when cancelled', async () => {
    const input = await encode(await photoRaw(800, 600))
      .png()
      .toBuffer()
    const ac = new AbortController()
    ac.abort()
    await expect(compressImage(input, { maxBytes: CAP, signal: ac.signal })).rejects.toMatchObject({
      code: 'image/cancelled',
    })
  })

  it('refuses an impossible cap with its own message', async () => {
    const input = await encode(await photoRaw(300, 200))
      .png()
      .toBuffer()
    await expect(compressImage(input, { maxBytes: 100 })).rejects.toMatchObject({
      code: 'image/cap-unreachable',
    })
  })
})

describe('hostile input in a batch (runBatch)', () => {
  it('refuses each bad file with the same codes as one picture, and carries on past them', async () => {
    const dir = tempDir()
    const good = await encode(await photoRaw(640, 480))
      .png()
      .toBuffer()
    const paths = ['good.png', 'text.jpg', 'empty.jpg', 'gone.jpg'].map((name) => join(dir, name))
    const [goodPath, textPath, emptyPath] = paths as [string, string, string, string]
    writeFileSync(goodPath, good)
    writeFileSync(textPath, 'not an image')
    writeFileSync(emptyPath, '')
    const done: number[] = []
    const summary = await runBatch(
      { batchId: 'hostile', paths, outDir: join(dir, 'out'), maxBytes: CAP },
      { started: () => undefined, progress: (p) => done.push(p.done) },
    )
    expect(summary.results.map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual([
      'ok',
      'image/not-image',
      'image/empty',
      'import/not-found',
    ])
    for (const r of summary.results) if ('error' in r) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(done).toEqual([1, 2, 3, 4])
    const first = summary.results[0]
    expect(first && !('error' in first) && [first.width, first.height]).toEqual([640, 480])
  })
})
