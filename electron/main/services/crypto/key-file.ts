/**
 * The key file `keys.json` in the data folder: the data key, never in the clear, wrapped by the
 * keychain and/or a passphrase, and by the recovery code. Written atomically (temp + fsync +
 * rename, mode 0600): a crash leaves the old file or the new one.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomicSync } from '../atomic-write'
import { CryptoFailure } from './envelope'

export const KEY_FILE = 'keys.json'

const secretWrap = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string().max(200),
  sealed: z.string().max(400),
})

const keyFileSchema = z.object({
  format: z.literal('beian-desk-keys'),
  version: z.literal(1),
  /** A fingerprint of the data key (not the key): tells which key a wrap must give. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.string().max(40),
  /** How the key is unlocked at start: the OS keychain, or a passphrase the user types. */
  protection: z.enum(['keychain', 'passphrase']),
  keychain: z.object({ backend: z.string().max(60), blob: z.string().max(2000) }).optional(),
  passphrase: secretWrap.optional(),
  recovery: secretWrap.optional(),
  /** The current recovery code has been shown to the user. */
  recoveryShown: z.boolean(),
  /** Every material file has been re-written encrypted (from then on a plaintext one is refused). */
  materialsEncrypted: z.boolean(),
  /**
   * Every store file (data file, shards, backup generations) has been re-written sealed: from
   * then on a plaintext one is refused. Absent in key files from before the store was sealed.
   */
  storeEncrypted: z.boolean().optional(),
})
export type KeyFile = z.infer<typeof keyFileSchema>

export const keyFilePath = (dataDir: string): string => join(dataDir, KEY_FILE)

/** The key file, or null when the workspace has none (an unencrypted, older workspace). */
export function readKeyFile(dataDir: string): KeyFile | null {
  let text: string
  try {
    text = readFileSync(keyFilePath(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const result = keyFileSchema.safeParse(parsed)
  if (!result.success)
    throw new CryptoFailure(
      'crypto/bad-key-file',
      `密钥文件 ${KEY_FILE} 已损坏，无法读取。加密的材料需要它才能打开：请从备份恢复 ${KEY_FILE}（它不会被自动重建或清空）。`,
    )
  return result.data
}

export function writeKeyFile(dataDir: string, file: KeyFile): void {
  writeFileAtomicSync(keyFilePath(dataDir), `${JSON.stringify(keyFileSchema.parse(file), null, 2)}\n`)
}
