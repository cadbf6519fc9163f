/**
 * Import a workspace archive into an empty (or not yet existing) data folder, never over a
 * workspace. Two passes: the first reads the whole archive and checks everything (passphrase,
 * every frame's tag, the manifest's names, types and sizes, each file's hash, the data key
 * against the key file) without writing; the second unpacks into a staging folder beside the
 * target, checking again, and renames it into place. A crash leaves only the staging folder,
 * which is not the target (never taken as a workspace) and is removed by the next import.
 */
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { mkdir, open, rename, rm, rmdir, stat, type FileHandle } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import type { ArchiveStep } from '../../../../core/archive-progress'
import { open as openSealed } from '../crypto/envelope'
import { PASSPHRASE_SCRYPT, wrapWithSecret, type ScryptParams } from '../crypto/kdf'
import { readKeyFile, writeKeyFile, type KeyFile } from '../crypto/key-file'
import { isRealKeychain, type KeychainPort } from '../crypto/keychain'
import { keyIdOf } from '../crypto/workspace-keys'
import { checkManifest, type ManifestEntry } from './entries'
import { archiveErrors, asWriteFailure } from './errors'
import type { ArchiveContent } from './export'
import { FrameReader, readHeader, unlockHeader, type ArchiveHeader, type ArchiveKeys } from './format'
import { newStagingPath, stagingDone, sweepImportStaging, targetState } from './staging'

export { sweepImportStaging, targetState }

/** How the imported workspace is unlocked from now on. */
export type UnlockWith = 'none' | 'keychain' | 'passphrase' | 'archive-passphrase'

export type ArchiveImportOptions = {
  archive: string
  targetDir: string
  passphrase: string
  /** The OS keychain (the app); absent in the CLI. */
  keychain?: KeychainPort | null
  /** Lower costs for tests only (the re-wrap by the archive passphrase). */
  scrypt?: ScryptParams
  /** Called per piece checked or written (callers throttle: core/archive-progress.ts). */
  onProgress?: (step: ArchiveStep) => void
}

export type ArchiveImportResult = {
  dataDir: string
  files: number
  bytes: number
  encrypted: boolean
  unlockWith: UnlockWith
}

type Verified = {
  content: ArchiveContent
  digest: string
  dataKey: Buffer | null
  /** The header as checked and its keys: the second pass needs the same header, not a new scrypt. */
  headerBytes: Buffer
  keys: ArchiveKeys
}
const MAX_KEY_FILE_BYTES = 64 * 1024

async function reader(
  file: FileHandle,
  unlock: string | Verified,
): Promise<{ r: FrameReader; header: ArchiveHeader; bytes: Buffer; keys: ArchiveKeys }> {
  const size = (await file.stat()).size
  const { header, bytes } = await readHeader(file)
  if (typeof unlock !== 'string' && !bytes.equals(unlock.headerBytes))
    throw archiveErrors.damaged('文件在检查后被改动')
  const keys = typeof unlock === 'string' ? await unlockHeader(header, unlock) : unlock.keys
  return { r: new FrameReader(file, size, keys.frames, header, bytes), header, bytes, keys }
}

async function readManifest(
  r: FrameReader,
  archiveBytes: number,
): Promise<{ content: ArchiveContent; digest: string }> {
  const length = (await r.read(4)).readUInt32BE(0)
  if (length > 64 * 1024 ** 2) throw archiveErrors.tooLarge('清单过大')
  const raw = await r.read(length)
  let parsed: { workspaceEncrypted?: unknown; entries?: unknown }
  try {
    parsed = JSON.parse(raw.toString('utf8')) as typeof parsed
  } catch {
    throw archiveErrors.damaged('清单无法读取')
  }
  const entries = checkManifest(parsed.entries, archiveBytes)
  if (!entries.some((e) => e.name === 'config.json')) throw archiveErrors.damaged('缺少 config.json')
  const content = { workspaceEncrypted: parsed.workspaceEncrypted === true, entries }
  return { content, digest: createHash('sha256').update(raw).digest('hex') }
}

/** One entry's bytes to `sink`, then its hash checked. */
async function copyEntry(
  r: FrameReader,
  entry: ManifestEntry,
  sink: (piece: Buffer) => Promise<void> | void,
): Promise<void> {
  const hash = createHash('sha256')
  await r.pipe(entry.size, async (piece) => {
    hash.update(piece)
    await sink(piece)
  })
  if (!(await r.read(32)).equals(hash.digest()))
    throw archiveErrors.damaged(`文件 ${entry.name} 的校验值不符`)
}

type Progress = ((step: ArchiveStep) => void) | undefined

/** Counts the bytes of one pass and reports them. */
function counter(progress: Progress, phase: ArchiveStep['phase'], entries: ManifestEntry[]) {
  const total = entries.reduce((sum, e) => sum + e.size, 0)
  let done = 0
  progress?.({ phase, done, total })
  return (bytes: number) => {
    done += bytes
    progress?.({ phase, done, total })
  }
}

/** The first pass: everything checked, nothing written. */
export async function verifyArchive(
  archive: string,
  passphrase: string,
  progress?: Progress,
): Promise<Verified> {
  const file = await openArchive(archive)
  try {
    progress?.({ phase: 'key', done: 0, total: 0 })
    const { r, header, bytes, keys } = await reader(file, passphrase)
    const { content, digest } = await readManifest(r, (await file.stat()).size)
    const count = counter(progress, 'checking', content.entries)
    let keyFileBytes: Buffer | null = null
    for (const entry of content.entries) {
      const parts: Buffer[] = []
      const keep = entry.name === 'keys.json' && entry.size <= MAX_KEY_FILE_BYTES
      await copyEntry(r, entry, (piece) => {
        if (keep) parts.push(piece)
        count(piece.length)
      })
      if (keep) keyFileBytes = Buffer.concat(parts)
    }
    await r.end()
    const dataKey = checkKeys(header, keys.wrap, content, keyFileBytes)
    return { content, digest, dataKey, headerBytes: bytes, keys }
  } finally {
    await file.close()
  }
}

