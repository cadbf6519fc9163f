import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { backupPathOf, takeStoreRecovery, type OpenedStore } from '../../../electron/main/services/store'
import { storeOptions } from '../../../electron/main/services/store-options'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { upsertSubject } from '../../../core/workspace'
import { watermarkPlacementOf } from '../../../core/model'
import { makeIndividual, makeMaterial } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
// The very options object main hands to electron-store. Each open is closed again, so the
// next open is a fresh start of the data folder, as after a restart.
const opened: OpenedStore[] = []
const open = (dir: string): OpenedStore => {
  for (const s of opened.splice(0)) s.close()
  const store = openConfStore(dir)
  opened.push(store)
  return store
}

function stateWith(subjects: unknown[], extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    workspace: { subjects, sites: [], materials: [], ...extra },
    settings: { language: 'zh-CN', lastExportDir: '' },
  }
}

describe('store', () => {
  it('uses the safe options: no silent reset, owner-only file', () => {
    expect(storeOptions.clearInvalidConfig).toBe(false)
    expect(storeOptions.configFileMode).toBe(0o600)
    expect(storeOptions).not.toHaveProperty('encryptionKey')
  })

  it('persists the workspace across a restart, owner-only', () => {
    const dir = tempDir()
    const subject = makeIndividual()
    const repo = createWorkspaceRepo(open(dir))
    repo.commit(upsertSubject(repo.workspace(), subject))
    repo.updateSettings({ language: 'en' })
    const reopened = open(dir)
    expect(reopened.recovery).toBeNull()
    expect(createWorkspaceRepo(reopened).workspace().subjects).toEqual([subject])
    expect(createWorkspaceRepo(reopened).settings().language).toBe('en')
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600)
  })

  it('loads a workspace saved before watermark placements (text only): drawn tiled, as it was', () => {
    const dir = tempDir()
    const subject = makeIndividual()
    const legacy = makeMaterial('subject', subject.id, 'principal-id-front', {
      edit: { rotate: 90, crop: null, watermark: '仅供公安备案使用' },
    })
    expect(legacy.edit).not.toHaveProperty('watermarkPlacement')
    const placed = makeMaterial('subject', subject.id, 'principal-id-back', {
      edit: { rotate: 0, crop: null, watermark: '仅供备案', watermarkPlacement: 'band' },
    })
    const workspace = { subjects: [subject], sites: [], materials: [legacy, placed] }
    // Written as the file an earlier version left on disk.
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ version: 1, workspace, settings: { language: 'zh-CN', lastExportDir: '' } }),
    )
    const store = open(dir)
    expect(store.recovery).toBeNull()
    const [a, b] = createWorkspaceRepo(store).workspace().materials
    expect(a?.edit).toEqual({ rotate: 90, crop: null, watermark: '仅供公安备案使用' })
    expect(a && watermarkPlacementOf(a.edit)).toBe('tiled')
    expect(b && watermarkPlacementOf(b.edit)).toBe('band')
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(false)
  })

  it('refuses a watermark placement it does not know', () => {
    const store = open(tempDir())
    const subject = makeIndividual()
    const odd = makeMaterial('subject', subject.id, 'principal-id-front', {
      edit: { rotate: 0, crop: null, watermark: '仅供备案', watermarkPlacement: 'middle' as 'band' },
    })
    expect(() => {
      store.store = { ...store.store, workspace: { subjects: [subject], sites: [], materials: [odd] } }
    }).toThrow(/schema/i)
  })

  it('refuses data that violates the schema', () => {
    const store = open(tempDir())
    expect(() => {
      store.store = { ...store.store, settings: { language: 'fr', lastExportDir: '' } }
    }).toThrow(/schema/i)
  })

  it('restores the last good generation after a session, with every subject in it', () => {
    const dir = tempDir()
    const file = join(dir, 'config.json')
    const repo = createWorkspaceRepo(open(dir))
    // Subjects added one by one during the session, after the store was opened.
    const subjects = Array.from({ length: 5 }, () => makeIndividual())
    for (const s of subjects) repo.commit(upsertSubject(repo.workspace(), s))
    opened.splice(0).forEach((s) => s.close())
    writeFileSync(file, '{"workspace": {"subjects": [tru')
    const store = open(dir)
    expect(createWorkspaceRepo(store).workspace().subjects).toEqual(subjects)
    expect(store.recovery).toMatchObject({
      outcome: 'restored-generation',
      restoredFromBackup: true,
      repairedOnDisk: true,
    })
    expect(store.recovery?.generation).toMatchObject({ subjects: 5, valid: true })
    expect(store.recovery?.summary).toMatch(/已恢复到 .* 的备份（5 个主体/)
    // The damaged file is kept aside as it was, and the CLI/app can read the report once.
    const corrupt = readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-'))
    expect(corrupt).toHaveLength(1)
    expect(readFileSync(join(dir, corrupt[0] as string), 'utf8')).toContain('[tru')
    expect(takeStoreRecovery()).toMatchObject({ outcome: 'restored-generation' })
    expect(takeStoreRecovery()).toBeNull()
  })

  it('skips a damaged newer generation and restores the newest one that validates', () => {
    const dir = tempDir()
    const first = makeIndividual()
    const second = makeIndividual()
    const store = open(dir)
    const repo = createWorkspaceRepo(store)
    repo.commit(upsertSubject(repo.workspace(), first))
    const older = store.snapshotSeparate()
    repo.commit(upsertSubject(repo.workspace(), second))
    // The newest generation (this hour's) is damaged too.
    const newest = store.backups.list()[0]
    expect(newest?.id).not.toBe(older)
    writeFileSync(
      join(store.backups.dir, `config-${newest?.id}.json`),
      '{"version": 1, "workspace": {"subjects": [{"id": 1}]}}',
    )
    opened.splice(0).forEach((s) => s.close())
    writeFileSync(join(dir, 'config.json'), '\u0000\u0000garbage')
    const reopened = open(dir)
    expect(createWorkspaceRepo(reopened).workspace().subjects).toEqual([first])
    expect(reopened.recovery).toMatchObject({
      outcome: 'restored-generation',
      skippedGenerations: [newest?.id],
    })
    expect(reopened.recovery?.generation?.id).toBe(older)
  })

  it('quarantines a damaged record alone and keeps the rest as it was', () => {
    const dir = tempDir()
    const good = makeIndividual()
    const bad = { ...makeIndividual({ name: '王损坏' }), nature: 'alien' }
    const other = makeIndividual()
    const material = makeMaterial('subject', good.id, 'principal-id-front')
    const badMaterial = { ...makeMaterial('subject', good.id, 'principal-id-back'), quality: 900 }
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify(stateWith([good, bad, other], { materials: [material, badMaterial] })),
    )
    const store = open(dir)
    const ws = createWorkspaceRepo(store).workspace()
    expect(ws.subjects).toEqual([good, other])
    expect(ws.materials).toEqual([material])
    const recovery = store.recovery
    expect(recovery?.outcome).toBe('records-quarantined')
    expect(recovery?.quarantinedRecords).toEqual([
      expect.objectContaining({ kind: 'subject', id: bad.id, label: '王损坏' }),
      expect.objectContaining({ kind: 'material', id: badMaterial.id }),
    ])
    expect(recovery?.quarantinedRecords[0]?.problems.join()).toMatch(/nature/)
    expect(recovery?.summary).toMatch(/2 条记录已损坏.*主体「王损坏」/)
    // The records are kept in full in an owner-only quarantine file.
    const qfile = recovery?.quarantineFile as string
    expect(statSync(qfile).mode & 0o777).toBe(0o600)
    const kept = JSON.parse(readFileSync(qfile, 'utf8')) as {
      records: { record: { id: string; principal?: { idNumber: string } } }[]
    }
    expect(kept.records.map((r) => r.record.id)).toEqual([bad.id, badMaterial.id])
    expect(kept.records[0]?.record.principal?.idNumber).toBe(bad.principal.idNumber)
    // The repaired file opens cleanly next time.
    expect(open(dir).recovery).toBeNull()
  })

  it('starts empty when the store and every generation are damaged, keeping them aside and saying so', () => {
    const dir = tempDir()
    const store = open(dir)
    const repo = createWorkspaceRepo(store)
    repo.commit(upsertSubject(repo.workspace(), makeIndividual()))
    const gens = store.backups.list()
    expect(gens.length).toBeGreaterThan(0)
    for (const g of gens) writeFileSync(join(store.backups.dir, `config-${g.id}.json`), 'broken')
    opened.splice(0).forEach((s) => s.close())
    writeFileSync(join(dir, 'config.json'), 'not json at all')
    const reopened = open(dir)
    expect(createWorkspaceRepo(reopened).workspace().subjects).toEqual([])
    expect(reopened.recovery).toMatchObject({ outcome: 'started-empty', restoredFromBackup: false })
    expect(reopened.recovery?.skippedGenerations.sort()).toEqual(gens.map((g) => g.id).sort())
    expect(reopened.recovery?.summary).toMatch(/已从空白数据开始/)
    const corrupt = readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-'))
    expect(readFileSync(join(dir, corrupt[0] as string), 'utf8')).toBe('not json at all')
    // The damaged generations are not deleted either.
    for (const g of gens)
      expect(readFileSync(join(reopened.backups.dir, `config-${g.id}.json`), 'utf8')).toBe('broken')
  })

  it.each(['{}', '[]', 'null', '{"version": 1}'])(
    'treats a file emptied to %s as damage, never as an empty workspace',
    (text) => {
      const dir = tempDir()
      const subject = makeIndividual()
      const repo = createWorkspaceRepo(open(dir))
      repo.commit(upsertSubject(repo.workspace(), subject))
      opened.splice(0).forEach((s) => s.close())
      writeFileSync(join(dir, 'config.json'), text)
      const store = open(dir)
      expect(createWorkspaceRepo(store).workspace().subjects).toEqual([subject])
      expect(store.recovery?.outcome).toBe('restored-generation')
    },
  )

  it('starts empty but keeps the damaged file when there is no backup', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'config.json'), 'not json at all')
    const store = open(dir)
    expect(createWorkspaceRepo(store).workspace().subjects).toEqual([])
    expect(store.recovery).toMatchObject({ outcome: 'started-empty', skippedGenerations: [] })
  })

  it('uses the backup.json of earlier versions only to recover, and removes it after a clean open', () => {
    const dir = tempDir()
    const file = join(dir, 'config.json')
    const subject = makeIndividual()
    writeFileSync(backupPathOf(file), JSON.stringify(stateWith([subject])))
    writeFileSync(file, '{')
    const store = open(dir)
    expect(createWorkspaceRepo(store).workspace().subjects).toEqual([subject])
    expect(store.recovery?.outcome).toBe('restored-generation')
    expect(existsSync(backupPathOf(file))).toBe(false)
    writeFileSync(backupPathOf(file), JSON.stringify(stateWith([makeIndividual()])))
    open(dir)
    expect(existsSync(backupPathOf(file))).toBe(false)
  })

  it('refuses to open a file that is not readable instead of treating it as damaged', () => {
    const dir = tempDir()
    // A directory where the file should be: an I/O error, not damage. Nothing is moved aside.
    mkdirSync(join(dir, 'config.json'))
    expect(() => open(dir)).toThrow()
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(false)
  })
})
