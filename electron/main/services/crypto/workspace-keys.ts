/**
 * The workspace's data key: created, unlocked, re-wrapped. Nothing here writes the key in the
 * clear; it lives in memory only while the workspace is unlocked.
 *
 * - A new workspace (or an older one without a key file) opened where the OS keychain is real
 *   gets a random 256-bit key wrapped by the keychain, plus a recovery code shown once.
 * - Where the keychain is not real (Linux basic_text, the CLI, the test bridge), no key is made
 *   until the user sets a passphrase; the status says the workspace is not encrypted yet.
 * - With a passphrase, unlocking needs the passphrase (or the recovery code).
 */
import { createHash, randomBytes } from 'node:crypto'
import { CryptoFailure, DATA_KEY_BYTES } from './envelope'
import { readKeyFile, writeKeyFile, type KeyFile } from './key-file'
import {
  newRecoveryCode,
  normalizeRecoveryCode,
  PASSPHRASE_SCRYPT,
  RECOVERY_SCRYPT,
  unwrapWithSecret,
  wrapWithSecret,
  type ScryptParams,
} from './kdf'
import { isRealKeychain, type KeychainPort } from './keychain'

export type KeyProtection = 'keychain' | 'passphrase'

export type KeyStatus = {
  /** A key file exists: material files are (or are being) encrypted. */
  encrypted: boolean
  unlocked: boolean
  protection: KeyProtection | null
  /** The OS keychain can protect the key here (not basic_text). */
  keychainAvailable: boolean
  keychainBackend: string | null
  /** A recovery code waits to be shown (once). */
  recoveryPending: boolean
  /** Every material file is encrypted (migration of an older workspace finished). */
  materialsEncrypted: boolean
  /** Every store file is sealed (migration of an older workspace's data file finished). */
  storeEncrypted: boolean
}

export type KeyOptions = {
  keychain?: KeychainPort | null
  /** Lower costs for tests only; the defaults are in kdf.ts. */
  passphraseScrypt?: ScryptParams
  recoveryScrypt?: ScryptParams
}

export const MIN_PASSPHRASE_CHARS = 8

export const lockedFailure = (): CryptoFailure =>
  new CryptoFailure(
    'crypto/locked',
    '工作区已加密且尚未解锁：请在“设置 → 数据加密”中输入口令（或恢复密钥）解锁后再试。',
  )

const wrongSecret = (): CryptoFailure =>
  new CryptoFailure('crypto/wrong-passphrase', '口令或恢复密钥不正确，无法解锁。请检查大小写和输入法后重试。')

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('beian-desk key id\0').update(key).digest('hex').slice(0, 16)
}

export type WorkspaceKeys = {
  status(): KeyStatus
  /** The data key while unlocked; null when locked or when the workspace is not encrypted. */
  dataKey(): Buffer | null
  /** True when a key file exists (files must then be sealed). */
  isEncrypted(): boolean
  /** App start: unlock with the keychain, or create the key when the keychain is real. */
  startUp(): Promise<KeyStatus>
  /** Unlocks with the passphrase or the recovery code (either is accepted). */
  unlock(secret: string): Promise<KeyStatus>
  /**
   * Forgets the data key of a passphrase-protected workspace (auto-lock, 立即锁定); the keychain's
   * would come back by itself, so it is kept. The buffer is dropped, not zeroed: a seal still
   * running holds it and must finish with the real key.
   */
  lock(): KeyStatus
  /** Sets (or changes) the passphrase and makes it the protection; creates the key if none. */
  setPassphrase(passphrase: string): Promise<KeyStatus>
  /** The recovery code, once, right after it was made; null afterwards. */
  takeRecoveryCode(): string | null
  /** Replaces the recovery code (the old one stops working); returns the new one. */
  renewRecoveryCode(): Promise<string>
  markMaterialsEncrypted(): void
  markStoreEncrypted(): void
}

