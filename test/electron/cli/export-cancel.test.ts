/**
 * Ctrl+C during `beian-desk export --all`: the SIGINT handler cancels the batch; packets already
 * moved into place stay complete, nothing half-written (temp zip, staging folder) is left, the
 * summary says it was cancelled, and the handler is removed afterwards.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/index'
import type { CliIo } from '../../../electron/cli/io'
import { useTempDirs } from '../../support/temp-dir'
import { readZip } from '../../support/zip'
import { individualSite, storeWorkspace } from './support'

const tempDir = useTempDirs()
const SITES = 10

describe('beian-desk export, Ctrl+C', () => {
  it('cancels after the first site: complete zips only, no staging or temp files, a cancelled summary', async () => {
    const dir = tempDir()
    const made = []
    for (let i = 0; i < SITES; i++)
      made.push(await individualSite(dir, { siteName: `网站${i + 1}`, domain: `s${i + 1}.example.cn` }))
    storeWorkspace(dir, {
      subjects: made.map((m) => m.subject),
      sites: made.map((m) => m.site),
      materials: made.flatMap((m) => m.materials),
    })
    const outDir = join(dir, 'packets')
    let out = ''
    let err = ''
    let interrupted = false
    const before = process.listeners('SIGINT')
    const io: CliIo = {
      out: (t) => void (out += t),
      err: (t) => {
        err += t
        // The first progress line: the user presses Ctrl+C.
        if (!interrupted && /\[1\/\d+\]/.test(t)) {
          interrupted = true
          // Only the command's own handler: the test runner's SIGINT listeners must not run.
          for (const listener of process.listeners('SIGINT').filter((l) => !before.includes(l)))
            listener('SIGINT')
        }
      },
      readStdin: async () => '',
    }
    const code = await runCli(['export', '--data-dir', dir, '--all', '--out-dir', outDir, '--zip'], io, {})
    expect(interrupted).toBe(true)
    expect(code).toBe(1)
    expect(err).toContain('正在取消')
    const names = readdirSync(outDir)
    expect(names.length).toBeGreaterThanOrEqual(1)
    expect(names.length).toBeLessThan(SITES)
    // Only finished packets: every entry is a zip named after its site, each complete.
    for (const name of names) {
      expect(name).toMatch(/^网站\d+-公安备案材料\.zip$/)
      const entries = await readZip(join(outDir, name))
      expect(entries.map((e) => e.name)).toContain(`${name.replace(/\.zip$/, '')}/manifest.json`)
    }
    expect(out).toContain('已取消')
    expect(out.match(/^✓ /gm)?.length).toBe(names.length)
    expect(process.listeners('SIGINT')).toEqual(before)
  }, 120_000)
})
