/**
 * The workspace archive's container (`.bdxa`): a plaintext header, then the content as a chain
 * of AES-256-GCM frames, so a workspace of hundreds of MB is streamed, never held whole.
 *
 *   "BDXA" | version (1 byte) | header length (u32 BE) | header JSON
 *   frame*: plain length (u32 BE, ≤ 1 MiB) | flags (1 byte, 1 = last) | ciphertext | GCM tag (16)
 *
 * The key comes from the archive passphrase (scrypt, parameters and salt in the header) through
 * HKDF, one sub-key each for the frames, the wrapped data key and the passphrase check. Frame i's
 * nonce is the header's random prefix + i; its additional data binds the header's hash, i, the
 * flags and the length, so reordered, dropped, appended or truncated frames and a changed header
 * all fail. Only the last frame carries flag 1: a file cut at a frame boundary fails too.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { deriveKey, type ScryptParams } from '../crypto/kdf'
import { open as openSealed, seal } from '../crypto/envelope'
import { archiveErrors } from './errors'

export const ARCHIVE_MAGIC = Buffer.from('BDXA', 'ascii')
export const ARCHIVE_VERSION = 1
export const ARCHIVE_EXTENSION = 'bdxa'
const PREFIX_BYTES = ARCHIVE_MAGIC.length + 1 + 4
const MAX_HEADER_BYTES = 64 * 1024
export const FRAME_BYTES = 256 * 1024
const MAX_FRAME_BYTES = 1024 * 1024
const TAG_BYTES = 16
const CHECK_TEXT = Buffer.from('beian-desk workspace archive')
/** At most 256 MiB of scrypt memory (twice the default cost). */
const MAX_SCRYPT_NR = 2 ** 18 * 8
/** scrypt's time grows with p while its memory does not: a crafted header must not stall us. */
const MAX_SCRYPT_P = 4

export type ArchiveHeader = {
  format: 'beian-desk-archive'
  version: number
  createdAt: string
  kdf: ScryptParams & { kdf: 'scrypt'; salt: string }
  noncePrefix: string
  /** A constant sealed by the check sub-key: tells a wrong passphrase from damage. */
  check: string
  /** The workspace's data key sealed by the wrap sub-key; null for an unencrypted workspace. */
  dataKey: { keyId: string; sealed: string } | null
}

export type ArchiveKeys = { frames: Buffer; wrap: Buffer; check: Buffer }

export async function archiveKeys(
  passphrase: string,
  salt: Buffer,
  params: ScryptParams,
): Promise<ArchiveKeys> {
  const master = await deriveKey(passphrase, salt, params)
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', master, salt, `bdxa ${info}`, 32))
  return { frames: sub('frames'), wrap: sub('data key'), check: sub('check') }
}

export function newHeader(
  keys: ArchiveKeys,
  salt: Buffer,
  params: ScryptParams,
  dataKey: { keyId: string; key: Buffer } | null,
): ArchiveHeader {
  return {
    format: 'beian-desk-archive',
    version: ARCHIVE_VERSION,
    createdAt: new Date().toISOString(),
    kdf: { kdf: 'scrypt', ...params, salt: salt.toString('base64') },
    noncePrefix: randomBytes(4).toString('base64'),
    check: seal(keys.check, CHECK_TEXT).toString('base64'),
    dataKey: dataKey && { keyId: dataKey.keyId, sealed: seal(keys.wrap, dataKey.key).toString('base64') },
  }
}

export function encodeHeader(header: ArchiveHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const prefix = Buffer.alloc(PREFIX_BYTES)
  ARCHIVE_MAGIC.copy(prefix, 0)
  prefix[ARCHIVE_MAGIC.length] = ARCHIVE_VERSION
  prefix.writeUInt32BE(json.length, ARCHIVE_MAGIC.length + 1)
  return Buffer.concat([prefix, json])
}

