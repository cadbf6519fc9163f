/** `beian-desk archive export|import`: the workspace archive from a terminal, passphrases as unlock.ts reads them. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkspaceKeys } from '../../../electron/main/services/crypto/workspace-keys'
import { createMaterialFiles } from '../../../electron/main/services/material-files'
import { storedWorkspace } from '../../support/stored-workspace'
import { useTempDirs } from '../../support/temp-dir'
import { FAST, fakeKeychain } from '../services/crypto/fake-keychain'
import { individualSite, run, storeWorkspace } from './support'

const tempDir = useTempDirs()
const ARCHIVE_PASS = '换电脑用的迁移包口令'

async function encryptedWorkspace() {
  const dir = tempDir()
  const site = await individualSite(dir)
  storeWorkspace(dir, { subjects: [site.subject], sites: [site.site], materials: site.materials })
  const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
  await keys.startUp()
  await createMaterialFiles(dir, keys).encryptExisting()
  return { dir, site, code: keys.takeRecoveryCode() as string }
}

describe('beian-desk archive', () => {
  it('exports with the recovery key and an archive passphrase file, imports into a new folder, list reads it', async () => {
    const { dir, site, code } = await encryptedWorkspace()
    const out = join(tempDir(), 'move.bdxa')
    const passFile = join(tempDir(), 'archive-pass.txt')
    writeFileSync(passFile, `${ARCHIVE_PASS}\n`)
    const ex = await run(
      ['archive', 'export', '--data-dir', dir, '--out', out, '--archive-passphrase-file', passFile],
      {
        env: { BEIAN_DESK_PASSPHRASE: code },
      },
    )
    // stderr: progress lines only, from the key to 100 %; stdout: the result.
    const lines = ex.err.trimEnd().split('\n')
    expect(lines[0]).toBe('正在由迁移包口令生成密钥…')
    expect(lines.at(-1)).toMatch(/^正在写入迁移包：100%（\d+\.\d \/ \d+\.\d MB）$/)
    expect(lines.slice(1).every((l) => l.startsWith('正在写入迁移包：'))).toBe(true)
    expect(ex.code).toBe(0)
    expect(ex.out).toContain('已导出工作区迁移包')
    expect(ex.out).toContain('只需要这个口令')
    expect(existsSync(out)).toBe(true)

    const target = join(tempDir(), 'new', 'beian-desk')
    const im = await run(['archive', 'import', out, '--data-dir', target, '--json'], {
      env: { BEIAN_DESK_ARCHIVE_PASSPHRASE: ARCHIVE_PASS },
    })
    expect(im.err).toBe('') // --json: no progress lines
    expect(im.code).toBe(0)
    expect(JSON.parse(im.out)).toMatchObject({
      dataDir: target,
      encrypted: true,
      unlockWith: 'archive-passphrase',
    })
    expect(storedWorkspace(target)).toEqual(storedWorkspace(dir))
    // The store of an encrypted workspace is read with its key: here the archive passphrase.
    const list = await run(['list', '--data-dir', target], { env: { BEIAN_DESK_PASSPHRASE: ARCHIVE_PASS } })
    expect(list.code).toBe(0)
    expect(list.out).toContain('example-blog.cn')
    // The imported workspace opens with the archive passphrase from now on (no keychain here).
    const m = site.materials[0]
    if (!m) throw new Error('no material')
    expect(
      readFileSync(join(target, m.compressedFile)).equals(readFileSync(join(dir, m.compressedFile))),
    ).toBe(true)
    const val = await run(['validate', '--data-dir', target], {
      env: { BEIAN_DESK_PASSPHRASE: ARCHIVE_PASS },
    })
    expect(val.err).toBe('')
    expect(val.code).toBe(0)
  }, 60_000)

  it('refuses: no archive passphrase, a wrong one, a non-empty target, an existing output', async () => {
    const { dir, code } = await encryptedWorkspace()
    const out = join(tempDir(), 'move.bdxa')
    const noPass = await run(['archive', 'export', '--data-dir', dir, '--out', out], {
      env: { BEIAN_DESK_PASSPHRASE: code },
    })
    expect(noPass.code).toBe(2)
    expect(noPass.err).toContain('BEIAN_DESK_ARCHIVE_PASSPHRASE')
    const env = { BEIAN_DESK_PASSPHRASE: code, BEIAN_DESK_ARCHIVE_PASSPHRASE: ARCHIVE_PASS }
    expect((await run(['archive', 'export', '--data-dir', dir, '--out', out], { env })).code).toBe(0)
    const again = await run(['archive', 'export', '--data-dir', dir, '--out', out], { env })
    expect(again.code).toBe(1)
    expect(again.err).toContain('不会覆盖')

    const target = join(tempDir(), 't')
    const wrong = await run(['archive', 'import', out, '--data-dir', target], {
      env: { BEIAN_DESK_ARCHIVE_PASSPHRASE: '不是这个口令哦' },
    })
    expect(wrong.code).toBe(1)
    expect(wrong.err).toContain('迁移包口令不正确')
    expect(existsSync(target)).toBe(false)

    const busy = tempDir()
    writeFileSync(join(busy, 'notes.txt'), 'mine')
    const over = await run(['archive', 'import', out, '--data-dir', busy], { env })
    expect(over.code).toBe(1)
    expect(over.err).toContain('不是空的')
    expect(readdirSync(busy)).toEqual(['notes.txt'])

    const en = await run(['archive', 'import', out, '--data-dir', busy, '--lang', 'en'], { env })
    expect(en.err).toContain('not empty')
  }, 60_000)

  it('an encrypted workspace needs its own secret to export; a plain one exports and imports', async () => {
    const { dir } = await encryptedWorkspace()
    const env = { BEIAN_DESK_ARCHIVE_PASSPHRASE: ARCHIVE_PASS }
    const locked = await run(['archive', 'export', '--data-dir', dir, '--out', join(tempDir(), 'a.bdxa')], {
      env,
    })
    expect(locked.code).toBe(2)
    expect(locked.err).toContain('恢复密钥')

    const plain = tempDir()
    const site = await individualSite(plain)
    storeWorkspace(plain, { subjects: [site.subject], sites: [site.site], materials: site.materials })
    const out = join(tempDir(), 'plain.bdxa')
    const ex = await run(['archive', 'export', '--data-dir', plain, '--out', out], { env })
    expect(ex.code).toBe(0)
    expect(ex.out).toContain('没有加密')
    const empty = join(tempDir(), 'empty')
    mkdirSync(empty)
    const im = await run(['archive', 'import', out, '--data-dir', empty, '--lang', 'en'], { env })
    expect(im.code).toBe(0)
    expect(im.out).toContain('not encrypted')
    const steps = im.err.trimEnd().split('\n')
    expect(steps[0]).toBe('Deriving the key from the archive passphrase…')
    expect(steps.some((l) => l.startsWith('Checking the archive: 0% ('))).toBe(true)
    expect(steps.at(-1)).toMatch(/^Writing the workspace: 100% \(/)
  }, 60_000)

  it('usage: help, unknown action, missing arguments', async () => {
    const help = await run(['archive', '--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('--archive-passphrase-file')
    expect((await run(['--help'])).out).toContain('archive export')
    expect((await run(['archive', 'pack', '--data-dir', 'x'])).code).toBe(2)
    expect((await run(['archive'])).code).toBe(2)
    expect((await run(['archive', 'import', '--data-dir', tempDir()])).err).toContain('.bdxa')
    expect((await run(['archive', 'export', '--data-dir', tempDir()])).err).toContain('--out')
  })
})
