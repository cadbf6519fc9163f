import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { placeMaterial, upsertSubject } from '../../../core/workspace'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createServices } from '../../../electron/main/services/container'
import { createMaterialFiles } from '../../../electron/main/services/material-files'
import {
  referencedFiles,
  sweepOrphanMaterials,
  sweepReadOnlyCopies,
  sweepTempFiles,
} from '../../../electron/main/services/orphan-sweep'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { LOCK_FILE } from '../../../electron/main/services/writer-lock'
import { makeIndividual, makeMaterial } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const MINUTE = 60_000

function put(path: string, ageMs = 0): string {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, 'x')
  const t = new Date(Date.now() - ageMs)
  utimesSync(path, t, t)
  return path
}

const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid as number

describe('start-up sweep', () => {
  it('removes temp files older than the grace period, in the data folder, backups and material folders', () => {
    const dir = tempDir()
    const old = [
      put(join(dir, 'config.json.tmp-17650000001a2b3c'), 10 * MINUTE),
      put(join(dir, 'backups', '.config-20261207T05.json.tmp-a1b2c3d4e5f6'), 10 * MINUTE),
      put(join(dir, 'materials', 'subject-abc', '.x.jpg.tmp-a1b2c3d4e5f6'), 10 * MINUTE),
      put(join(dir, 'writer.lock.stale-a1b2c3d4e5f6'), 10 * MINUTE),
    ]
    const young = put(join(dir, 'config.json.tmp-17650000009f8e7d'), 10_000)
    const keep = put(join(dir, 'config.json'), 10 * MINUTE)
    expect(sweepTempFiles(dir, { olderThanMs: 5 * MINUTE }).sort()).toEqual(old.sort())
    for (const p of old) expect(existsSync(p)).toBe(false)
    expect(existsSync(young)).toBe(true)
    expect(existsSync(keep)).toBe(true)
    expect(sweepTempFiles(dir, { olderThanMs: 0 })).toEqual([young])
  })

  it('removes material files no record points to, and their empty folders', () => {
    const dir = tempDir()
    const kept = put(join(dir, 'materials', 'subject-a', 'principal-id-front-1.jpg'), MINUTE)
    const orphan = put(join(dir, 'materials', 'subject-a', 'principal-id-back-2.jpg'), MINUTE)
    const lonely = put(join(dir, 'materials', 'site-b', 'domain-certificate-3.jpg'), MINUTE)
    const fresh = put(join(dir, 'materials', 'site-c', 'domain-certificate-4.jpg'), 0)
    const refs = referencedFiles([
      {
        workspace: {
          materials: [{ originalFile: 'materials/subject-a/principal-id-front-1.jpg', compressedFile: 'x' }],
        },
      },
    ])
    expect(sweepOrphanMaterials(dir, refs, { olderThanMs: 30_000 }).sort()).toEqual([lonely, orphan].sort())
    expect(existsSync(kept)).toBe(true)
    expect(existsSync(fresh)).toBe(true) // may belong to an import still running elsewhere
    expect(readdirSync(join(dir, 'materials')).sort()).toEqual(['site-c', 'subject-a'])
  })

  it('removes private copies of read-only opens whose process is gone', () => {
    const dir = tempDir()
    const gone = join(dir, `.readonly-${deadPid()}-a1b2c3`)
    const mine = join(dir, `.readonly-${process.pid}-d4e5f6`)
    mkdirSync(gone)
    mkdirSync(mine)
    expect(sweepReadOnlyCopies(dir)).toEqual([gone])
    expect(existsSync(mine)).toBe(true)
  })

  it('at the next start after a crashed writer, removes its temp and orphan files at once', async () => {
    const dir = tempDir()
    const store = openConfStore(dir)
    const repo = createWorkspaceRepo(store)
    const files = createMaterialFiles(dir)
    const subject = makeIndividual()
    const material = makeMaterial('subject', subject.id, 'principal-id-front')
    await files.write(material.originalFile, Buffer.from('photo'))
    await files.write(material.compressedFile, Buffer.from('small photo'))
    repo.commit(placeMaterial(upsertSubject(repo.workspace(), subject), material).workspace)
    store.close()
    // A writer crashed: its lock names a dead process; it left a temp file and a photo whose
    // record it never stored.
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        pid: deadPid(),
        startedAt: new Date().toISOString(),
        hostname: hostname(),
        owner: 'cli',
        token: 'c'.repeat(32),
      }),
    )
    const temp = put(join(dir, 'config.json.tmp-1765000000abcdef'))
    const orphan = put(join(dir, 'materials', `subject-${subject.id}`, 'principal-id-back-zz.original.jpeg'))
    const next = openConfStore(dir)
    expect(next.sweep).toEqual({ tempFiles: [temp], orphanFiles: [orphan], readOnlyCopies: [] })
    expect(existsSync(join(dir, material.originalFile))).toBe(true)
    expect(existsSync(join(dir, material.compressedFile))).toBe(true)
    next.close()
  })

  it('with no lock to prove the last writer gone, leaves young leftovers for the grace period', () => {
    const dir = tempDir()
    const temp = put(join(dir, 'config.json.tmp-1765000000abcdef'))
    const orphan = put(join(dir, 'materials', 'subject-x', 'principal-id-back-1.jpg'))
    const store = openConfStore(dir)
    expect(store.sweep).toEqual({ tempFiles: [], orphanFiles: [], readOnlyCopies: [] })
    expect(existsSync(temp) && existsSync(orphan)).toBe(true)
    store.close()
  })

  it('keeps the photos of quarantined records until the user decides', () => {
    const dir = tempDir()
    const subject = makeIndividual()
    const good = makeMaterial('subject', subject.id, 'principal-id-front')
    const bad = { ...makeMaterial('subject', subject.id, 'principal-id-back'), quality: 900 }
    for (const m of [good, bad])
      for (const key of [m.originalFile, m.compressedFile]) put(join(dir, key), 10 * MINUTE)
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        version: 1,
        workspace: { subjects: [subject], sites: [], materials: [good, bad] },
        settings: { language: 'zh-CN', lastExportDir: '' },
      }),
    )
    const store = openConfStore(dir)
    expect(store.recovery?.quarantinedRecords.map((r) => r.id)).toEqual([bad.id])
    expect(store.sweep?.orphanFiles).toEqual([])
    for (const key of [bad.originalFile, bad.compressedFile]) expect(existsSync(join(dir, key))).toBe(true)
    // The user sees what was set aside, and discards it: its photos go at the next start.
    const backups = createServices(dir, store, 'assets/divisions').backups
    const [entry] = backups?.quarantined() ?? []
    expect(entry?.records).toEqual([expect.objectContaining({ kind: 'material', id: bad.id })])
    expect(() => backups?.discardQuarantined('../config.json')).toThrow(/没有名为/)
    backups?.discardQuarantined(entry?.name ?? '')
    expect(backups?.quarantined()).toEqual([])
    store.close()
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        pid: deadPid(),
        startedAt: new Date().toISOString(),
        hostname: hostname(),
        owner: 'cli',
        token: 'e'.repeat(32),
      }),
    )
    const next = openConfStore(dir)
    expect(next.sweep?.orphanFiles.sort()).toEqual(
      [bad.originalFile, bad.compressedFile].map((k) => join(dir, k)).sort(),
    )
    next.close()
  })

  it('keeps the photos of records in a backup generation, so restoring it brings them back', async () => {
    const dir = tempDir()
    const store = openConfStore(dir)
    const services = createServices(dir, store, 'assets/divisions')
    const subject = makeIndividual()
    services.repo.commit(upsertSubject(services.repo.workspace(), subject))
    const before = store.snapshotSeparate()
    const material = makeMaterial('subject', subject.id, 'principal-id-front')
    await services.files.write(material.originalFile, Buffer.from('photo'))
    await services.files.write(material.compressedFile, Buffer.from('small photo'))
    services.repo.commit(placeMaterial(services.repo.workspace(), material).workspace)
    // Back to the state before the photo: a restore, not a deletion.
    const { previousKeptAs } = services.backups?.restore(before) ?? { previousKeptAs: '' }
    expect(services.repo.workspace().materials).toEqual([])
    store.close()
    // A crashed writer's lock: the next start sweeps at once.
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        pid: deadPid(),
        startedAt: new Date().toISOString(),
        hostname: hostname(),
        owner: 'cli',
        token: 'd'.repeat(32),
      }),
    )
    const next = openConfStore(dir)
    expect(next.sweep?.orphanFiles).toEqual([])
    const again = createServices(dir, next, 'assets/divisions')
    again.backups?.restore(previousKeptAs)
    expect(again.repo.workspace().materials).toEqual([material])
    expect((await again.files.read(material.compressedFile)).toString()).toBe('small photo')
    next.close()
  })
})
