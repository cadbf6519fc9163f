import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { deleteSubject, placeMaterial, upsertSite, upsertSubject } from '../../../core/workspace'
import type { Workspace } from '../../../core/model'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createServices } from '../../../electron/main/services/container'
import { createStoreBackups, KEEP_DAYS, KEEP_NEWEST } from '../../../electron/main/services/store-backups'
import {
  makeIndividual,
  makeMaterial,
  makePerson,
  makeSite,
  syntheticResidentId,
} from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const HOUR = 3_600_000

const stateOf = (workspace: Partial<Workspace>) =>
  JSON.stringify({
    version: 1,
    workspace: { subjects: [], sites: [], materials: [], ...workspace },
    settings: { language: 'zh-CN', lastExportDir: '' },
  })

/** Every file under `dir`, with its text. */
function allFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...allFiles(path))
    else out.push({ path: relative(dir, path), text: readFileSync(path, 'latin1') })
  }
  return out
}

describe('backup generations', () => {
  it('keeps one generation per hour: the newest 10, plus the newest of each of the last 7 days', () => {
    const dir = tempDir()
    const backups = createStoreBackups(dir)
    const start = Date.parse('2026-11-01T00:30:00.000Z')
    // Writes every 30 minutes for 9 days: two writes land in each hour's generation.
    for (let t = start; t < start + 9 * 24 * HOUR; t += HOUR / 2) backups.snapshot(stateOf({}), new Date(t))
    const now = start + 9 * 24 * HOUR - HOUR / 2
    const kept = backups.list()
    const newestHours = Array.from({ length: KEEP_NEWEST }, (_, i) =>
      new Date(now - i * HOUR).toISOString().replace(/[-:]/g, '').slice(0, 11),
    )
    expect(kept.slice(0, KEEP_NEWEST).map((g) => g.id)).toEqual(newestHours)
    // Older ones: one per day (the day's last hour), for the days within the last 7.
    const older = kept.slice(KEEP_NEWEST).map((g) => g.id)
    expect(older.every((id) => id.endsWith('T23'))).toBe(true)
    expect(older.length).toBe(KEEP_DAYS - 1)
    expect(new Set(older.map((id) => id.slice(0, 8))).size).toBe(older.length)
    expect(readdirSync(backups.dir)).toHaveLength(kept.length)
  })

  it('writes each generation owner-only in an owner-only folder, and lists counts and validity', () => {
    const dir = tempDir()
    const backups = createStoreBackups(dir)
    const subject = makeIndividual()
    const site = makeSite(subject.id)
    const earlier = new Date(Date.now() - 2 * HOUR)
    backups.snapshot(stateOf({ subjects: [subject] }), earlier)
    backups.snapshot(stateOf({ subjects: [subject], sites: [site] }))
    const damaged = join(backups.dir, 'config-20200101T00.json')
    writeFileSync(damaged, '{"version": 1, "workspace": {"subjects": 3}}')
    utimesSync(damaged, new Date('2020-01-01'), new Date('2020-01-01'))
    expect(statSync(backups.dir).mode & 0o777).toBe(0o700)
    for (const f of readdirSync(backups.dir).filter((n) => !n.startsWith('config-2020'))) {
      expect(statSync(join(backups.dir, f)).mode & 0o777).toBe(0o600)
    }
    const list = backups.list()
    expect(list.map((g) => [g.subjects, g.sites, g.valid])).toEqual([
      [1, 1, true],
      [1, 0, true],
      [0, 0, false],
    ])
    expect(Math.abs(Date.parse(list[1]?.takenAt ?? '') - earlier.getTime())).toBeLessThan(1000)
    expect(() => backups.read('../../etc/passwd')).toThrow(/没有编号为/)
  })

  it('purges a deleted subject (and what points to it) from every generation, keeping their age', () => {
    const dir = tempDir()
    const backups = createStoreBackups(dir)
    const gone = makeIndividual({
      principal: makePerson({ idNumber: syntheticResidentId('19770920', '058') }),
    })
    const kept = makeIndividual()
    const site = makeSite(gone.id)
    const material = makeMaterial('site', site.id, 'domain-certificate')
    const old = new Date(Date.now() - 5 * HOUR)
    backups.snapshot(stateOf({ subjects: [gone, kept], sites: [site], materials: [material] }), old)
    backups.snapshot(stateOf({ subjects: [kept] }))
    // A damaged generation: the subject's record, cut off mid-way.
    writeFileSync(
      join(backups.dir, 'config-20200101T00.json'),
      `{"broken": ${JSON.stringify(gone).slice(0, 300)}`,
    )
    expect(readFileSync(join(backups.dir, 'config-20200101T00.json'), 'utf8')).toContain(
      gone.principal.idNumber,
    )
    const untouched = readFileSync(join(backups.dir, readdirSync(backups.dir).sort()[2] as string), 'utf8')
    const result = backups.purge(new Set([gone.id, site.id, material.id]))
    expect(result.rewritten).toHaveLength(1)
    expect(result.removed).toHaveLength(1)
    for (const f of allFiles(dir)) expect(f.text).not.toContain(gone.principal.idNumber)
    const list = backups.list()
    expect(list.map((g) => g.subjects)).toEqual([1, 1])
    expect(Math.abs(Date.parse(list[1]?.takenAt ?? '') - old.getTime())).toBeLessThan(1000)
    expect(readFileSync(join(backups.dir, readdirSync(backups.dir).sort()[1] as string), 'utf8')).toBe(
      untouched,
    )
  })

  it('a re-edited material drops the old record only, though the new one keeps its file key', () => {
    const dir = tempDir()
    const backups = createStoreBackups(dir)
    const subject = makeIndividual()
    const before = makeMaterial('subject', subject.id, 'principal-id-front')
    // The re-edit: a new record that keeps the original file, whose name holds the old id.
    const after = makeMaterial('subject', subject.id, 'principal-id-front', {
      originalFile: before.originalFile,
    })
    backups.snapshot(stateOf({ subjects: [subject], materials: [before] }), new Date(Date.now() - 2 * HOUR))
    backups.snapshot(stateOf({ subjects: [subject], materials: [after] }))
    expect(backups.purge(new Set([before.id]))).toMatchObject({ removed: [] })
    const [newest, older] = backups
      .list()
      .map((g) => JSON.parse(backups.read(g.id)) as { workspace: Workspace })
    expect(newest?.workspace.materials).toEqual([after])
    expect(older?.workspace.materials).toEqual([])
    expect(older?.workspace.subjects).toEqual([subject])
  })

  it('deleting a subject in the app removes it from the store, every generation, quarantine and damaged copies, and its files', async () => {
    const dir = tempDir()
    // A quarantined record and a damaged copy from an earlier recovery mention the subject too.
    const gonePerson = makePerson({ idNumber: syntheticResidentId('19850511', '731') })
    const gone = makeIndividual({
      principal: gonePerson,
      name: gonePerson.name,
      certNumber: gonePerson.idNumber,
    })
    const stays = makeIndividual({
      principal: makePerson({ idNumber: syntheticResidentId('19920102', '415') }),
    })
    const store = openConfStore(dir)
    const services = createServices(dir, store, 'assets/divisions')
    let ws = upsertSubject(upsertSubject(services.repo.workspace(), gone), stays)
    const site = makeSite(gone.id)
    ws = upsertSite(ws, site)
    const material = makeMaterial('subject', gone.id, 'principal-id-front')
    mkdirSync(join(dir, 'materials', `subject-${gone.id}`), { recursive: true })
    await services.files.write(material.originalFile, Buffer.from('original photo'))
    await services.files.write(material.compressedFile, Buffer.from('compressed photo'))
    services.repo.commit(placeMaterial(ws, material).workspace)
    store.snapshotSeparate()
    services.repo.commit(upsertSubject(services.repo.workspace(), { ...stays, name: '改名' }))
    writeFileSync(
      join(dir, 'config.quarantine-x.json'),
      JSON.stringify({
        records: [
          { kind: 'subject', id: gone.id, record: gone },
          { kind: 'subject', id: 'other', record: { id: 'other' } },
        ],
      }),
    )
    writeFileSync(join(dir, 'config.json.corrupt-x'), `{"subjects": [${JSON.stringify(gone)}`)
    expect(allFiles(dir).filter((f) => f.text.includes(gonePerson.idNumber)).length).toBeGreaterThan(3)

    await services.materials.commitRemoval(deleteSubject(services.repo.workspace(), gone.id))

    expect(services.repo.workspace().subjects.map((s) => s.id)).toEqual([stays.id])
    const files = allFiles(dir)
    expect(files.filter((f) => f.text.includes(gonePerson.idNumber)).map((f) => f.path)).toEqual([])
    expect(files.filter((f) => f.text.includes(gone.id)).map((f) => f.path)).toEqual([])
    expect(existsSync(join(dir, material.originalFile))).toBe(false)
    // The other subject is still in every generation, the other quarantined record still kept.
    const generations = store.backups.list()
    expect(generations.every((g) => g.valid && g.subjects <= 1)).toBe(true)
    expect(generations.filter((g) => g.subjects === 1).length).toBeGreaterThanOrEqual(2)
    expect(readFileSync(join(dir, 'config.quarantine-x.json'), 'utf8')).toContain('"other"')
    store.close()
  })

  it('lists generations and restores one; the state before is kept and nothing is purged', () => {
    const dir = tempDir()
    const store = openConfStore(dir)
    const services = createServices(dir, store, 'assets/divisions')
    const first = makeIndividual()
    const later = makeIndividual()
    services.repo.commit(upsertSubject(services.repo.workspace(), first))
    const older = store.snapshotSeparate()
    services.repo.commit(upsertSubject(services.repo.workspace(), later))
    const backups = services.backups
    if (!backups) throw new Error('expected the backup service')
    const listed = backups.list().find((g) => g.id === older)
    expect(listed).toMatchObject({ subjects: 1, sites: 0, materials: 0, valid: true })
    const result = backups.restore(older)
    expect(result.restored.id).toBe(older)
    expect(services.repo.workspace().subjects).toEqual([first])
    // The state before the restore is a generation of its own, with the later subject in it.
    expect(backups.list().find((g) => g.id === result.previousKeptAs)?.subjects).toBe(2)
    expect(readFileSync(join(store.backups.dir, `config-${result.previousKeptAs}.json`), 'utf8')).toContain(
      later.id,
    )
    expect(() => backups.restore('20990101T00')).toThrow(/没有编号为 20990101T00 的备份/)
    writeFileSync(join(store.backups.dir, 'config-20200101T00.json'), '{')
    expect(() => backups.restore('20200101T00')).toThrow(/已损坏，无法恢复/)
    store.close()
    const reader = openConfStore(dir, { readOnly: true })
    expect(() => createServices(dir, reader, 'assets/divisions').backups?.restore(older)).toThrow(/只读/)
  })
})
