/**
 * Sealing an older workspace's store: a plaintext workspace with several backup generations, a
 * quarantine file and a damaged copy kept aside is opened through the sealing codec and
 * migrated; then no ID number, name, phone or address is left in plaintext anywhere in the data
 * folder, and the store and every generation open without plaintext being accepted any more.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { isSealed } from '../../../electron/main/services/crypto/envelope'
import { sealStoreFiles, storeFilesOf } from '../../../electron/main/services/store-seal'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import {
  needlesOf,
  newDataKey,
  plaintextHits,
  plaintextWorkspace,
  sealedCodec,
  secretsOf,
} from '../../support/sealed-store'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()

describe('sealing an older workspace', () => {
  it('leaves no personal value in plaintext and every generation still restorable', () => {
    const dir = tempDir()
    const all = plaintextWorkspace(dir, 4)
    // What recovery once set aside, in plaintext: a quarantine file and a damaged copy.
    const extra = secretsOf(20)
    all.push(extra)
    writeFileSync(
      join(dir, 'config.quarantine-2026-12-01T00-00-00-000Z.json'),
      JSON.stringify({
        createdAt: '',
        damagedFile: '',
        records: [{ kind: 'subject', label: extra.name, record: extra }],
      }),
    )
    writeFileSync(join(dir, 'config.json.corrupt-2026-12-01'), `{"broken": "${extra.id}`)
    expect(plaintextHits(dir, needlesOf(all)).length).toBeGreaterThan(0)

    const key = newDataKey()
    const store = openConfStore(dir, { codec: sealedCodec(key, true) })
    const sealed = sealStoreFiles(dir, sealedCodec(key, true))
    store.close()
    expect(sealed).toBeGreaterThan(5)
    expect(plaintextHits(dir, needlesOf(all))).toEqual([])
    for (const path of storeFilesOf(dir)) expect(isSealed(readFileSync(path)), path).toBe(true)
    expect(sealStoreFiles(dir, sealedCodec(key, true))).toBe(0)

    // After the migration plaintext is refused, and nothing needs it.
    const again = openConfStore(dir, { readOnly: true, codec: sealedCodec(key, false) })
    expect(again.recovery).toBeNull()
    expect(createWorkspaceRepo(again).workspace().subjects).toHaveLength(4)
    const generations = again.backups.list()
    expect(generations.every((g) => g.valid)).toBe(true)
    expect(Math.max(...generations.map((g) => g.subjects))).toBe(4)
    again.close()
  })

  it('keeps each generation’s age, and a generation’s shard stays one file with the live one', () => {
    const dir = tempDir()
    plaintextWorkspace(dir, 2)
    const generations = storeFilesOf(dir).filter((p) => /backups\/config-/.test(p))
    const before = generations.map((p) => statSync(p).mtimeMs)
    sealStoreFiles(dir, sealedCodec(newDataKey(), true))
    expect(generations.map((p) => statSync(p).mtimeMs)).toEqual(before)
    const live = storeFilesOf(dir).filter((p) => p.includes(join(dir, 'store')))
    expect(live.length).toBe(2)
    for (const path of live) {
      const pooled = join(dir, 'backups', 'shards', basename(path))
      expect(statSync(pooled).ino, pooled).toBe(statSync(path).ino)
      expect(isSealed(readFileSync(pooled))).toBe(true)
    }
  })
})
