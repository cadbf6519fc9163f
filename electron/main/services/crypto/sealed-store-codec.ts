/**
 * The store codec of an encrypted workspace: every store file (the index `config.json`, the
 * shards under `store/`, the backup generations and their shards, quarantine and damaged
 * copies) is one envelope.ts container (AES-256-GCM, magic "BDX\x01" and version, a fresh
 * nonce per write) under a sub-key of the data key. The sub-key comes from HKDF-SHA256 with its
 * own info label, so a store file and a material file are never interchangeable.
 *
 * Not bound as additional data: the file's name or role. Store files are legitimately renamed
 * and linked (a damaged file kept aside, a shard hard-linked into a backup generation, a
 * read-only open's private copy), and a bound name would turn each of those into damage.
 *
 * Plaintext JSON (an older workspace) is read only while the store's migration is unfinished
 * (`acceptPlain`); afterwards a plaintext file is refused like a damaged one.
 */
import { hkdfSync } from 'node:crypto'
import type { StoreCodec } from '../store-codec'
import { CryptoFailure, DATA_KEY_BYTES, isSealed, open, seal } from './envelope'

/** The HKDF info label of the store's sub-key (material files use the data key itself). */
export const STORE_KEY_INFO = 'beian-desk store files v1'

/** The store files' key, derived from the workspace's data key. */
export function storeKeyOf(dataKey: Uint8Array): Buffer {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('the data key must be 32 bytes')
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), STORE_KEY_INFO, DATA_KEY_BYTES))
}

export type SealedCodecOptions = {
  /** True while the store's migration is unfinished: plaintext files are still read. */
  acceptPlain: () => boolean
}

const plainRefused = (): CryptoFailure =>
  new CryptoFailure(
    'crypto/not-encrypted',
    '数据文件没有加密，而这个工作区的数据文件应当全部加密：文件可能被替换过。应用会把它当作损坏的文件，从备份恢复。',
  )

/** Marks a codec as the sealing one (the migration seals only through such a codec). */
export type SealedStoreCodec = StoreCodec & { readonly sealed: true }

export function createSealedStoreCodec(dataKey: Uint8Array, options: SealedCodecOptions): SealedStoreCodec {
  const key = storeKeyOf(dataKey)
  return {
    sealed: true,
    encode: (bytes) => seal(key, bytes),
    decode(bytes) {
      if (isSealed(bytes)) return open(key, bytes, '数据文件')
      if (options.acceptPlain()) return bytes
      throw plainRefused()
    },
  }
}

export function isSealedCodec(codec: StoreCodec): codec is SealedStoreCodec {
  return (codec as Partial<SealedStoreCodec>).sealed === true
}
