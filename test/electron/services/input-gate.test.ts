/** The input gate (input-gate.ts): one set of codes for a file on disk and for bytes in memory. */
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkInputPath, inputFormat, readInputFile } from '../../../electron/main/services/input-gate'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0])
// 60 MiB, written as a literal so a change to the limit in core/limits is caught here.
const LIMIT = 62_914_560

const refusal = async (run: () => Promise<unknown>): Promise<{ code: string; message: string }> => {
  const error = (await run().then(
    () => null,
    (e: unknown) => e,
  )) as { code: string; message: string } | null
  expect(error).not.toBeNull()
  expect(error?.message).toMatch(/[\u4e00-\u9fff]/)
  return error as { code: string; message: string }
}

describe('a file on disk', () => {
  it('reads a picture and gives its name', async () => {
    const path = join(tempDir(), '身份证 正面.jpg')
    writeFileSync(path, JPEG_HEAD)
    await expect(readInputFile(path)).resolves.toEqual({ name: '身份证 正面.jpg', bytes: JPEG_HEAD })
  })

  it('names the missing file', async () => {
    const error = await refusal(() => readInputFile(join(tempDir(), 'gone.jpg')))
    expect(error).toMatchObject({ code: 'import/not-found', message: expect.stringContaining('“gone.jpg”') })
  })

  it('tells a folder from a picture', async () => {
    const folder = join(tempDir(), '微信图片')
    mkdirSync(folder)
    const error = await refusal(() => checkInputPath(folder))
    expect(error).toMatchObject({ code: 'import/folder', message: expect.stringContaining('文件夹') })
  })

  it('refuses an empty file and one over the limit before reading it, with the codes of bytes in memory', async () => {
    const dir = tempDir()
    const empty = join(dir, 'empty.jpg')
    writeFileSync(empty, '')
    expect((await refusal(() => checkInputPath(empty))).code).toBe('image/empty')
    const big = join(dir, 'big.jpg')
    writeFileSync(big, JPEG_HEAD)
    truncateSync(big, LIMIT + 1) // sparse: no 60 MB written
    const error = await refusal(() => readInputFile(big))
    expect(error).toMatchObject({ code: 'image/too-large-file', message: expect.stringContaining('60 MB') })
    truncateSync(big, LIMIT)
    await expect(checkInputPath(big)).resolves.toBe('big.jpg')
  })
})

describe('bytes in memory', () => {
  const codeOf = (bytes: Buffer): string | null => {
    try {
      inputFormat(bytes)
      return null
    } catch (e) {
      return (e as { code: string }).code
    }
  }

  it('gives the format from the content', () => {
    expect(inputFormat(JPEG_HEAD)).toBe('jpeg')
    expect(inputFormat(Buffer.from('%PDF-1.7\n'))).toBe('pdf')
  })

  it('refuses by size, then by kind', () => {
    expect(codeOf(Buffer.alloc(0))).toBe('image/empty')
    expect(codeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('image/svg')
    expect(codeOf(Buffer.from('只是一个文本文件\n'))).toBe('image/not-image')
    expect(codeOf(Buffer.from('8BPS\u0000\u0001psd'))).toBe('image/unsupported')
  })
})
