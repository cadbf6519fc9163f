import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { backupPathOf, takeStoreRecovery } from '../../../electron/main/services/store'
import { storeOptions } from '../../../electron/main/services/store-options'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { upsertSubject } from '../../../core/workspace'
import { watermarkPlacementOf } from '../../../core/model'
import { makeIndividual, makeMaterial } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
// The very options object main hands to electron-store.
const open = (dir: string) => openConfStore(dir)

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
    const reopened = createWorkspaceRepo(open(dir))
    expect(reopened.workspace().subjects).toEqual([subject])
    expect(reopened.settings().language).toBe('en')
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600)
  })

  it('loads a workspace saved before watermark placements (text only): drawn tiled, as it was', () => {
    const dir = tempDir()
    const subject = makeIndividual()
    const legacy = makeMaterial('subject', subject.id, 'principal-id-front', { edit: { rotate: 90, crop: null, watermark: '仅供公安备案使用' } })
    expect(legacy.edit).not.toHaveProperty('watermarkPlacement')
    const placed = makeMaterial('subject', subject.id, 'principal-id-back', {
      edit: { rotate: 0, crop: null, watermark: '仅供备案', watermarkPlacement: 'band' },
    })
    const workspace = { subjects: [subject], sites: [], materials: [legacy, placed] }
    // Written as the file an earlier version left on disk.
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ version: 1, workspace, settings: { language: 'zh-CN', lastExportDir: '' } }))
    const repo = createWorkspaceRepo(open(dir))
    expect(takeStoreRecovery()).toBeNull()
    const [a, b] = repo.workspace().materials
    expect(a?.edit).toEqual({ rotate: 90, crop: null, watermark: '仅供公安备案使用' })
    expect(a && watermarkPlacementOf(a.edit)).toBe('tiled')
    expect(b && watermarkPlacementOf(b.edit)).toBe('band')
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(false)
  })

  it('refuses a watermark placement it does not know', () => {
    const dir = tempDir()
    const store = open(dir)
    const subject = makeIndividual()
    const odd = makeMaterial('subject', subject.id, 'principal-id-front', {
      edit: { rotate: 0, crop: null, watermark: '仅供备案', watermarkPlacement: 'middle' as 'band' },
    })
    expect(() => {
      store.store = { ...store.store, workspace: { subjects: [subject], sites: [], materials: [odd] } }
    }).toThrow(/schema/i)
  })

  it('refuses data that violates the schema', () => {
    const dir = tempDir()
    const store = open(dir)
    expect(() => {
      store.store = { ...store.store, settings: { language: 'fr', lastExportDir: '' } }
    }).toThrow(/schema/i)
  })

  it('quarantines a damaged file and restores the last good backup', () => {
    const dir = tempDir()
    const file = join(dir, 'config.json')
    const subject = makeIndividual()
    const repo = createWorkspaceRepo(open(dir))
    repo.commit(upsertSubject(repo.workspace(), subject))
    open(dir) // a clean start refreshes the backup
    writeFileSync(file, '{"workspace": {"subjects": [tru')
    const restored = createWorkspaceRepo(open(dir))
    expect(restored.workspace().subjects).toEqual([subject])
    const corrupt = readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-'))
    expect(corrupt).toHaveLength(1)
    expect(readFileSync(join(dir, corrupt[0] as string), 'utf8')).toContain('[tru')
    expect(takeStoreRecovery()).toMatchObject({ restoredFromBackup: true })
  })

  it('starts empty but keeps the damaged file when there is no backup', () => {
    const dir = tempDir()
    const file = join(dir, 'config.json')
    writeFileSync(file, 'not json at all')
    const repo = createWorkspaceRepo(open(dir))
    expect(repo.workspace().subjects).toEqual([])
    expect(existsSync(backupPathOf(file))).toBe(false)
    const corrupt = readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-'))
    expect(readFileSync(join(dir, corrupt[0] as string), 'utf8')).toBe('not json at all')
    expect(takeStoreRecovery()).toMatchObject({ restoredFromBackup: false })
  })

  it('removes orphaned temp files left by a crash mid-write', () => {
    const dir = tempDir()
    open(dir).store = { ...open(dir).store }
    writeFileSync(join(dir, 'config.json.tmp-123abc'), '{"half": ')
    open(dir)
    expect(readdirSync(dir).some((f) => f.includes('.tmp-'))).toBe(false)
  })
})
