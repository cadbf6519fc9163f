/**
 * Opening a data directory (the app's userData folder). Commands that read open it read-only
 * (no writer lock, nothing in the folder changes), with only the repo and the material files;
 * the image services are not loaded. Commands that write take the writer lock as 'cli' (the
 * app holding it is a clear refusal) and close the store when done. A damaged store is
 * reported, never silently recovered (see recovery.ts).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Settings } from '../../core/api'
import type { Workspace } from '../../core/model'
import { openConfStore } from '../main/services/conf-store'
import { createMaterialFiles, type MaterialFiles } from '../main/services/material-files'
import type { OpenedStore } from '../main/services/store'
import { createWorkspaceRepo } from '../main/services/workspace-repo'
import { UsageError } from './io'
import { checkRecovery, type RecoveryContext } from './recovery'
import { cliMaterialKeys } from './material-keys'

export type OpenedData = { ws: Workspace; files: MaterialFiles; settings: Settings }

function dataDirOf(dataDir: string | undefined, { m }: RecoveryContext, command: string): string {
  if (!dataDir) throw new UsageError(m.needDataDir, command)
  const dir = resolve(dataDir)
  if (!existsSync(join(dir, 'config.json'))) throw new UsageError(m.noConfig(dir), command)
  return dir
}

/** The store opened read-only, its recovery (if any) reported first. The caller closes it. */
export function openReadOnlyStore(
  dataDir: string | undefined,
  ctx: RecoveryContext,
  command: string,
): OpenedStore {
  const store = openConfStore(dataDirOf(dataDir, ctx, command), { readOnly: true })
  try {
    checkRecovery(store.recovery, ctx)
    return store
  } catch (error) {
    store.close()
    throw error
  }
}

export function openDataDir(dataDir: string | undefined, ctx: RecoveryContext, command: string): OpenedData {
  const store = openReadOnlyStore(dataDir, ctx, command)
  try {
    const repo = createWorkspaceRepo(store)
    // An encrypted workspace asks for its passphrase / recovery key when a file is first read.
    const files = createMaterialFiles(store.dataDir, cliMaterialKeys(store.dataDir, ctx, command))
    return { ws: repo.workspace(), files, settings: repo.settings() }
  } finally {
    store.close()
  }
}

/**
 * Runs `work` with the store opened as a writer, and closes it. Without --accept-recovered a
 * damaged store is first found by a read-only look, so the refusal changes nothing on disk.
 * While the app holds the writer lock, opening throws WriterLockError (code store/locked).
 */
export async function withWriter<T>(
  dataDir: string | undefined,
  ctx: RecoveryContext,
  command: string,
  work: (store: OpenedStore) => Promise<T> | T,
): Promise<T> {
  const dir = dataDirOf(dataDir, ctx, command)
  if (!ctx.acceptRecovered) openReadOnlyStore(dir, ctx, command).close()
  const store = openConfStore(dir, { owner: 'cli' })
  try {
    checkRecovery(store.recovery, ctx)
    return await work(store)
  } finally {
    store.close()
  }
}
