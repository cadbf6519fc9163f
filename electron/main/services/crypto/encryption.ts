/**
 * Encryption at rest as the app sees it: start-up (unlock with the keychain or create the key),
 * unlock by passphrase or recovery code, set a passphrase, show the recovery code once, and
 * the migration of an older plaintext workspace, which runs after every unlock until it is done.
 * The store follows the key (store-session.ts): opened sealed once unlocked, refused when locked.
 */
import type { MaterialFiles } from '../material-files'
import type { KeyStatus, WorkspaceKeys } from './workspace-keys'

/** The store's side of the key (store-session.ts): opened, sealed or locked with it. */
export type StoreKeyHooks = { sync(): void; lock(): void }

export type EncryptionService = {
  /** Settles once start-up (keychain unlock, key creation, migration) is over. */
  ready: Promise<void>
  /** Settles once start-up has opened the store, or found it locked (before material migration). */
  storeReady: Promise<void>
  status(): Promise<KeyStatus>
  unlock(secret: string): Promise<KeyStatus>
  /** Locks a passphrase-protected workspace (no-op otherwise). */
  lock(): Promise<KeyStatus>
  setPassphrase(passphrase: string): Promise<KeyStatus>
  /** The pending recovery code (once), or with `renew` a new one; null when none is pending. */
  recoveryCode(renew: boolean): Promise<string | null>
  /** The data key while unlocked (the workspace archive carries it, wrapped); null otherwise. */
  dataKey(): Promise<Buffer | null>
}

export function createEncryptionService(
  keys: WorkspaceKeys,
  files: MaterialFiles,
  log: Pick<Console, 'error'> = console,
  store?: StoreKeyHooks,
): EncryptionService {
  /** Re-writes plaintext files sealed; a failure is logged and retried at the next unlock. */
  const migrate = async (): Promise<void> => {
    if (!keys.dataKey() || keys.status().materialsEncrypted) return
    try {
      await files.encryptExisting()
    } catch (error) {
      log.error('[crypto] encrypting existing material files failed', error)
    }
  }
  const storeReady = keys
    .startUp()
    .then(() => store?.sync())
    .catch((error: unknown) => log.error('[crypto] start-up failed', error))
  const ready = storeReady.then(migrate)

  return {
    ready,
    storeReady,
    async status() {
      await ready
      return keys.status()
    },
    async unlock(secret) {
      await ready
      await keys.unlock(secret)
      store?.sync()
      await migrate()
      return keys.status()
    },
    async lock() {
      await ready
      const status = keys.lock()
      if (!status.unlocked) store?.lock()
      return status
    },
    async setPassphrase(passphrase) {
      await ready
      await keys.setPassphrase(passphrase)
      // The first key (encryption turned on): the plaintext store is sealed now.
      store?.sync()
      await migrate()
      return keys.status()
    },
    async recoveryCode(renew) {
      await ready
      return renew ? keys.renewRecoveryCode() : keys.takeRecoveryCode()
    },
    async dataKey() {
      await ready
      return keys.dataKey()
    },
  }
}
