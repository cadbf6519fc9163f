/**
 * The workspace archive (工作区迁移包) end to end on synthetic workspaces: export → import gives
 * the same store and the same (still sealed) material bytes, openable with the carried key; a
 * wrong passphrase, a changed byte, a cut file and a non-empty target are refused with their
 * code and nothing is written; a staging folder left by a killed import is never a workspace.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportArchive } from '../../../../electron/main/services/archive/export'
import { importArchive, sweepImportStaging } from '../../../../electron/main/services/archive/import'
import { isSealed } from '../../../../electron/main/services/crypto/envelope'
import { createWorkspaceKeys } from '../../../../electron/main/services/crypto/workspace-keys'
import { createMaterialFiles } from '../../../../electron/main/services/material-files'
import { storedWorkspace } from '../../../support/stored-workspace'
import { useTempDirs } from '../../../support/temp-dir'
import { individualSite, storeWorkspace } from '../../cli/support'
import { FAST, fakeKeychain } from '../crypto/fake-keychain'
import { FAST_SCRYPT } from './craft'

const tempDir = useTempDirs()
const PASS = '搬家用的迁移包口令 2026'

/** A workspace with four material files, sealed under a keychain key (or a passphrase), or plain. */
async function workspace(mode: 'keychain' | 'passphrase' | 'plain' = 'keychain') {
  const dir = tempDir()
  const site = await individualSite(dir)
  storeWorkspace(dir, { subjects: [site.subject], sites: [site.site], materials: site.materials })
  if (mode === 'plain') return { dir, site, key: null }
  const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
  await keys.startUp()
  if (mode === 'passphrase') await keys.setPassphrase('旧电脑上的工作区口令')
  await createMaterialFiles(dir, keys).encryptExisting()
  return { dir, site, key: keys.dataKey() }
}

async function exported(mode: 'keychain' | 'passphrase' | 'plain' = 'keychain') {
  const ws = await workspace(mode)
  const out = join(tempDir(), 'workspace.bdxa')
  const result = await exportArchive({
    dataDir: ws.dir,
    out,
    passphrase: PASS,
    dataKey: ws.key,
    scrypt: FAST_SCRYPT,
  })
  return { ...ws, out, result }
}

const importInto = (archive: string, passphrase = PASS, keychain = fakeKeychain('kwallet6')) => {
  const target = join(tempDir(), 'new-computer', 'beian-desk')
  return {
    target,
    run: () => importArchive({ archive, targetDir: target, passphrase, keychain, scrypt: FAST_SCRYPT }),
  }
}

const nothingWritten = (target: string) => {
  const parent = join(target, '..')
  expect(existsSync(target)).toBe(false)
  expect(existsSync(parent) ? readdirSync(parent) : []).toEqual([])
}

