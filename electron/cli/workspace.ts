/**
 * Opening a data directory (the app's userData folder). An encrypted workspace (a key file) is
 * unlocked first: its store is sealed. Commands that read open it read-only
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
import { createMaterialFiles, type MaterialFiles, type MaterialKeys } from '../main/services/material-files'
import { isSealedCodec } from '../main/services/crypto/sealed-store-codec'
import type { OpenedStore } from '../main/services/store'
import { sealStoreFiles } from '../main/services/store-seal'
import { createWorkspaceRepo } from '../main/services/workspace-repo'
import { UsageError } from './io'
import { checkRecovery, type RecoveryContext } from './recovery'
import { unlockCliKeys, type CliKeys } from './material-keys'

export type OpenedData = { ws: Workspace; files: MaterialFiles; settings: Settings }

function dataDirOf(dataDir: string | undefined, { m }: RecoveryContext, command: string): string {
  if (!dataDir) throw new UsageError(m.needDataDir, command)
  const dir = resolve(dataDir)
  if (!existsSync(join(dir, 'config.json'))) throw new UsageError(m.noConfig(dir), command)
  return dir
}

/**
 * The store opened read-only, its recovery (if any) reported first. The caller closes it. An
 * encrypted workspace is unlocked first (its store is sealed): the secret is asked here.
 */
export async function openReadOnlyStore(
  dataDir: string | undefined,
  ctx: RecoveryContext,
  command: string,
): Promise<OpenedStore> {
  return (await openUnlocked(dataDir, ctx, command)).store
}

async function openUnlocked(
  dataDir: string | undefined,
  ctx: RecoveryContext,
  command: string,
): Promise<{ store: OpenedStore; keys: CliKeys | null }> {
  const dir = dataDirOf(dataDir, ctx, command)
  const keys = await unlockCliKeys(dir, ctx, command)
  const store = openConfStore(dir, { readOnly: true, ...(keys ? { codec: keys.codec } : {}) })
  try {
    checkRecovery(store.recovery, ctx)
    return { store, keys }
  } catch (error) {
    store.close()
    throw error
  }
}

export async function openDataDir(
  dataDir: string | undefined,
  ctx: RecoveryContext,
  command: string,
): Promise<OpenedData> {
  const { store, keys } = await openUnlocked(dataDir, ctx, command)
  try {
    const repo = createWorkspaceRepo(store)
    const files = createMaterialFiles(store.dataDir, keys?.materials)
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
  /** `materials`: the material-file keys of an encrypted workspace (unlocked), else undefined. */
  work: (store: OpenedStore, materials: MaterialKeys | undefined) => Promise<T> | T,
): Promise<T> {
  const dir = dataDirOf(dataDir, ctx, command)
  if (!ctx.acceptRecovered) (await openReadOnlyStore(dir, ctx, command)).close()
  const keys = await unlockCliKeys(dir, ctx, command)
  const store = openConfStore(dir, { owner: 'cli', ...(keys ? { codec: keys.codec } : {}) })
  try {
    checkRecovery(store.recovery, ctx)
    // A writer finishes sealing an older store, as the app does after unlock.
    if (keys && !keys.keys.status().storeEncrypted && isSealedCodec(keys.codec)) {
      sealStoreFiles(dir, keys.codec)
      keys.keys.markStoreEncrypted()
    }
    return await work(store, keys?.materials)
  } finally {
    store.close()
  }
}
