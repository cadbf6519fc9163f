/**
 * The one seam between the store's bytes and the disk. Every store file the app reads or
 * writes — the store files themselves and every backup generation — goes through a codec:
 * `encode` just before the bytes are written, `decode` just after they are read. The default
 * is the identity; encryption at rest plugs in here (see electron/main/services/crypto).
 *
 * Contract: `decode(encode(b))` equals `b`; `decode` throws on bytes it cannot read (a wrong
 * key or damage), which the store treats as a damaged file (recovery), never as an empty one.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { TEMP_INFIX, writeFileAtomicSync } from './atomic-write'

export type StoreCodec = {
  encode(bytes: Uint8Array): Uint8Array
  decode(bytes: Uint8Array): Uint8Array
}

export const IDENTITY_CODEC: StoreCodec = {
  encode: (bytes) => bytes,
  decode: (bytes) => bytes,
}

/** Raised when a codec cannot decode a file: counted as damage by store-recovery. */
export class StoreDecodeError extends Error {
  override name = 'StoreDamage'
}

const utf8 = new TextDecoder('utf-8')

/** Reads a store file and decodes it to text (throws ENOENT as fs does; StoreDecodeError on bad bytes). */
export function readStoreText(path: string, codec: StoreCodec): string {
  const raw = readFileSync(path)
  if (codec === IDENTITY_CODEC) return raw.toString('utf8')
  let bytes: Uint8Array
  try {
    bytes = codec.decode(raw)
  } catch (error) {
    throw new StoreDecodeError(`Config schema violation: ${path} cannot be decoded (${String(error)})`)
  }
  return utf8.decode(bytes)
}

/**
 * Encodes text and writes it atomically (temp file, fsync, rename), owner-only. `sync: false`
 * skips the fsync (still temp + rename): only for a copy whose loss at a power cut costs
 * nothing but freshness — the hour's backup generation refreshed on every write, while the
 * live store itself is always flushed.
 */
export function writeStoreText(
  path: string,
  text: string | Uint8Array,
  codec: StoreCodec,
  { sync = true }: { sync?: boolean } = {},
): void {
  const plain = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  const bytes = codec === IDENTITY_CODEC ? plain : codec.encode(plain)
  if (sync) return writeFileAtomicSync(path, bytes)
  const temp = join(dirname(path), `.${basename(path)}${TEMP_INFIX}${randomBytes(6).toString('hex')}`)
  writeFileSync(temp, bytes, { mode: 0o600, flag: 'wx' })
  try {
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/** A store file's text, or null when it is missing or cannot be decoded. */
export function storeTextOrNull(path: string, codec: StoreCodec): string | null {
  try {
    return readStoreText(path, codec)
  } catch {
    return null
  }
}
