/** Disks without hard links (FAT, exFAT, some shares): the free name is claimed by an exclusive create instead. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { writeFileToFreeName } from '../../../electron/main/services/free-path'
import { useTempDirs } from '../../support/temp-dir'

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>()
  const link = async (): Promise<void> => {
    throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' })
  }
  return { ...fs, default: { ...fs, link }, link }
})

const tempDir = useTempDirs()

describe('writeFileToFreeName without hard links', () => {
  it('still never replaces a file, and claims each name once under a race', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.jpg'), 'original')
    const paths = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        writeFileToFreeName(dir, 'a.jpg', Buffer.from(`w${i}`), { tag: '512k' }),
      ),
    )
    expect(readFileSync(join(dir, 'a.jpg'), 'utf8')).toBe('original')
    expect(new Set(paths).size).toBe(6)
    expect(paths).toContain(join(dir, 'a_512k.jpg'))
    expect(paths.map((p) => readFileSync(p, 'utf8')).sort()).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5'])
    expect(readdirSync(dir)).toHaveLength(7)
  })
})
