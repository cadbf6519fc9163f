/**
 * The encrypted container for everything at rest (material files, and store files through the
 * store codec): AES-256-GCM under the workspace's data key.
 *
 *   offset  size  field
 *   0       4     magic "BDX\x01" (Beian Desk eXcrypted; the last byte keeps it out of text)
 *   4       1     format version (1)
 *   5       12    nonce (random per write)
 *   17      16    GCM tag
 *   33      n     ciphertext
 *
 * The first 5 bytes (magic and version) are authenticated as additional data, so a changed
 * header fails like a changed body: with CryptoFailure 'crypto/tampered', never with garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { AppFailure } from '../app-error'

export const MAGIC = Buffer.from([0x42, 0x44, 0x58, 0x01])
export const FORMAT_VERSION = 1
const NONCE_BYTES = 12
const TAG_BYTES = 16
export const HEADER_BYTES = MAGIC.length + 1 + NONCE_BYTES + TAG_BYTES
export const DATA_KEY_BYTES = 32

/** An error with a code and a Chinese message, safe to show (IPC passes it through). */
export class CryptoFailure extends AppFailure {}

export const tampered = (what: string): CryptoFailure =>
  new CryptoFailure(
    'crypto/tampered',
    `${what}无法解密：文件已损坏或被改动，或不属于这个工作区的密钥。请从备份恢复这个文件。`,
  )

/** True when `bytes` start like one of our containers (any version). */
export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC)
}

function checkKey(key: Uint8Array): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error('the data key must be 32 bytes')
}

/** Encrypts `plain` into a new container. */
export function seal(key: Uint8Array, plain: Uint8Array): Buffer {
  checkKey(key)
  const head = Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION])])
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(head)
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([head, nonce, cipher.getAuthTag(), body])
}

/** Decrypts a container; `what` names the file in the error ("材料文件 …"). */
export function open(key: Uint8Array, sealed: Uint8Array, what = '文件'): Buffer {
  checkKey(key)
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
  if (!isSealed(bytes) || bytes.length < HEADER_BYTES) throw tampered(what)
  const version = bytes[MAGIC.length]
  if (version !== FORMAT_VERSION)
    throw new CryptoFailure(
      'crypto/unknown-version',
      `${what}是用更新版本的 Beian Desk 加密的（格式 ${String(version)}），请先升级应用。`,
    )
  const head = bytes.subarray(0, MAGIC.length + 1)
  const nonce = bytes.subarray(MAGIC.length + 1, MAGIC.length + 1 + NONCE_BYTES)
  const tag = bytes.subarray(MAGIC.length + 1 + NONCE_BYTES, HEADER_BYTES)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce)
    decipher.setAAD(head)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()])
  } catch {
    throw tampered(what)
  }
}
