import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appVersion } from '../../../../electron/main/services/packet-pdf/app-version'

describe('appVersion', () => {
  it("is the version in the app's own package.json", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
      version: string
    }
    expect(appVersion()).toBe(pkg.version)
  })

  it('is "unknown" when no beian-desk package.json is above the module', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-ver-'))
    try {
      mkdirSync(join(dir, 'a', 'b'), { recursive: true })
      writeFileSync(join(dir, 'a', 'package.json'), JSON.stringify({ name: 'other', version: '9.9.9' }))
      // A fresh module instance: the first answer is cached per process.
      const fresh = (await import(
        `../../../../electron/main/services/packet-pdf/app-version?fresh=${Date.now()}`
      )) as {
        appVersion: (from?: string) => string
      }
      expect(fresh.appVersion(join(dir, 'a', 'b'))).toBe('unknown')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
