/**
 * The sealing store codec: a round trip through the real store (index, shards, backup
 * generations), a fresh nonce per write, the header that tells sealed from plaintext, and a
 * wrong key, a changed byte or a plaintext file after the migration all counted as damage.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { upsertSubject } from '../../../../core/workspace'
import { openConfStore } from '../../../../electron/main/services/conf-store'
import { isSealed, open } from '../../../../electron/main/services/crypto/envelope'
import { storeKeyOf } from '../../../../electron/main/services/crypto/sealed-store-codec'
import { readStoreText, StoreDecodeError } from '../../../../electron/main/services/store-codec'
import { createWorkspaceRepo } from '../../../../electron/main/services/workspace-repo'
import {
  filesUnder,
  needlesOf,
  newDataKey,
  plaintextHits,
  plaintextWorkspace,
  sealedCodec,
  secretsOf,
  subjectOf,
} from '../../../support/sealed-store'
import { useTempDirs } from '../../../support/temp-dir'

const tempDir = useTempDirs()

const storeFiles = (dir: string) => filesUnder(dir).filter((p) => !p.endsWith('writer.lock'))

describe('sealed store codec', () => {
  it('round trip: every store file and generation sealed, nothing personal in plaintext', () => {
    const dir = tempDir()
    const key = newDataKey()
    const all = plaintextWorkspace(dir, 3, sealedCodec(key))
    for (const path of storeFiles(dir)) expect(isSealed(readFileSync(path)), path).toBe(true)
    expect(plaintextHits(dir, needlesOf(all))).toEqual([])
    const store = openConfStore(dir, { readOnly: true, codec: sealedCodec(key) })
    expect(store.recovery).toBeNull()
    expect(
      createWorkspaceRepo(store)
        .workspace()
        .subjects.map((s) => s.principal.idNumber),
    ).toEqual(all.map((s) => s.id))
    const generations = store.backups.list()
    expect(generations.length).toBeGreaterThanOrEqual(3)
    expect(generations.every((g) => g.valid)).toBe(true)
    expect(generations[0]?.subjects).toBe(3)
    store.close()
  })

  it('uses a fresh nonce per write and a sub-key distinct from the data key', () => {
    const key = newDataKey()
    const codec = sealedCodec(key)
    const plain = Buffer.from('{"format":"beian-desk-split"}')
    const a = Buffer.from(codec.encode(plain))
    const b = Buffer.from(codec.encode(plain))
    expect(a.equals(b)).toBe(false)
    expect(Buffer.from(codec.decode(a)).toString()).toBe(plain.toString())
    expect(open(storeKeyOf(key), a).toString()).toBe(plain.toString())
    // Under the data key itself (as material files are) the container does not open.
    expect(() => open(key, a)).toThrow(/无法解密/)
  })

  it('a wrong key: every file fails to decode, and the open is refused, never an empty start', () => {
    const dir = tempDir()
    const all = plaintextWorkspace(dir, 2, sealedCodec(newDataKey()))
    const other = sealedCodec(newDataKey())
    expect(() => readStoreText(join(dir, 'config.json'), other)).toThrow(StoreDecodeError)
    const before = new Map(filesUnder(dir).map((p) => [p, readFileSync(p).toString('base64')] as const))
    for (const readOnly of [true, false])
      expect(() => openConfStore(dir, { readOnly, codec: other })).toThrow(/密钥不对/)
    // Nothing moved, nothing written (the refused writer gave its lock back).
    const after = new Map(filesUnder(dir).map((p) => [p, readFileSync(p).toString('base64')] as const))
    expect(after).toEqual(before)
    expect(all).toHaveLength(2)
  })

  it('a changed byte is damage: the last good generation comes back with every subject', () => {
    const dir = tempDir()
    const key = newDataKey()
    const all = plaintextWorkspace(dir, 3, sealedCodec(key))
    const flip = (path: string, at: number) => {
      const bytes = readFileSync(path)
      const i = at < 0 ? bytes.length + at : at
      bytes[i] = (bytes[i] ?? 0) ^ 0x01
      writeFileSync(path, bytes)
    }
    // A shard (hard-linked into the generations, so left alone after this check) and the index.
    const shard = storeFiles(dir).find((p) => p.includes(join('store', ''))) as string
    flip(shard, -1)
    expect(() => readStoreText(shard, sealedCodec(key))).toThrow(StoreDecodeError)
    flip(shard, -1)
    flip(join(dir, 'config.json'), 4) // the format version byte of the header
    expect(() => readStoreText(join(dir, 'config.json'), sealedCodec(key))).toThrow(StoreDecodeError)
    flip(join(dir, 'config.json'), 4)
    flip(join(dir, 'config.json'), 40)
    const store = openConfStore(dir, { codec: sealedCodec(key) })
    expect(store.recovery?.outcome).toBe('restored-generation')
    expect(createWorkspaceRepo(store).workspace().subjects).toHaveLength(all.length)
    store.close()
    expect(plaintextHits(dir, needlesOf(all))).toEqual([])
  })

  it('reads plaintext only while the migration is unfinished', () => {
    const dir = tempDir()
    const all = plaintextWorkspace(dir, 1)
    const key = newDataKey()
    expect(readStoreText(join(dir, 'config.json'), sealedCodec(key, true))).toContain('beian-desk-split')
    expect(() => readStoreText(join(dir, 'config.json'), sealedCodec(key, false))).toThrow(StoreDecodeError)
    // During the migration, a write is sealed at once.
    const store = openConfStore(dir, { codec: sealedCodec(key, true) })
    const repo = createWorkspaceRepo(store)
    const s = secretsOf(9)
    repo.commit(upsertSubject(repo.workspace(), subjectOf(s)))
    expect(isSealed(readFileSync(join(dir, 'config.json')))).toBe(true)
    store.close()
    expect(all).toHaveLength(1)
  })
})
