import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import yazl from 'yazl'
import { describe, expect, it } from 'vitest'
import {
  compareWritten,
  readBackFolder,
  readBackZip,
  unzipEntries,
} from '../../../../electron/main/services/packet-pdf/verify'
import { useTempDirs } from '../../../support/temp-dir'

const tempDir = useTempDirs()
const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex')

async function zipOf(files: { name: string; data: Buffer; compress: boolean }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const f of files) zip.addBuffer(f.data, f.name, { compress: f.compress })
  zip.end()
  const chunks: Buffer[] = []
  const sink = zip.outputStream.pipe(new PassThrough())
  for await (const c of sink) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

const jpeg = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256))
const text = Buffer.from('填写清单\r\n'.repeat(200), 'utf8')

describe('unzipEntries', () => {
  it('reads stored and deflated entries with UTF-8 names back byte for byte', async () => {
    const zip = await zipOf([
      { name: '包/1_开办主体/01_身份证正面.jpg', data: jpeg, compress: false },
      { name: '包/填写清单.txt', data: text, compress: true },
    ])
    const entries = unzipEntries(zip)
    expect([...entries.keys()]).toEqual(['包/1_开办主体/01_身份证正面.jpg', '包/填写清单.txt'])
    expect(entries.get('包/1_开办主体/01_身份证正面.jpg')?.equals(jpeg)).toBe(true)
    expect(entries.get('包/填写清单.txt')?.equals(text)).toBe(true)
  })

  it('refuses what is not a zip', () => {
    expect(() => unzipEntries(Buffer.from('not a zip at all, just text that is long enough'))).toThrow(/zip/)
  })
})

describe('compareWritten', () => {
  const expected = [
    { file: 'a.jpg', sha256: sha(jpeg), maxBytes: 6000 },
    { file: 'b.txt', sha256: sha(text) },
  ]
  it('accepts the files as meant', () => {
    expect(
      compareWritten(
        expected,
        new Map([
          ['a.jpg', jpeg],
          ['b.txt', text],
        ]),
      ),
    ).toEqual([])
  })
  it('names a missing, a changed, an over-cap and an unexpected file', () => {
    expect(
      compareWritten(
        expected,
        new Map([
          ['b.txt', Buffer.from('x')],
          ['c', Buffer.from('')],
        ]),
      ),
    ).toEqual(['“a.jpg”没有写入成功。', '“b.txt”写入后读回的内容与原文件不一致。', '导出中多出了“c”。'])
    const small = [{ file: 'a.jpg', sha256: sha(jpeg), maxBytes: 4999 }]
    expect(compareWritten(small, new Map([['a.jpg', jpeg]]))).toEqual([
      '“a.jpg”有 5000 字节，超过了 4999 字节的上限。',
    ])
  })
})

describe('readBack', () => {
  it('reads a folder and a zip back against the expectations', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.jpg'), jpeg)
    const exp = [{ file: 'a.jpg', sha256: sha(jpeg) }]
    expect(await readBackFolder(dir, exp)).toEqual([])
    writeFileSync(join(dir, 'a.jpg'), 'changed by a sync tool')
    expect(await readBackFolder(dir, exp)).toHaveLength(1)
    const zipPath = join(dir, 'p.zip')
    writeFileSync(zipPath, await zipOf([{ name: '包/a.jpg', data: jpeg, compress: false }]))
    expect(await readBackZip(zipPath, '包', exp)).toEqual([])
    expect(await readBackZip(zipPath, '别的', exp)).toHaveLength(2)
  })
})
