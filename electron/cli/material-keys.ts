/**
 * The workspace keys of the CLI. Kept apart from unlock.ts so that the entry (which parses
 * --passphrase-file) does not load the key file's schema (zod) before a command needs it.
 *
 * A workspace with a key file has its store sealed (or being sealed): its data cannot be read
 * without the key, so the secret is asked before the store opens, once per command.
 */
import type { MaterialKeys } from '../main/services/material-files'
import { readKeyFile } from '../main/services/crypto/key-file'
import { createSealedStoreCodec } from '../main/services/crypto/sealed-store-codec'
import { createWorkspaceKeys, type WorkspaceKeys } from '../main/services/crypto/workspace-keys'
import type { StoreCodec } from '../main/services/store-codec'
import { secretFor, type UnlockContext } from './unlock'

export type CliKeys = {
  keys: WorkspaceKeys
  /** The sealing store codec (plaintext still read until the store's migration is recorded). */
  codec: StoreCodec
  /** The keys material files use (read-only commands never set the migration flag). */
  materials: MaterialKeys
}

/** Null for a workspace without a key file (plaintext); else the keys, unlocked. */
export async function unlockCliKeys(
  dataDir: string,
  ctx: UnlockContext,
  command: string,
): Promise<CliKeys | null> {
  const file = readKeyFile(dataDir)
  if (file === null) return null
  const keys = createWorkspaceKeys(dataDir)
  const keychainOnly = file.protection === 'keychain' && !file.passphrase
  try {
    await keys.unlock(await secretFor(ctx, keychainOnly, command))
  } catch (error) {
    if (ctx.unlock) ctx.unlock.failure = error
    throw error
  }
  const key = keys.dataKey() as Buffer
  return {
    keys,
    codec: createSealedStoreCodec(key, { acceptPlain: () => !keys.status().storeEncrypted }),
    materials: {
      isEncrypted: keys.isEncrypted,
      dataKey: keys.dataKey,
      status: keys.status,
      markMaterialsEncrypted: () => undefined,
    },
  }
}
