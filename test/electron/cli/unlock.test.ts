/** The CLI opens an encrypted workspace with the passphrase or recovery key (file, env var), never the keychain. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { takePassphraseFile } from '../../../electron/cli/unlock'
import { isSealed } from '../../../electron/main/services/crypto/envelope'
import { readKeyFile } from '../../../electron/main/services/crypto/key-file'
import { createWorkspaceKeys } from '../../../electron/main/services/crypto/workspace-keys'
import { storeFilesOf } from '../../../electron/main/services/store-seal'
import { plaintextHits } from '../../support/sealed-store'
import { createMaterialFiles } from '../../../electron/main/services/material-files'
import { useTempDirs } from '../../support/temp-dir'
import { FAST, fakeKeychain } from '../services/crypto/fake-keychain'
import { individualSite, run, storeWorkspace } from './support'

const tempDir = useTempDirs()

/** A complete site whose material files were encrypted by the app (keychain, or a passphrase). */
async function encryptedSite(passphrase?: string) {
  const dir = tempDir()
  const site = await individualSite(dir)
  storeWorkspace(dir, { subjects: [site.subject], sites: [site.site], materials: site.materials })
  const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
  await keys.startUp()
  if (passphrase) await keys.setPassphrase(passphrase)
  const migrated = await createMaterialFiles(dir, keys).encryptExisting()
  expect(migrated).toBe(4)
  for (const m of site.materials) expect(isSealed(readFileSync(join(dir, m.compressedFile)))).toBe(true)
  return { dir, site, code: keys.takeRecoveryCode() as string }
}

const exportArgs = (dir: string, out: string) => [
  'export',
  '--data-dir',
  dir,
  '--site',
  'example-blog.cn',
  '--out',
  out,
  '--zip',
]

describe('beian-desk on an encrypted workspace', () => {
  it('a keychain-protected key: says in Chinese that the CLI cannot use the keychain and asks for the recovery key', async () => {
    const { dir } = await encryptedSite()
    const r = await run(exportArgs(dir, join(dir, 'p.zip')))
    expect(r.code).toBe(2)
    expect(r.err).toContain('系统钥匙串')
    expect(r.err).toContain('恢复密钥')
    expect(r.err).toContain('--passphrase-file')
    expect(r.err).toContain('BEIAN_DESK_PASSPHRASE')
    const en = await run([...exportArgs(dir, join(dir, 'p.zip')), '--lang', 'en'])
    expect(en.err).toContain('the command line cannot unlock it')
  })

  it('unlocks with the recovery key from BEIAN_DESK_PASSPHRASE and exports plaintext', async () => {
    const { dir, code } = await encryptedSite()
    const out = join(tempDir(), 'packet')
    const r = await run(
      exportArgs(dir, `${out}.zip`)
        .filter((a) => a !== '--zip')
        .slice(0, -1)
        .concat(out),
      {
        env: { BEIAN_DESK_PASSPHRASE: code },
      },
    )
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const folder = join(out, readdirSync(out)[0] as string)
    const jpegs = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.jpg'))
    expect(jpegs.length).toBe(4)
    for (const f of jpegs) expect(readFileSync(join(folder, f), 'utf8')).toMatch(/^jpeg of /)
  })

  it('takes the passphrase from --passphrase-file; a wrong one is refused with a clear message', async () => {
    const { dir } = await encryptedSite('我的备案口令 2026')
    const good = join(tempDir(), 'pass.txt')
    writeFileSync(good, '我的备案口令 2026\n')
    const ok = await run([...exportArgs(dir, join(tempDir(), 'p.zip')), '--passphrase-file', good])
    expect(ok.code).toBe(0)
    const bad = join(tempDir(), 'bad.txt')
    writeFileSync(bad, '我的备案口令 2025\n')
    const wrong = await run([...exportArgs(dir, join(tempDir(), 'p.zip')), `--passphrase-file=${bad}`])
    expect(wrong.code).toBe(1)
    expect(wrong.err).toContain('口令或恢复密钥不正确')
    const missing = await run([
      ...exportArgs(dir, join(tempDir(), 'p.zip')),
      '--passphrase-file',
      join(dir, 'nope'),
    ])
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('读不到口令文件') as unknown })
    // Without any secret and without a terminal: how to give it.
    const none = await run(exportArgs(dir, join(tempDir(), 'p.zip')))
    expect(none).toMatchObject({ code: 2, err: expect.stringContaining('需要口令或恢复密钥') as unknown })
  })

  it('list needs the key too (the store is sealed); a writer finishes sealing an older store', async () => {
    const { dir, site, code } = await encryptedSite()
    const idNumber = site.subject.principal.idNumber
    const none = await run(['list', '--data-dir', dir])
    expect(none).toMatchObject({ code: 2, err: expect.stringContaining('恢复密钥') as unknown })
    const env = { BEIAN_DESK_PASSPHRASE: code }
    const listed = await run(['list', '--data-dir', dir, '--json'], { env })
    expect(listed.code).toBe(0)
    expect(listed.out).toContain(site.subject.id)
    // A read-only command leaves the older plaintext store as it is; a writing one seals it.
    expect(readKeyFile(dir)?.storeEncrypted).not.toBe(true)
    const args = ['event', '--data-dir', dir, '--site', 'example-blog.cn', '--stage', 'submitted']
    const event = await run([...args, '--date', '2026-12-01'], { env })
    expect(event.err).toBe('')
    expect(event.code).toBe(0)
    expect(readKeyFile(dir)?.storeEncrypted).toBe(true)
    expect(plaintextHits(dir, [idNumber, site.subject.principal.mobile])).toEqual([])
    for (const path of storeFilesOf(dir)) expect(isSealed(readFileSync(path)), path).toBe(true)
    const status = await run(['status', '--data-dir', dir, '--json'], { env })
    expect(status.code).toBe(0)
    expect(status.out).toContain('example-blog.cn')
    const backups = await run(['backups', 'list', '--data-dir', dir, '--json'], { env })
    expect(backups.code).toBe(0)
    const { generations } = JSON.parse(backups.out) as { generations: { valid: boolean }[] }
    expect(generations.length).toBeGreaterThan(0)
    expect(generations.every((g) => g.valid)).toBe(true)
  })

  it('takes --passphrase-file out of argv, never after --', () => {
    expect(takePassphraseFile(['a', '--passphrase-file', 'f', 'b'])).toEqual({ file: 'f', argv: ['a', 'b'] })
    expect(takePassphraseFile(['--passphrase-file=x y'])).toEqual({ file: 'x y', argv: [] })
    expect(takePassphraseFile(['--', '--passphrase-file', 'f'])).toEqual({
      argv: ['--', '--passphrase-file', 'f'],
    })
  })
})
