/**
 * Export a whole workspace as one encrypted archive (工作区迁移包), for a new computer. The store
 * files and the material files are copied as they are on disk (sealed files stay sealed: nothing
 * is decrypted), with the workspace's data key wrapped by the archive passphrase, so the other
 * computer needs only that passphrase. Written to a temp file (0600) and renamed into place.
 *
 * The workspace may be in use (the app): `config.json` is the store's commit point, so when it
 * is the same after the copy as before and every file was read whole, the copy is one state.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ArchiveStep } from '../../../../core/archive-progress'
import { TEMP_INFIX } from '../atomic-write'
import { PASSPHRASE_SCRYPT, type ScryptParams } from '../crypto/kdf'
import { readKeyFile } from '../crypto/key-file'
import { keyIdOf, MIN_PASSPHRASE_CHARS } from '../crypto/workspace-keys'
import { isWorkspacePath, type ManifestEntry } from './entries'
import { archiveErrors, asWriteFailure } from './errors'
import { archiveKeys, encodeHeader, FrameWriter, newHeader } from './format'

export type ArchiveExportOptions = {
  dataDir: string
  out: string
  passphrase: string
  /** The workspace's data key, needed when it has a key file (unlocked). */
  dataKey: Buffer | null
  /** Replace an existing `out` (the app's save dialog asked already); the CLI never does. */
  overwrite?: boolean
  /** Lower costs for tests only. */
  scrypt?: ScryptParams
  /** Called per piece written (callers throttle: core/archive-progress.ts). */
  onProgress?: (step: ArchiveStep) => void
}

export type ArchiveExportResult = { path: string; files: number; bytes: number; encrypted: boolean }

export type ArchiveContent = { workspaceEncrypted: boolean; entries: ManifestEntry[] }

const isTempName = (name: string) => name.includes(TEMP_INFIX) || /\.stale-[0-9a-f]+$/.test(name)

/** The workspace's regular files, data-folder relative with `/`; links and temp files are left out. */
export function workspaceFiles(dataDir: string): ManifestEntry[] {
  const out: ManifestEntry[] = []
  const walk = (rel: string): void => {
    let names: string[]
    try {
      names = readdirSync(join(dataDir, rel)).sort()
    } catch {
      return
    }
    for (const name of names) {
      const path = rel ? `${rel}/${name}` : name
      if (isTempName(name)) continue
      const info = lstatSync(join(dataDir, path), { throwIfNoEntry: false })
      if (!info) continue
      if (info.isDirectory() && (rel !== '' || ['store', 'materials', 'backups'].includes(name))) walk(path)
      else if (info.isFile() && isWorkspacePath(path)) out.push({ name: path, type: 'file', size: info.size })
    }
  }
  walk('')
  return out
}

export async function exportArchive(options: ArchiveExportOptions): Promise<ArchiveExportResult> {
  const { dataDir, out, passphrase } = options
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) throw archiveErrors.weakPassphrase(MIN_PASSPHRASE_CHARS)
  let config: Buffer
  try {
    config = readFileSync(join(dataDir, 'config.json'))
  } catch {
    throw archiveErrors.noWorkspace(dataDir)
  }
  const keyFile = readKeyFile(dataDir)
  if (keyFile && (!options.dataKey || keyIdOf(options.dataKey) !== keyFile.keyId))
    throw archiveErrors.locked()
  if (!options.overwrite && (await stat(out).catch(() => null))) throw archiveErrors.outExists(out)

  const entries = workspaceFiles(dataDir).map((e) =>
    e.name === 'config.json' ? { ...e, size: config.length } : e,
  )
  const content: ArchiveContent = { workspaceEncrypted: keyFile !== null, entries }
  const total = entries.reduce((sum, e) => sum + e.size, 0)
  options.onProgress?.({ phase: 'key', done: 0, total })
  const params = options.scrypt ?? PASSPHRASE_SCRYPT
  const salt = randomBytes(16)
  const keys = await archiveKeys(passphrase, salt, params)
  const header = newHeader(
    keys,
    salt,
    params,
    keyFile && options.dataKey ? { keyId: keyFile.keyId, key: options.dataKey } : null,
  )
  const headerBytes = encodeHeader(header)

  const temp = join(dirname(out), `.${basename(out)}${TEMP_INFIX}${randomBytes(6).toString('hex')}`)
  const handle = await open(temp, 'wx', 0o600).catch((error: unknown) => {
    throw asWriteFailure(error, dirname(out))
  })
  try {
    await handle.write(headerBytes)
    const writer = new FrameWriter(keys.frames, header, headerBytes, async (frame) => {
      await handle.write(frame)
    })
    const manifest = Buffer.from(JSON.stringify(content), 'utf8')
    const length = Buffer.alloc(4)
    length.writeUInt32BE(manifest.length)
    await writer.write(Buffer.concat([length, manifest]))
    let done = 0
    options.onProgress?.({ phase: 'writing', done, total })
    for (const entry of entries) {
      const hash = createHash('sha256')
      let size = 0
      const pieces = entry.name === 'config.json' ? [config] : createReadStream(join(dataDir, entry.name))
      try {
        for await (const piece of pieces as AsyncIterable<Buffer> | Buffer[]) {
          size += piece.length
          if (size > entry.size) break
          hash.update(piece)
          await writer.write(piece)
          options.onProgress?.({ phase: 'writing', done: done + size, total })
        }
      } catch {
        throw archiveErrors.changed() // removed or replaced while we read it
      }
      if (size !== entry.size) throw archiveErrors.changed()
      await writer.write(hash.digest())
      done += size
    }
    await writer.finish()
    await handle.sync()
    await handle.close()
    if (!readFileSync(join(dataDir, 'config.json')).equals(config)) throw archiveErrors.changed()
    await rename(temp, out)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(temp, { force: true })
    throw asWriteFailure(error, out)
  }
  return { path: out, files: entries.length, bytes: total, encrypted: keyFile !== null }
}
