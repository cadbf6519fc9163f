import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KEY_FILE, readKeyFile } from '../../../../electron/main/services/crypto/key-file'
import {
  normalizeRecoveryCode,
  PASSPHRASE_SCRYPT,
  RECOVERY_SCRYPT,
} from '../../../../electron/main/services/crypto/kdf'
import { keychainFromSafeStorage, isRealKeychain } from '../../../../electron/main/services/crypto/keychain'
import { createWorkspaceKeys, keyIdOf } from '../../../../electron/main/services/crypto/workspace-keys'
import { useTempDirs } from '../../../support/temp-dir'
import { FAST, fakeKeychain } from './fake-keychain'

const tempDir = useTempDirs()

describe('workspace keys', () => {
  it('with a real keychain: creates a key at start, wraps it, never stores it in the clear', async () => {
    const dir = tempDir()
    const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
    const status = await keys.startUp()
    expect(status).toMatchObject({
      encrypted: true,
      unlocked: true,
      protection: 'keychain',
      recoveryPending: true,
    })
    const key = keys.dataKey()
    expect(key?.length).toBe(32)
    const text = readFileSync(join(dir, KEY_FILE), 'utf8')
    for (const form of ['base64', 'hex'] as const) expect(text).not.toContain(key?.toString(form))
    if (process.platform !== 'win32') expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600)
    // The next start unlocks through the keychain, with the same key.
    const again = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
    await again.startUp()
    expect(again.dataKey()?.equals(key as Buffer)).toBe(true)
  })

  it('without a real keychain (basic_text): makes no key until a passphrase is set', async () => {
    const dir = tempDir()
    const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain('basic_text'), ...FAST })
    expect(await keys.startUp()).toMatchObject({
      encrypted: false,
      keychainAvailable: false,
      keychainBackend: 'basic_text',
    })
    expect(existsSync(join(dir, KEY_FILE))).toBe(false)
    await expect(keys.setPassphrase('short')).rejects.toMatchObject({ code: 'crypto/weak-passphrase' })
    expect(await keys.setPassphrase('一句只有我知道的话')).toMatchObject({
      encrypted: true,
      protection: 'passphrase',
    })
    const key = keys.dataKey() as Buffer
    // A new start is locked until the passphrase is typed; a wrong one says so.
    const next = createWorkspaceKeys(dir, { keychain: fakeKeychain('basic_text'), ...FAST })
    expect(await next.startUp()).toMatchObject({ encrypted: true, unlocked: false })
    await expect(next.unlock('一句只有我知道的')).rejects.toMatchObject({
      code: 'crypto/wrong-passphrase',
      message: expect.stringContaining('口令或恢复密钥不正确') as unknown,
    })
    await next.unlock('一句只有我知道的话')
    expect(next.dataKey()?.equals(key)).toBe(true)
  })

  it('locks a passphrase-protected key (the buffer left intact for a seal in flight) until it is typed again', async () => {
    const dir = tempDir()
    const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain('basic_text'), ...FAST })
    await keys.startUp()
    expect(keys.lock()).toMatchObject({ encrypted: false })
    await keys.setPassphrase('一句只有我知道的话')
    const held = keys.dataKey() as Buffer
    const copy = Buffer.from(held)
    expect(keys.lock()).toMatchObject({ encrypted: true, unlocked: false })
    expect(keys.dataKey()).toBeNull()
    expect(held.equals(copy)).toBe(true)
    await expect(keys.unlock('不是这句')).rejects.toMatchObject({ code: 'crypto/wrong-passphrase' })
    expect((await keys.unlock('一句只有我知道的话')).unlocked).toBe(true)
    expect(keys.dataKey()?.equals(copy)).toBe(true)
  })

  it('does not lock a keychain-protected key: it would unlock itself at the next start anyway', async () => {
    const keys = createWorkspaceKeys(tempDir(), { keychain: fakeKeychain(), ...FAST })
    await keys.startUp()
    expect(keys.lock()).toMatchObject({ encrypted: true, unlocked: true, protection: 'keychain' })
    expect(keys.dataKey()).not.toBeNull()
  })

  it('shows the recovery code once; it unlocks when the keychain is lost, and re-wraps by the keychain', async () => {
    const dir = tempDir()
    const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
    await keys.startUp()
    const key = keys.dataKey() as Buffer
    const code = keys.takeRecoveryCode() as string
    expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/)
    expect(keys.takeRecoveryCode()).toBeNull()
    expect(readFileSync(join(dir, KEY_FILE), 'utf8')).not.toContain(code)
    // A keychain that cannot decrypt any more (a changed backend): locked, never a new empty key.
    const broken = fakeKeychain()
    broken.broken = true
    const lost = createWorkspaceKeys(dir, { keychain: broken, ...FAST })
    expect(await lost.startUp()).toMatchObject({ encrypted: true, unlocked: false })
    await expect(lost.unlock('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH')).rejects.toMatchObject({
      code: 'crypto/wrong-passphrase',
    })
    // Typed in lower case with spaces, O for 0: still accepted.
    await lost.unlock(code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o'))
    expect(lost.dataKey()?.equals(key)).toBe(true)
    expect(readKeyFile(dir)?.keyId).toBe(keyIdOf(key))
  })

  it('a recovery code never shown is replaced at the next start (one is always shown once)', async () => {
    const dir = tempDir()
    const first = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
    await first.startUp()
    const before = readKeyFile(dir)?.recovery?.sealed
    const second = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
    expect((await second.startUp()).recoveryPending).toBe(true)
    expect(readKeyFile(dir)?.recovery?.sealed).not.toBe(before)
    second.takeRecoveryCode()
    const third = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
    expect((await third.startUp()).recoveryPending).toBe(false)
  })

  it('a damaged key file is a clear refusal, never a silent new key', () => {
    const dir = tempDir()
    writeFileSync(join(dir, KEY_FILE), '{"format":"beian-desk-keys","version":1')
    expect(() => createWorkspaceKeys(dir, { keychain: fakeKeychain() })).toThrow(
      /keys\.json 已损坏.*从备份恢复/,
    )
    expect(readFileSync(join(dir, KEY_FILE), 'utf8')).toBe('{"format":"beian-desk-keys","version":1')
  })

  it.each([
    ['N far too large', { N: 2 ** 30 }],
    // Each within its own limit, together 2 GiB of scrypt memory.
    ['N and r together', { N: 2 ** 20, r: 16 }],
  ])('refuses a key file whose scrypt cost would exhaust memory: %s', async (_, cost) => {
    const dir = tempDir()
    const keys = createWorkspaceKeys(dir, { ...FAST })
    await keys.setPassphrase('correct horse battery')
    const file = JSON.parse(readFileSync(join(dir, KEY_FILE), 'utf8')) as {
      passphrase: { N: number; r: number }
    }
    file.passphrase = { ...file.passphrase, ...cost }
    writeFileSync(join(dir, KEY_FILE), JSON.stringify(file))
    const next = createWorkspaceKeys(dir, {})
    await next.startUp()
    await expect(next.unlock('correct horse battery')).rejects.toMatchObject({ code: 'crypto/bad-key-file' })
  })

  it('states its default KDF costs (in the README) and stores them beside each wrap', async () => {
    expect(PASSPHRASE_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 })
    expect(RECOVERY_SCRYPT).toEqual({ N: 32768, r: 8, p: 1 })
    const dir = tempDir()
    const keys = createWorkspaceKeys(dir, { recoveryScrypt: FAST.recoveryScrypt })
    await keys.setPassphrase('correct horse battery')
    expect(readKeyFile(dir)?.passphrase).toMatchObject({ kdf: 'scrypt', N: 131072, r: 8, p: 1 })
  })

  it('reads basic_text from Electron safeStorage as no protection; other platforms name their store', () => {
    const safe = (backend: string) => ({
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
      getSelectedStorageBackend: () => backend,
    })
    expect(isRealKeychain(keychainFromSafeStorage(safe('basic_text'), 'linux'))).toBe(false)
    expect(isRealKeychain(keychainFromSafeStorage(safe('gnome_libsecret'), 'linux'))).toBe(true)
    expect(keychainFromSafeStorage(safe('x'), 'darwin').backend()).toBe('keychain')
    expect(keychainFromSafeStorage(safe('x'), 'win32').backend()).toBe('dpapi')
    const off = { ...safe('kwallet5'), isEncryptionAvailable: () => false }
    expect(isRealKeychain(keychainFromSafeStorage(off, 'linux'))).toBe(false)
  })

  it('normalizes typed recovery codes and refuses malformed ones', () => {
    expect(normalizeRecoveryCode('abcd efgh jkmn pqrs tvwx yz01 2345 6789')).toBe(
      'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
    )
    expect(normalizeRecoveryCode('too short')).toBeNull()
    expect(normalizeRecoveryCode('UUUU-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789')).toBeNull()
  })
})
