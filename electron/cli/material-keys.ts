/**
 * The material-file keys of the CLI. Kept apart from unlock.ts so that the entry (which parses
 * --passphrase-file) does not load the key file's schema (zod) before a command needs it.
 */
import type { MaterialKeys } from '../main/services/material-files'
import { readKeyFile } from '../main/services/crypto/key-file'
import { createWorkspaceKeys } from '../main/services/crypto/workspace-keys'
import { secretFor, type UnlockContext } from './unlock'

/**
 * The keys material files use in the CLI: none for a workspace without a key file (plaintext),
 * else a locked key that asks for the secret the first time an encrypted file is read.
 */
export function cliMaterialKeys(
  dataDir: string,
  ctx: UnlockContext,
  command: string,
): MaterialKeys | undefined {
  if (readKeyFile(dataDir) === null) return undefined
  const keys = createWorkspaceKeys(dataDir)
  let asked: Promise<void> | null = null
  return {
    isEncrypted: keys.isEncrypted,
    dataKey: keys.dataKey,
    status: keys.status,
    // Read-only commands never write: the migration flag is the app's to set.
    markMaterialsEncrypted: () => undefined,
    unlockOnDemand: () => {
      asked ??= (async () => {
        const file = readKeyFile(dataDir)
        const keychainOnly = file?.protection === 'keychain' && !file.passphrase
        try {
          await keys.unlock(await secretFor(ctx, keychainOnly, command))
        } catch (error) {
          if (ctx.unlock) ctx.unlock.failure = error
          throw error
        }
      })()
      return asked
    },
  }
}
