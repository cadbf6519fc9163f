/**
 * The store as the key allows it, through the real handlers (as main and the test bridge wire
 * them): a keychain workspace is sealed right after start-up; turning encryption on with a
 * passphrase seals a plaintext store; a locked passphrase workspace refuses every workspace
 * request with the locked message (never an empty workspace, nothing written) until unlocked;
 * 立即锁定 refuses again.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Channel } from '../../../core/api'
import type { Workspace } from '../../../core/model'
import { dispatch } from '../../../electron/main/ipc/dispatch'
import { handlersFor } from '../../../electron/main/ipc/index'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createServices } from '../../../electron/main/services/container'
import { readKeyFile } from '../../../electron/main/services/crypto/key-file'
import type { KeychainPort } from '../../../electron/main/services/crypto/keychain'
import { storeFilesOf } from '../../../electron/main/services/store-seal'
import { isSealed } from '../../../electron/main/services/crypto/envelope'
import { fakeKeychain } from './crypto/fake-keychain'
import {
  filesUnder,
  needlesOf,
  plaintextHits,
  plaintextWorkspace,
  secretsOf,
  subjectOf,
} from '../../support/sealed-store'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const PASSPHRASE = '只有我知道的一句话'

function app(dir: string, keychain: KeychainPort | null = null) {
  const services = createServices(dir, (codec) => openConfStore(dir, { codec }), 'assets/divisions', {
    keychain,
  })
  const handlers = handlersFor(services, {
    dialogs: { pickImages: async () => [], pickExportTarget: async () => null },
    openExternal: async () => false,
  })
  const call = (channel: Channel, req?: unknown) =>
    dispatch(handlers, channel, req, { emit: () => undefined }, () => undefined)
  /** The stored subjects' ID numbers, as the window would load them. */
  const ids = async () => {
    const answer = await call('workspace:load')
    return answer.ok
      ? (answer.value as Workspace).subjects.map((s) => s.principal.idNumber)
      : answer.error.code
  }
  return { services, call, ids }
}

const snapshot = (dir: string) =>
  new Map(filesUnder(dir).map((p) => [p, readFileSync(p).toString('base64')] as const))

describe('store session', () => {
  it('a keychain workspace: an older plaintext store and its backups are sealed at start-up', async () => {
    const dir = tempDir()
    const all = plaintextWorkspace(dir, 3)
    const { services, call, ids } = app(dir, fakeKeychain())
    expect(await ids()).toEqual(all.map((s) => s.id))
    await services.encryption.ready
    expect(readKeyFile(dir)?.storeEncrypted).toBe(true)
    for (const path of storeFilesOf(dir)) expect(isSealed(readFileSync(path)), path).toBe(true)
    expect(plaintextHits(dir, needlesOf(all))).toEqual([])
    // Edits go on, sealed.
    const s = secretsOf(30)
    expect((await call('subjects:save', subjectOf(s))).ok).toBe(true)
    expect(plaintextHits(dir, needlesOf([...all, s]))).toEqual([])
    services.backups?.list().forEach((g) => expect(g.valid).toBe(true))
  })

  it('turning encryption on (a first passphrase) seals the plaintext store', async () => {
    const dir = tempDir()
    const all = plaintextWorkspace(dir, 2)
    const { services, call, ids } = app(dir)
    await services.encryption.ready
    expect(plaintextHits(dir, needlesOf(all)).length).toBeGreaterThan(0)
    const set = await call('encryption:setPassphrase', { passphrase: PASSPHRASE })
    expect(set.ok).toBe(true)
    expect(readKeyFile(dir)?.storeEncrypted).toBe(true)
    expect(plaintextHits(dir, needlesOf(all))).toEqual([])
    expect(await ids()).toEqual(all.map((s) => s.id))
  })

  it('a locked passphrase workspace refuses (never empty, nothing written) until unlocked', async () => {
    const dir = tempDir()
    const all = plaintextWorkspace(dir, 2)
    const first = app(dir)
    await first.services.encryption.ready
    await first.call('settings:set', { language: 'en' })
    await first.call('encryption:setPassphrase', { passphrase: PASSPHRASE })
    const before = snapshot(dir)

    // The next start (the first process's writer lock is this process's: no close needed).
    const { services, call, ids } = app(dir)
    for (const channel of ['workspace:load', 'retention:due'] as Channel[]) {
      const answer = await call(channel)
      expect(answer.ok, channel).toBe(false)
      if (!answer.ok) expect(answer.error.code, channel).toBe('crypto/locked')
    }
    const saved = await call('subjects:save', subjectOf(secretsOf(40)))
    expect(!saved.ok && saved.error.code).toBe('crypto/locked')
    expect(!saved.ok && saved.error.message).toMatch(/尚未解锁/)
    // The window's language is known before unlock; nothing personal comes with it.
    const settings = await call('settings:get')
    expect(settings.ok && settings.value).toMatchObject({ language: 'en', lastExportDir: '' })
    expect(snapshot(dir)).toEqual(before)
    // The language may still be switched (only the plaintext copy changes); the store takes it at unlock.
    const switched = await call('settings:set', { language: 'zh-CN' })
    expect(switched.ok && switched.value).toMatchObject({ language: 'zh-CN' })
    const refused = await call('settings:set', { language: 'en', lastExportDir: '/tmp' })
    expect(!refused.ok && refused.error.code).toBe('crypto/locked')

    expect((await call('encryption:unlock', { secret: PASSPHRASE })).ok).toBe(true)
    expect(await ids()).toEqual(all.map((s) => s.id))
    const afterUnlock = await call('settings:get')
    expect(afterUnlock.ok && afterUnlock.value).toMatchObject({ language: 'zh-CN' })

    // 立即锁定: refused again, then back after the passphrase.
    await call('encryption:lock')
    const locked = await call('workspace:load')
    expect(!locked.ok && locked.error.code).toBe('crypto/locked')
    await call('encryption:unlock', { secret: PASSPHRASE })
    expect((await call('workspace:load')).ok).toBe(true)
    await services.encryption.ready
    expect(plaintextHits(dir, needlesOf(all))).toEqual([])
    expect(readFileSync(join(dir, 'ui-prefs.json'), 'utf8')).toBe('{"language":"zh-CN"}\n')
  })
})
