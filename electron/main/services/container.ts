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
import type { StoreBackend } from './store'
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
}

export type ServiceOptions = {
  /** Electron's safeStorage (keychainFromSafeStorage); absent in the test bridge and tests. */
  keychain?: KeychainPort | null
}

/** `divisionsDir`: assets/divisions in development, resources/divisions when packaged. */
export function createServices(
  dataDir: string,
  store: StoreBackend,
  divisionsDir: string,
  options: ServiceOptions = {},
): Services {
  const repo = createWorkspaceRepo(store)
  const keys = createWorkspaceKeys(dataDir, { keychain: options.keychain ?? null })
  // A file needed before start-up has unlocked the key waits for it (never a locked refusal).
  let started: Promise<void> = Promise.resolve()
  const files = createMaterialFiles(dataDir, { ...keys, unlockOnDemand: () => started })
  const encryption = createEncryptionService(keys, files)
  started = encryption.ready
  const materials = createMaterialService(repo, files)
  return {
    dataDir,
    repo,
    files,
    materials,
    divisions: createDivisionService(divisionsDir),
    backups: isOpenedStore(store) ? createBackupService(store, repo) : null,
    filing: createFilingService(repo),
    clientImport: createClientImportService(repo),
    encryption,
    retention: createRetentionService(repo, materials),
  }
}
