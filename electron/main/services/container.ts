/** Builds the main-process services over one data directory and one store backend. */
import { createBackupService, isOpenedStore, type BackupService } from './backup-service'
import { createClientImportService, type ClientImportService } from './client-import'
import { createDivisionService, type DivisionService } from './divisions'
import { createFilingService, type FilingService } from './filing'
import { createMaterialFiles, type MaterialFiles } from './material-files'
import { createMaterialService, type MaterialService } from './materials'
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
}

/** `divisionsDir`: assets/divisions in development, resources/divisions when packaged. */
export function createServices(dataDir: string, store: StoreBackend, divisionsDir: string): Services {
  const repo = createWorkspaceRepo(store)
  const files = createMaterialFiles(dataDir)
  return {
    dataDir,
    repo,
    files,
    materials: createMaterialService(repo, files),
    divisions: createDivisionService(divisionsDir),
    backups: isOpenedStore(store) ? createBackupService(store, repo) : null,
    filing: createFilingService(repo),
    clientImport: createClientImportService(repo),
  }
}