export function createWorkspaceKeys(dataDir: string, options: KeyOptions = {}): WorkspaceKeys {
  const keychain = options.keychain ?? null
  const passphraseCost = options.passphraseScrypt ?? PASSPHRASE_SCRYPT
  const recoveryCost = options.recoveryScrypt ?? RECOVERY_SCRYPT
  let file: KeyFile | null = readKeyFile(dataDir)
  let key: Buffer | null = null
  let pendingCode: string | null = null

  const save = (next: KeyFile) => {
    writeKeyFile(dataDir, next)
    file = next
  }
  const accept = (candidate: Buffer | null): boolean => {
    if (!candidate || !file || candidate.length !== DATA_KEY_BYTES || keyIdOf(candidate) !== file.keyId)
      return false
    key = candidate
    return true
  }
  const keychainWrap = (k: Buffer): KeyFile['keychain'] | undefined =>
    isRealKeychain(keychain)
      ? { backend: keychain.backend(), blob: keychain.encrypt(k.toString('base64')).toString('base64') }
      : undefined

  const status = (): KeyStatus => ({
    encrypted: file !== null,
    unlocked: key !== null,
    protection: file?.protection ?? null,
    keychainAvailable: isRealKeychain(keychain),
    keychainBackend: keychain ? safeBackend(keychain) : null,
    recoveryPending: pendingCode !== null,
    materialsEncrypted: file?.materialsEncrypted ?? false,
    storeEncrypted: file?.storeEncrypted ?? false,
  })

  /** A fresh recovery wrap (and code to show) for the unlocked key. */
  const withNewRecovery = async (base: KeyFile, k: Buffer): Promise<KeyFile> => {
    const code = newRecoveryCode()
    const recovery = await wrapWithSecret(k, code, recoveryCost)
    pendingCode = code
    return { ...base, recovery, recoveryShown: false }
  }

  const create = async (protection: KeyProtection, passphrase?: string): Promise<void> => {
    const k = randomBytes(DATA_KEY_BYTES)
    const base: KeyFile = {
      format: 'beian-desk-keys',
      version: 1,
      keyId: keyIdOf(k),
      createdAt: new Date().toISOString(),
      protection,
      recoveryShown: false,
      materialsEncrypted: false,
      storeEncrypted: false,
      ...(protection === 'keychain' ? { keychain: keychainWrap(k) } : {}),
      ...(passphrase ? { passphrase: await wrapWithSecret(k, passphrase, passphraseCost) } : {}),
    }
    save(await withNewRecovery(base, k))
    key = k
  }

  return {
    status,
    dataKey: () => key,
    isEncrypted: () => file !== null,
    async startUp() {
      if (!file) {
        if (isRealKeychain(keychain)) await create('keychain')
        return status()
      }
      if (key) return status()
      if (file.protection === 'keychain' && file.keychain && keychain) {
        try {
          accept(Buffer.from(keychain.decrypt(Buffer.from(file.keychain.blob, 'base64')), 'base64'))
        } catch {
          // A changed keychain backend cannot decrypt: the user unlocks with the recovery code.
        }
      }
      // The code made last time was never shown: make a new one, so one is always shown once.
      if (key && !file.recoveryShown) save(await withNewRecovery(file, key))
      return status()
    },
    lock() {
      if (file?.protection === 'passphrase') key = null
      return status()
    },
    async unlock(secret) {
      if (!file) return status()
      if (key) return status()
      const code = normalizeRecoveryCode(secret)
      const viaPassphrase = file.passphrase ? await unwrapWithSecret(file.passphrase, secret) : null
      if (!accept(viaPassphrase)) {
        const viaRecovery = code && file.recovery ? await unwrapWithSecret(file.recovery, code) : null
        if (!accept(viaRecovery)) throw wrongSecret()
        // Unlocked by the recovery code (e.g. the keychain changed): wrap again by the keychain.
        const wrap = file.protection === 'keychain' ? keychainWrap(viaRecovery as Buffer) : undefined
        if (wrap) save({ ...file, keychain: wrap })
      }
      return status()
    },
    async setPassphrase(passphrase) {
      if ([...passphrase].length < MIN_PASSPHRASE_CHARS)
        throw new CryptoFailure(
          'crypto/weak-passphrase',
          `口令太短：至少需要 ${String(MIN_PASSPHRASE_CHARS)} 个字符。建议用一句只有您知道的话。`,
        )
      if (!file) {
        await create('passphrase', passphrase)
        return status()
      }
      if (!key) throw lockedFailure()
      const wrap = await wrapWithSecret(key, passphrase, passphraseCost)
      const { keychain: _dropped, ...rest } = file
      save({ ...rest, protection: 'passphrase', passphrase: wrap })
      return status()
    },
    takeRecoveryCode: () => takeCode(),
    async renewRecoveryCode() {
      if (!file || !key) throw lockedFailure()
      save(await withNewRecovery(file, key))
      return takeCode() ?? ''
    },
    markMaterialsEncrypted() {
      if (file && !file.materialsEncrypted) save({ ...file, materialsEncrypted: true })
    },
    markStoreEncrypted() {
      if (file && !file.storeEncrypted) save({ ...file, storeEncrypted: true })
    },
  }

  function takeCode(): string | null {
    const code = pendingCode
    if (code === null || !file) return null
    pendingCode = null
    save({ ...file, recoveryShown: true })
    return code
  }
}

function safeBackend(port: KeychainPort): string | null {
  try {
    return port.backend()
  } catch {
    return null
  }
}