/** Reads and checks the header; `bytes` is the header as stored (its hash binds every frame). */
export async function readHeader(file: FileHandle): Promise<{ header: ArchiveHeader; bytes: Buffer }> {
  const prefix = await readAt(file, 0, PREFIX_BYTES)
  if (prefix.length < PREFIX_BYTES || !prefix.subarray(0, 4).equals(ARCHIVE_MAGIC))
    throw archiveErrors.notArchive()
  const version = prefix[4] as number
  if (version !== ARCHIVE_VERSION) throw archiveErrors.newerVersion(version)
  const length = prefix.readUInt32BE(5)
  if (length > MAX_HEADER_BYTES) throw archiveErrors.damaged('文件头过大')
  const json = await readAt(file, PREFIX_BYTES, length)
  if (json.length < length) throw archiveErrors.damaged('文件头不完整')
  let header: unknown
  try {
    header = JSON.parse(json.toString('utf8'))
  } catch {
    throw archiveErrors.damaged('文件头无法读取')
  }
  if (!isHeader(header)) throw archiveErrors.damaged('文件头格式不对')
  return { header, bytes: Buffer.concat([prefix, json]) }
}

function isHeader(h: unknown): h is ArchiveHeader {
  const x = h as Partial<ArchiveHeader> | null
  return (
    typeof x === 'object' &&
    x !== null &&
    x.format === 'beian-desk-archive' &&
    x.version === ARCHIVE_VERSION &&
    typeof x.kdf?.salt === 'string' &&
    [x.kdf.N, x.kdf.r, x.kdf.p].every((n) => typeof n === 'number') &&
    typeof x.noncePrefix === 'string' &&
    Buffer.from(x.noncePrefix, 'base64').length === 4 &&
    typeof x.check === 'string' &&
    (x.dataKey === null || (typeof x.dataKey?.keyId === 'string' && typeof x.dataKey.sealed === 'string'))
  )
}

/** Derives the keys from the passphrase and proves them on the header's check value. */
export async function unlockHeader(header: ArchiveHeader, passphrase: string): Promise<ArchiveKeys> {
  // scrypt needs 128·N·r bytes: a crafted header must not make us take gigabytes (ours: 128 MiB).
  if (header.kdf.N * header.kdf.r > MAX_SCRYPT_NR || header.kdf.p > MAX_SCRYPT_P)
    throw archiveErrors.damaged('密钥参数超出限制')
  const salt = Buffer.from(header.kdf.salt, 'base64')
  let keys: ArchiveKeys
  try {
    keys = await archiveKeys(passphrase, salt, { N: header.kdf.N, r: header.kdf.r, p: header.kdf.p })
  } catch {
    throw archiveErrors.damaged('密钥参数无效')
  }
  let check: Buffer
  try {
    check = openSealed(keys.check, Buffer.from(header.check, 'base64'))
  } catch {
    throw archiveErrors.wrongPassphrase()
  }
  if (!check.equals(CHECK_TEXT)) throw archiveErrors.wrongPassphrase()
  return keys
}

/** The additional data and nonce of frame `index`. */
function frameContext(headerHash: Buffer, prefix: Buffer, index: number, flags: number, length: number) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(index))
  const tail = Buffer.alloc(5)
  tail[0] = flags
  tail.writeUInt32BE(length, 1)
  return { nonce: Buffer.concat([prefix, counter]), aad: Buffer.concat([headerHash, counter, tail]) }
}

/** Seals the content into frames; `sink` writes each frame (in order, awaited). */
export class FrameWriter {
  private pending: Buffer[] = []
  private pendingBytes = 0
  private index = 0
  private readonly hash: Buffer
  private readonly prefix: Buffer

  constructor(
    private readonly key: Buffer,
    header: ArchiveHeader,
    headerBytes: Buffer,
    private readonly sink: (frame: Buffer) => Promise<void>,
  ) {
    this.hash = createHash('sha256').update(headerBytes).digest()
    this.prefix = Buffer.from(header.noncePrefix, 'base64')
  }

  async write(data: Buffer): Promise<void> {
    this.pending.push(data)
    this.pendingBytes += data.length
    while (this.pendingBytes >= FRAME_BYTES) {
      const all = Buffer.concat(this.pending)
      await this.emit(all.subarray(0, FRAME_BYTES), 0)
      this.pending = [all.subarray(FRAME_BYTES)]
      this.pendingBytes = all.length - FRAME_BYTES
    }
  }

