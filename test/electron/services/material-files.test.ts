import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMaterialFiles, materialKey } from '../../../electron/main/services/material-files'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()

describe('material files gateway', () => {
  it('writes, reads and removes by key under the data directory', async () => {
    const dir = tempDir()
    const files = createMaterialFiles(dir)
    const key = materialKey('site', 'abc123', 'domain-certificate-x.jpg')
    await files.write(key, Buffer.from('jpeg bytes'))
    expect(readFileSync(join(dir, key), 'utf8')).toBe('jpeg bytes')
    expect((await files.read(key)).toString()).toBe('jpeg bytes')
    expect(await files.exists(key)).toBe(true)
    await files.remove(key)
    expect(await files.exists(key)).toBe(false)
    // No temp file is left behind by the atomic write.
    expect(readdirSync(join(dir, 'materials', 'site-abc123'))).toEqual([])
  })

  it.each([
    '../secret',
    'materials/../../etc/passwd',
    '/etc/passwd',
    'materials/a/../../x',
    'materials/a/b/c',
    'other/a/b',
  ])('rejects key %j', async (key) => {
    const files = createMaterialFiles(tempDir())
    await expect(files.read(key)).rejects.toThrow(/material key/)
    await expect(files.write(key, Buffer.from('x'))).rejects.toThrow(/material key/)
  })
})
