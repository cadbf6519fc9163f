/** Builds the main-process services over one data directory and one store backend. */
import { createBackupService, isOpenedStore, type BackupService } from './backup-service'
import { createClientImportService, type ClientImportService } from './client-import'
import { createEncryptionService, type EncryptionService } from './crypto/encryption'
import type { KeychainPort } from './crypto/keychain'
import { createWorkspaceKeys } from './crypto/workspace-keys'
import { createDivisionService, type DivisionService } from './divisions'
import { createFilingService, type FilingService } from './filing'
import { createMaterialFiles, type MaterialFiles } from './material-files'
import { createMaterialService, type MaterialService } from './materials'
import { createRetentionService, type RetentionService } from './retention'
import type { OpenedStore, StoreBackend } from './store'
import { createStoreSession, type StoreOpener, type StoreSession } from './store-session'
import { createWorkspaceRepo, type WorkspaceRepo } from './workspace-repo'

export type Services = {
  dataDir: string
  repo: WorkspaceRepo
  files: MaterialFiles
  materials: MaterialService
  divisions: DivisionService
  /** Backup generations: list and restore (null for a store opened without openStore). */
  backups: BackupService | null
  /** The filing desk: record and undo filing events. */
  filing: FilingService
  /** Importing clients and sites from CSV/XLSX (preview, then one write). */
  clientImport: ClientImportService
  /** Encryption at rest: the data key's state, unlock, passphrase, recovery code. */
  encryption: EncryptionService
  /** 保留期限: ID photos due for deletion after the badge, deleted only when confirmed. */
  retention: RetentionService
  /**
   * Settles once start-up has opened the store or found the workspace locked: requests wait for
   * it (ipc/gate.ts), so none sees a store that is not open yet as an empty workspace.
   */
  storeReady: Promise<void>
}

export type ServiceOptions = {
  /** Electron's safeStorage (keychainFromSafeStorage); absent in the test bridge and tests. */
  keychain?: KeychainPort | null
  /** With a store opener: called once the store first opened (main reports recovery there). */
  onStoreOpened?: (store: OpenedStore) => void
}

/** A backup service over whatever store the session has open (refused while locked). */
function sessionBackups(session: StoreSession): BackupService {
  const now = () => createBackupService(session.store(), session.repo)
  return {
    list: () => now().list(),
    restore: (id) => now().restore(id),
    quarantined: () => now().quarantined(),
    discardQuarantined: (name) => now().discardQuarantined(name),
  }
}

/**
 * `divisionsDir`: assets/divisions in development, resources/divisions when packaged.
 * `store`: an opener (the app, the bridge), so the store opens only as the key allows
 * (store-session.ts); or a store already open, which stays as it is (tests).
 */
export function createServices(
  dataDir: string,
  store: StoreBackend | StoreOpener,
  divisionsDir: string,
  options: ServiceOptions = {},
): Services {
  const keys = createWorkspaceKeys(dataDir, { keychain: options.keychain ?? null })
  const session =
    typeof store === 'function'
      ? createStoreSession(dataDir, store, keys, {
          ...(options.onStoreOpened ? { onFirstOpen: options.onStoreOpened } : {}),
        })
      : null
  // A workspace without a key opens at once, as before (an open failure stops the start).
  if (!keys.isEncrypted()) session?.sync()
  const repo = session ? session.repo : createWorkspaceRepo(store as StoreBackend)
  // A file needed before start-up has unlocked the key waits for it (never a locked refusal).
  let started: Promise<void> = Promise.resolve()
  const files = createMaterialFiles(dataDir, { ...keys, unlockOnDemand: () => started })
  const encryption = createEncryptionService(keys, files, console, session ?? undefined)
  started = encryption.ready
  const materials = createMaterialService(repo, files)
  const backups = session
    ? sessionBackups(session)
    : isOpenedStore(store as StoreBackend)
      ? createBackupService(store as OpenedStore, repo)
      : null
  return {
    dataDir,
    repo,
    files,
    materials,
    divisions: createDivisionService(divisionsDir),
    backups,
    filing: createFilingService(repo),
    clientImport: createClientImportService(repo),
    encryption,
    retention: createRetentionService(repo, materials),
    storeReady: encryption.storeReady,
  }
}
