/**
 * Encryption at rest as the app sees it: start-up (unlock with the keychain or create the key),
 * unlock by passphrase or recovery code, set a passphrase, show the recovery code once, and
 * the migration of an older plaintext workspace, which runs after every unlock until it is done.
 */
import type { MaterialFiles } from '../material-files'
import type { KeyStatus, WorkspaceKeys } from './workspace-keys'

export type EncryptionService = {
  /** Settles once start-up (keychain unlock, key creation, migration) is over. */
  ready: Promise<void>
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
  const ready = keys
    .startUp()
    .then(migrate)
    .catch((error: unknown) => log.error('[crypto] start-up failed', error))

  return {
    ready,
    async status() {
      await ready
      return keys.status()
    },
    async unlock(secret) {
      await ready
      await keys.unlock(secret)
      await migrate()
      return keys.status()
    },
    async lock() {
      await ready
      return keys.lock()
    },
    async setPassphrase(passphrase) {
      await ready
      await keys.setPassphrase(passphrase)
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