  /** Writes what is left as the last frame (possibly empty). */
  async finish(): Promise<void> {
    await this.emit(Buffer.concat(this.pending), 1)
    this.pending = []
    this.pendingBytes = 0
  }

  private async emit(plain: Buffer, flags: number): Promise<void> {
    const { nonce, aad } = frameContext(this.hash, this.prefix, this.index++, flags, plain.length)
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce)
    cipher.setAAD(aad)
    const body = Buffer.concat([cipher.update(plain), cipher.final()])
    const head = Buffer.alloc(5)
    head.writeUInt32BE(plain.length, 0)
    head[4] = flags
    await this.sink(Buffer.concat([head, body, cipher.getAuthTag()]))
  }
}

/** Opens the frames one by one and hands out the content as exact reads. */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0)
  private offset: number
  private index = 0
  private done = false
  private readonly hash: Buffer
  private readonly prefix: Buffer

  constructor(
    private readonly file: FileHandle,
    private readonly fileSize: number,
    private readonly key: Buffer,
    header: ArchiveHeader,
    headerBytes: Buffer,
  ) {
    this.offset = headerBytes.length
    this.hash = createHash('sha256').update(headerBytes).digest()
    this.prefix = Buffer.from(header.noncePrefix, 'base64')
  }

  /** Exactly `n` bytes of content; fewer left is damage. */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = []
    let need = n
    while (need > 0) {
      if (this.buffered.length === 0) await this.nextFrame()
      const take = this.buffered.subarray(0, need)
      this.buffered = this.buffered.subarray(take.length)
      parts.push(take)
      need -= take.length
    }
    return Buffer.concat(parts)
  }

  /** Streams `n` bytes of content to `each`, frame-sized pieces at a time. */
  async pipe(n: number, each: (piece: Buffer) => Promise<void> | void): Promise<void> {
    let left = n
    while (left > 0) {
      if (this.buffered.length === 0) await this.nextFrame()
      const take = this.buffered.subarray(0, left)
      this.buffered = this.buffered.subarray(take.length)
      left -= take.length
      await each(take)
    }
  }

  /** The content must end here: the last frame read, nothing after it in the file. */
  async end(): Promise<void> {
    if (this.buffered.length > 0) throw archiveErrors.damaged('内容后有多余数据')
    if (!this.done) {
      await this.nextFrame()
      if (this.buffered.length > 0 || !this.done) throw archiveErrors.damaged('内容后有多余数据')
    }
    if (this.offset !== this.fileSize) throw archiveErrors.damaged('文件末尾有多余数据')
  }

  private async nextFrame(): Promise<void> {
    if (this.done) throw archiveErrors.damaged('内容比清单短')
    const head = await readAt(this.file, this.offset, 5)
    if (head.length < 5) throw archiveErrors.damaged('文件被截断')
    const length = head.readUInt32BE(0)
    const flags = head[4] as number
    if (length > MAX_FRAME_BYTES || (flags !== 0 && flags !== 1)) throw archiveErrors.damaged('数据块头无效')
    const body = await readAt(this.file, this.offset + 5, length + TAG_BYTES)
    if (body.length < length + TAG_BYTES) throw archiveErrors.damaged('文件被截断')
    const { nonce, aad } = frameContext(this.hash, this.prefix, this.index, flags, length)
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonce)
      decipher.setAAD(aad)
      decipher.setAuthTag(body.subarray(length))
      this.buffered = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()])
    } catch {
      throw archiveErrors.damaged(`第 ${String(this.index + 1)} 个数据块校验失败`)
    }
    this.index++
    this.offset += 5 + length + TAG_BYTES
    this.done = flags === 1
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  let got = 0
  while (got < length) {
    const { bytesRead } = await file.read(buffer, got, length - got, position + got)
    if (bytesRead === 0) break
    got += bytesRead
  }
  return buffer.subarray(0, got)
}