describe('workspace archive', () => {
  it('round trip: same store, same sealed material bytes, opened on the new computer by its keychain', async () => {
    const { dir, site, out, result } = await exported('keychain')
    expect(result).toMatchObject({ files: expect.any(Number) as unknown, encrypted: true })
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600)
    const bytes = readFileSync(out)
    expect(bytes.includes(Buffer.from(site.subject.principal.idNumber))).toBe(false)
    expect(bytes.includes(Buffer.from('jpeg of'))).toBe(false)
    expect(readdirSync(join(out, '..'))).toEqual(['workspace.bdxa']) // no temp file left

    const { target, run } = importInto(out)
    const imported = await run()
    expect(imported).toMatchObject({ dataDir: target, encrypted: true, unlockWith: 'keychain' })
    expect(storedWorkspace(target)).toEqual(storedWorkspace(dir))
    for (const m of site.materials) {
      const a = readFileSync(join(dir, m.compressedFile))
      expect(isSealed(a)).toBe(true)
      expect(readFileSync(join(target, m.compressedFile)).equals(a)).toBe(true)
    }
    // The new keychain unlocks by itself; the files open with the carried key.
    const keys = createWorkspaceKeys(target, { keychain: fakeKeychain('kwallet6'), ...FAST })
    expect(await keys.startUp()).toMatchObject({ unlocked: true, protection: 'keychain' })
    const files = createMaterialFiles(target, keys)
    const first = site.materials[0]
    if (!first) throw new Error('no material')
    expect((await files.read(first.compressedFile)).toString()).toMatch(/^jpeg of /)
    expect(readdirSync(join(target, '..'))).toEqual(['beian-desk']) // no staging left
    if (process.platform !== 'win32') expect(statSync(join(target, 'keys.json')).mode & 0o777).toBe(0o600)
  })

  it('without a keychain (CLI, basic_text) the archive passphrase becomes the workspace passphrase', async () => {
    const { site, out } = await exported('keychain')
    const target = join(tempDir(), 'cli-target')
    const r = await importArchive({ archive: out, targetDir: target, passphrase: PASS, scrypt: FAST_SCRYPT })
    expect(r.unlockWith).toBe('archive-passphrase')
    const keys = createWorkspaceKeys(target, { keychain: fakeKeychain('basic_text'), ...FAST })
    expect(await keys.startUp()).toMatchObject({ unlocked: false, protection: 'passphrase' })
    await keys.unlock(PASS)
    const m = site.materials[0]
    if (!m) throw new Error('no material')
    expect((await createMaterialFiles(target, keys).read(m.compressedFile)).toString()).toMatch(/^jpeg of /)
  })

  it('a passphrase-protected workspace keeps its own passphrase; a plain one says it is not encrypted', async () => {
    const a = await exported('passphrase')
    const ta = importInto(a.out)
    expect((await ta.run()).unlockWith).toBe('passphrase')
    const keys = createWorkspaceKeys(ta.target, { ...FAST })
    await keys.unlock('旧电脑上的工作区口令')
    expect(keys.status().unlocked).toBe(true)

    const b = await exported('plain')
    expect(b.result.encrypted).toBe(false)
    const tb = importInto(b.out)
    expect(await tb.run()).toMatchObject({ encrypted: false, unlockWith: 'none' })
    expect(storedWorkspace(tb.target)).toEqual(storedWorkspace(b.dir))
    expect(existsSync(join(tb.target, 'keys.json'))).toBe(false)
  })

  it('export needs the key of an encrypted workspace, a real passphrase, and never replaces a file', async () => {
    const ws = await workspace('keychain')
    const out = join(tempDir(), 'w.bdxa')
    const base = { dataDir: ws.dir, out, scrypt: FAST_SCRYPT }
    await expect(exportArchive({ ...base, passphrase: PASS, dataKey: null })).rejects.toMatchObject({
      code: 'archive/locked',
    })
    await expect(exportArchive({ ...base, passphrase: 'short', dataKey: ws.key })).rejects.toMatchObject({
      code: 'archive/weak-passphrase',
    })
    writeFileSync(out, 'mine')
    await expect(exportArchive({ ...base, passphrase: PASS, dataKey: ws.key })).rejects.toMatchObject({
      code: 'archive/out-exists',
    })
    expect(readFileSync(out, 'utf8')).toBe('mine')
    await expect(
      exportArchive({ ...base, dataDir: tempDir(), passphrase: PASS, dataKey: null }),
    ).rejects.toMatchObject({ code: 'archive/no-workspace' })
  })

  it('a place that cannot be written is a refusal with a code, not a raw error', async () => {
    const { out } = await exported('plain')
    const ws = await workspace('plain')
    const nowhere = join(tempDir(), 'missing-folder', 'w.bdxa')
    await expect(
      exportArchive({ dataDir: ws.dir, out: nowhere, passphrase: PASS, dataKey: null, scrypt: FAST_SCRYPT }),
    ).rejects.toMatchObject({
      code: 'archive/write-failed',
      message: expect.stringContaining('无法写入') as unknown,
    })
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, 'x')
    await expect(
      importArchive({
        archive: out,
        targetDir: join(file, 'beian-desk'),
        passphrase: PASS,
        scrypt: FAST_SCRYPT,
      }),
    ).rejects.toMatchObject({ code: 'archive/write-failed' })
    await expect(
      importArchive({
        archive: join(tempDir(), 'none.bdxa'),
        targetDir: join(tempDir(), 't'),
        passphrase: PASS,
      }),
    ).rejects.toMatchObject({ code: 'archive/not-archive' })
  })

  it('a wrong passphrase is refused in Chinese and writes nothing', async () => {
    const { out } = await exported()
    const { target, run } = importInto(out, '搬家用的迁移包口令 2025')
    await expect(run()).rejects.toMatchObject({
      code: 'archive/wrong-passphrase',
      message: expect.stringContaining('迁移包口令不正确') as unknown,
    })
    nothingWritten(target)
  })

  it('any changed byte is refused (header, frames, tag) and nothing is written', async () => {
    const { out } = await exported()
    const good = readFileSync(out)
    const headerEnd = 9 + good.readUInt32BE(5)
    for (const at of [
      5,
      20,
      headerEnd - 3,
      headerEnd + 2,
      headerEnd + 40,
      Math.floor(good.length / 2),
      good.length - 1,
    ]) {
      const bad = Buffer.from(good)
      bad[at] = (bad[at] as number) ^ 0x01
      const path = join(tempDir(), `t${String(at)}.bdxa`)
      writeFileSync(path, bad)
      const { target, run } = importInto(path)
      const error = await run().then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      )
      expect(error?.code, `byte ${String(at)}`).toMatch(
        /^archive\/(damaged|wrong-passphrase|not-archive|newer-version)$/,
      )
      expect(error?.message).toMatch(/[\u4e00-\u9fff]/)
      nothingWritten(target)
    }
  })

  it('a truncated or extended file is refused as damaged', async () => {
    const { out } = await exported()
    const good = readFileSync(out)
    // The last frame alone is 5 + 16 bytes plus what it holds: cutting it drops the "last" flag.
    for (const cut of [3, 12, 200, Math.floor(good.length / 2), good.length - 1, good.length - 17]) {
      const path = join(tempDir(), `cut${String(cut)}.bdxa`)
      writeFileSync(path, good.subarray(0, cut))
      const { target, run } = importInto(path)
      await expect(run(), `cut at ${String(cut)}`).rejects.toMatchObject({
        code: expect.stringMatching(/^archive\/(damaged|not-archive)$/) as unknown,
      })
      nothingWritten(target)
    }
    const longer = join(tempDir(), 'longer.bdxa')
    writeFileSync(longer, Buffer.concat([good, Buffer.from('x')]))
    await expect(importInto(longer).run()).rejects.toMatchObject({ code: 'archive/damaged' })
    const notOne = join(tempDir(), 'photo.bdxa')
    writeFileSync(notOne, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0]))
    await expect(importInto(notOne).run()).rejects.toMatchObject({ code: 'archive/not-archive' })
  })

  it('never imports over a workspace: a non-empty target is refused untouched; an empty folder is fine', async () => {
    const { out, dir } = await exported()
    const busy = tempDir()
    writeFileSync(join(busy, 'config.json'), '{"mine":true}')
    await expect(importArchive({ archive: out, targetDir: busy, passphrase: PASS })).rejects.toMatchObject({
      code: 'archive/target-not-empty',
      message: expect.stringContaining('不会覆盖现有工作区') as unknown,
    })
    expect(readdirSync(busy)).toEqual(['config.json'])
    const empty = join(tempDir(), 'empty')
    mkdirSync(empty)
    await importArchive({ archive: out, targetDir: empty, passphrase: PASS, scrypt: FAST_SCRYPT })
    expect(storedWorkspace(empty)).toEqual(storedWorkspace(dir))
  })

  it('a staging folder left by a killed import is not the workspace and the next import removes it', async () => {
    const { out, dir } = await exported()
    const parent = tempDir()
    const target = join(parent, 'beian-desk')
    // A process that has exited: its pid is dead, as after kill -9 mid-import.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid'], { encoding: 'utf8' }).pid
    const staging = join(parent, `.beian-desk.import-${String(dead)}-0123456789ab`)
    mkdirSync(join(staging, 'store'), { recursive: true })
    writeFileSync(join(staging, 'config.json'), '{"half":true}')
    expect(existsSync(target)).toBe(false) // the workspace is where it was: nowhere
    expect(sweepImportStaging(join(parent, 'other'))).toEqual([]) // another target's: not ours
    await importArchive({ archive: out, targetDir: target, passphrase: PASS, scrypt: FAST_SCRYPT })
    expect(readdirSync(parent)).toEqual(['beian-desk'])
    expect(storedWorkspace(target)).toEqual(storedWorkspace(dir))
  })
})
