/**
 * Key wrapping by a secret the user holds (a passphrase, or the printed recovery code): scrypt
 * from node:crypto derives a 256-bit key-encryption key, which seals the data key in the same
 * AES-256-GCM container as the files. A wrong secret fails the GCM tag.
 *
 * Parameters (stored beside each wrap, so they can be raised later without a format change):
 * passphrase N = 2^17, r = 8, p = 1 (128 MiB, about 0.3–1 s); recovery code N = 2^15, r = 8,
 * p = 1 (the code carries 160 random bits, so the KDF only needs to be non-trivial).
 */
import { randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto'
import { CryptoFailure, open, seal } from './envelope'

export type ScryptParams = { N: number; r: number; p: number }
export type SecretWrap = { kdf: 'scrypt'; N: number; r: number; p: number; salt: string; sealed: string }

export const PASSPHRASE_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 }
export const RECOVERY_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 }
/**
 * A key file may not make us spend more than this (a hostile file cannot exhaust memory):
 * scrypt takes 128·N·r bytes, so N·r is capped at 256 MiB, twice the passphrase default's.
 */
const MAX_N = 2 ** 20
const MAX_R = 16
const MAX_NR = 2 ** 18 * 8
const MAX_P = 4

function derive(secret: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFC'), salt, 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

function checkParams(w: SecretWrap): void {
  const ok =
    w.kdf === 'scrypt' &&
    Number.isInteger(Math.log2(w.N)) &&
    w.N >= 2 ** 10 &&
    w.N <= MAX_N &&
    Number.isInteger(w.r) &&
    w.r >= 1 &&
    w.r <= MAX_R &&
    w.N * w.r <= MAX_NR &&
    Number.isInteger(w.p) &&
    w.p >= 1 &&
    w.p <= MAX_P
  if (!ok)
    throw new CryptoFailure(
      'crypto/bad-key-file',
      '密钥文件中的参数无效（文件可能已损坏）。请用恢复密钥解锁，或从备份恢复 keys.json。',
    )
}

/**
 * A 256-bit key from a secret, for other containers (the workspace archive); the parameters
 * come from a file, so they are checked first like a key file's.
 */
export function deriveKey(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  checkParams({ kdf: 'scrypt', ...params, salt: '', sealed: '' })
  return derive(secret, salt, params)
}

export async function wrapWithSecret(
  dataKey: Buffer,
  secret: string,
  params: ScryptParams,
): Promise<SecretWrap> {
  const salt = randomBytes(16)
  const kek = await derive(secret, salt, params)
  return {
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    sealed: seal(kek, dataKey).toString('base64'),
  }
}

/** The data key, or null when the secret is wrong. */
export async function unwrapWithSecret(wrap: SecretWrap, secret: string): Promise<Buffer | null> {
  checkParams(wrap)
  const kek = await derive(secret, Buffer.from(wrap.salt, 'base64'), wrap)
  try {
    return open(kek, Buffer.from(wrap.sealed, 'base64'))
  } catch {
    return null
  }
}

/** Crockford base32: no I, L, O, U, so a printed code is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A new recovery code: 160 random bits as 32 characters in groups of 4 (XXXX-XXXX-…). */
export function newRecoveryCode(): string {
  const bytes = randomBytes(20)
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return out.match(/.{4}/g)?.join('-') ?? out
}

/** A typed recovery code in canonical form (case, spaces, dashes, O/I/L misreads), or null. */
export function normalizeRecoveryCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (raw.length !== 32 || [...raw].some((c) => !ALPHABET.includes(c))) return null
  return raw.match(/.{4}/g)?.join('-') ?? raw
}
