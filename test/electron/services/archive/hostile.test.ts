/**
 * Hostile archives, made with the real format and the right passphrase (someone hands the user
 * a crafted file and its passphrase): zip-slip names, links and devices, duplicates, bombs.
 * Each is refused as a whole with its code and a Chinese message, and nothing is written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkManifest, LIMITS, unsafeNameReason } from '../../../../electron/main/services/archive/entries'
import { importArchive } from '../../../../electron/main/services/archive/import'
import { useTempDirs } from '../../../support/temp-dir'
import { craftArchive, FAST_SCRYPT, type CraftEntry } from './craft'

const tempDir = useTempDirs()
const PASS = 'crafted passphrase'
const config: CraftEntry = { name: 'config.json', data: Buffer.from('{}') }

async function refused(entries: CraftEntry[], code: string): Promise<void> {
  const archive = join(tempDir(), 'evil.bdxa')
  await craftArchive(archive, PASS, entries)
  const parent = tempDir()
  const target = join(parent, 'beian-desk')
  await expect(
    importArchive({ archive, targetDir: target, passphrase: PASS, scrypt: FAST_SCRYPT }),
  ).rejects.toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) as unknown })
  expect(readdirSync(parent)).toEqual([])
  expect(existsSync(join(parent, '..', 'escape.txt'))).toBe(false)
}

describe('hostile archives', () => {
  it.each([
    '../escape.txt',
    'materials/../../escape.txt',
    'store/./x.json',
    '/etc/passwd',
    '/abs/materials/x',
    'C:/Windows/evil.txt',
    'c:evil.txt',
    'materials\\..\\..\\escape.txt',
    'materials/a\\b.jpg',
    'materials//x.jpg',
    'materials/x.jpg:stream',
    'materials/CON.jpg',
    'materials/trailing.',
    'materials/\u0000nul',
    'materials/名字.jpg',
    'Cache/f_000001',
    'Local Storage/leveldb/x',
    '',
  ])('refuses the entry name %j', async (name) => {
    expect(unsafeNameReason(name)).not.toBeNull()
    await refused([config, { name, data: Buffer.from('x') }], 'archive/unsafe-entry')
  })

  it.each(['symlink', 'hardlink', 'link', 'device', 'fifo', 'dir'])('refuses a %s entry', async (type) => {
    await refused(
      [config, { name: 'materials/subject-a/x.jpg', type, data: Buffer.from('/etc/shadow') }],
      'archive/unsafe-entry',
    )
  })

  it('refuses duplicate and case-colliding names, and a name that is both file and folder', async () => {
    const x = Buffer.from('x')
    await refused([config, { name: 'config.json', data: x }], 'archive/unsafe-entry')
    await refused(
      [config, { name: 'materials/s-1/A.jpg', data: x }, { name: 'materials/s-1/a.JPG', data: x }],
      'archive/unsafe-entry',
    )
    await refused(
      [config, { name: 'store/a', data: x }, { name: 'store/a/b.json', data: x }],
      'archive/unsafe-entry',
    )
  })

  it('accepts the names a workspace has', () => {
    for (const name of [
      'config.json',
      'keys.json',
      'config.backup.json',
      'config.quarantine-20261207T050000.json',
      'store/1a-0f0f0f0f.json',
      'backups/config-20261207T05.json',
      'backups/shards/1a-0f0f0f0f.json',
      'materials/subject-s_1/principal-id-front-m_2.original.jpeg',
    ])
      expect(unsafeNameReason(name), name).toBeNull()
  })

  it('refuses a bomb: declared sizes larger than the archive, or than what follows', async () => {
    // 1 TB declared in a file of a few hundred bytes: refused before reading any content.
    await refused(
      [config, { name: 'materials/s-1/big.jpg', size: 1024 ** 4, data: Buffer.alloc(0) }],
      'archive/too-large',
    )
    // 1 MB declared (under the caps) in a file of a few hundred bytes: more than the file holds.
    await refused(
      [config, { name: 'materials/s-1/big.jpg', size: 1024 ** 2, data: Buffer.alloc(0) }],
      'archive/damaged',
    )
    // Declared smaller than the real content: the bytes after it are not its hash.
    await refused(
      [config, { name: 'materials/s-1/x.jpg', size: 10, data: Buffer.alloc(5000, 1) }],
      'archive/damaged',
    )
    // Declared larger than the real content (within the file's size): the content runs out.
    await refused(
      [config, { name: 'materials/s-1/x.jpg', size: 200, data: Buffer.alloc(10, 1) }],
      'archive/damaged',
    )
  })

  it('caps the entry count and the total size', () => {
    const many = Array.from({ length: LIMITS.entries + 1 }, (_, i) => ({
      name: `store/${String(i)}.json`,
      type: 'file',
      size: 0,
    }))
    expect(() => checkManifest(many, 1e12)).toThrow(
      expect.objectContaining({ code: 'archive/too-large' }) as Error,
    )
    const huge = [{ name: 'store/a.json', type: 'file', size: LIMITS.totalBytes + 1 }]
    expect(() => checkManifest(huge, Number.MAX_SAFE_INTEGER)).toThrow(
      expect.objectContaining({ code: 'archive/too-large' }) as Error,
    )
    expect(() => checkManifest([{ name: 'store/a.json', type: 'file', size: -1 }], 100)).toThrow(
      expect.objectContaining({ code: 'archive/damaged' }) as Error,
    )
  })

  it.each([
    ['memory (N·r)', { N: 2 ** 20, r: 16 }],
    ['time (p)', { p: 1000 }],
  ])(
    'refuses scrypt costs that would take gigabytes or minutes, before deriving anything: %s',
    async (_, cost) => {
      const archive = join(tempDir(), 'costly.bdxa')
      await craftArchive(archive, PASS, [config])
      const bytes = readFileSync(archive)
      const length = bytes.readUInt32BE(5)
      const header = JSON.parse(bytes.subarray(9, 9 + length).toString()) as { kdf: { N: number; r: number } }
      header.kdf = { ...header.kdf, ...cost }
      const json = Buffer.from(JSON.stringify(header))
      const prefix = Buffer.from(bytes.subarray(0, 9))
      prefix.writeUInt32BE(json.length, 5)
      writeFileSync(archive, Buffer.concat([prefix, json, bytes.subarray(9 + length)]))
      const started = Date.now()
      await expect(
        importArchive({ archive, targetDir: join(tempDir(), 't'), passphrase: PASS }),
      ).rejects.toMatchObject({ code: 'archive/damaged' })
      expect(Date.now() - started).toBeLessThan(1000)
    },
  )

  it('refuses an archive without config.json', async () => {
    await refused([{ name: 'store/a.json', data: Buffer.from('{}') }], 'archive/damaged')
  })
})