/** The data key from the header, consistent with the archived key file (null: not encrypted). */
function checkKeys(
  header: ArchiveHeader,
  wrap: Buffer,
  content: ArchiveContent,
  keyFile: Buffer | null,
): Buffer | null {
  const hasKeyFile = content.entries.some((e) => e.name === 'keys.json')
  if (!header.dataKey) {
    if (hasKeyFile || content.workspaceEncrypted) throw archiveErrors.keyMismatch()
    return null
  }
  if (!keyFile || !content.workspaceEncrypted) throw archiveErrors.keyMismatch()
  let key: Buffer
  let keyId: unknown
  try {
    key = openSealed(wrap, Buffer.from(header.dataKey.sealed, 'base64'))
    keyId = (JSON.parse(keyFile.toString('utf8')) as { keyId?: unknown }).keyId
  } catch {
    throw archiveErrors.keyMismatch()
  }
  if (keyIdOf(key) !== header.dataKey.keyId || keyId !== header.dataKey.keyId)
    throw archiveErrors.keyMismatch()
  return key
}

async function openArchive(path: string): Promise<FileHandle> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) throw archiveErrors.notArchive()
  return open(path, 'r').catch(() => {
    throw archiveErrors.unreadable(path)
  })
}

export async function importArchive(options: ArchiveImportOptions): Promise<ArchiveImportResult> {
  const target = resolve(options.targetDir)
  let state: ReturnType<typeof targetState>
  try {
    state = targetState(target)
  } catch (error) {
    throw asWriteFailure(error, target) // e.g. a file where a folder of the path should be
  }
  if (state === 'busy') throw archiveErrors.targetNotEmpty(target)
  const verified = await verifyArchive(options.archive, options.passphrase, options.onProgress)
  sweepImportStaging(target)
  try {
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 })
  } catch (error) {
    throw asWriteFailure(error, dirname(target))
  }
  const staging = newStagingPath(target)
  try {
    await mkdir(staging, { mode: 0o700 })
    await unpack(options, verified, staging)
    const unlockWith = await rewrapKeys(staging, verified.dataKey, options)
    const now = targetState(target)
    if (now === 'busy') throw archiveErrors.targetNotEmpty(target)
    if (now === 'empty') await rmdir(target) // POSIX could rename over it; Windows cannot
    await rename(staging, target)
    const bytes = verified.content.entries.reduce((sum, e) => sum + e.size, 0)
    return {
      dataDir: target,
      files: verified.content.entries.length,
      bytes,
      encrypted: verified.dataKey !== null,
      unlockWith,
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw asWriteFailure(error, target)
  } finally {
    stagingDone(staging)
  }
}

/** The second pass: the same archive (its manifest unchanged since the check) into `staging`. */
async function unpack(options: ArchiveImportOptions, verified: Verified, staging: string): Promise<void> {
  const file = await openArchive(options.archive)
  try {
    const { r } = await reader(file, verified)
    const { digest } = await readManifest(r, (await file.stat()).size)
    if (digest !== verified.digest) throw archiveErrors.damaged('文件在检查后被改动')
    const count = counter(options.onProgress, 'writing', verified.content.entries)
    for (const entry of verified.content.entries) {
      const path = resolve(staging, ...entry.name.split('/'))
      if (!path.startsWith(staging + sep)) throw archiveErrors.unsafeEntry(entry.name, '路径越界')
      await mkdir(dirname(path), { recursive: true, mode: 0o700 })
      const out = await open(path, 'wx', 0o600)
      try {
        await copyEntry(r, entry, async (piece) => {
          await out.write(piece)
          count(piece.length)
        })
        await out.sync()
      } finally {
        await out.close()
      }
    }
    await r.end()
  } finally {
    await file.close()
  }
}

/**
 * The key file for this computer: a passphrase-protected key keeps its passphrase (and the
 * recovery code keeps working); a keychain-protected one is wrapped by this computer's
 * keychain, or, where there is none (the CLI, Linux basic_text), by the archive passphrase.
 */
async function rewrapKeys(
  staging: string,
  dataKey: Buffer | null,
  options: ArchiveImportOptions,
): Promise<UnlockWith> {
  if (!dataKey) return 'none'
  let file: KeyFile
  try {
    file = readKeyFile(staging) as KeyFile
  } catch {
    throw archiveErrors.keyMismatch()
  }
  const { keychain: _old, ...rest } = file
  if (file.protection === 'passphrase' && file.passphrase) {
    writeKeyFile(staging, rest)
    return 'passphrase'
  }
  const keychain = options.keychain
  if (isRealKeychain(keychain)) {
    const blob = keychain.encrypt(dataKey.toString('base64')).toString('base64')
    writeKeyFile(staging, {
      ...rest,
      protection: 'keychain',
      keychain: { backend: keychain.backend(), blob },
    })
    return 'keychain'
  }
  const passphrase = await wrapWithSecret(dataKey, options.passphrase, options.scrypt ?? PASSPHRASE_SCRYPT)
  writeKeyFile(staging, { ...rest, protection: 'passphrase', passphrase })
  return 'archive-passphrase'
}
