/**
 * The archive service reports its progress: the key derivation first, then bytes written (export)
 * or checked and then written (import), never going back, ending at the total.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArchiveStep } from '../../../../core/archive-progress'
import { exportArchive } from '../../../../electron/main/services/archive/export'
import { importArchive } from '../../../../electron/main/services/archive/import'
import { useTempDirs } from '../../../support/temp-dir'
import { individualSite, storeWorkspace } from '../../cli/support'
import { FAST_SCRYPT } from './craft'

const tempDir = useTempDirs()
const PASS = 'a long archive passphrase'

/** The phases in order of first appearance, each phase's `done` values checked to only grow. */
function phasesOf(steps: ArchiveStep[]): string[] {
  const order: string[] = []
  const last = new Map<string, number>()
  for (const s of steps) {
    if (!order.includes(s.phase)) order.push(s.phase)
    expect(order[order.length - 1]).toBe(s.phase) // a phase never comes back
    expect(s.done).toBeGreaterThanOrEqual(last.get(s.phase) ?? 0)
    expect(s.done).toBeLessThanOrEqual(s.total)
    last.set(s.phase, s.done)
  }
  return order
}

describe('archive progress', () => {
  it('export: key, then writing up to the total; import: key, checking, writing', async () => {
    const dir = tempDir()
    const site = await individualSite(dir)
    storeWorkspace(dir, { subjects: [site.subject], sites: [site.site], materials: site.materials })
    const out = join(tempDir(), 'w.bdxa')
    const exported: ArchiveStep[] = []
    const result = await exportArchive({
      dataDir: dir,
      out,
      passphrase: PASS,
      dataKey: null,
      scrypt: FAST_SCRYPT,
      onProgress: (s) => exported.push(s),
    })
    expect(phasesOf(exported)).toEqual(['key', 'writing'])
    expect(exported.at(-1)).toEqual({ phase: 'writing', done: result.bytes, total: result.bytes })

    const imported: ArchiveStep[] = []
    const summary = await importArchive({
      archive: out,
      targetDir: join(tempDir(), 'beian-desk'),
      passphrase: PASS,
      onProgress: (s) => imported.push(s),
    })
    expect(phasesOf(imported)).toEqual(['key', 'checking', 'writing'])
    const total = summary.bytes
    expect(imported.filter((s) => s.done === total).map((s) => s.phase)).toContain('checking')
    expect(imported.at(-1)).toEqual({ phase: 'writing', done: total, total })
  })
})
