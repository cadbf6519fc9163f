/**
 * The migration of an older workspace's store to sealed files: every store file still in
 * plaintext (the index, the shards, every backup generation and its shards, quarantine files and
 * damaged copies kept aside) is re-written through the sealing codec, one file at a time and
 * atomically (temp, fsync, rename), keeping its modification time (backup retention goes by it).
 * A crash midway leaves each file whole, plain or sealed; the codec still reads both until the
 * caller records that the migration finished, and the next unlock finishes it.
 */
import { randomBytes } from 'node:crypto'
import {
  linkSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  type Stats,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { TEMP_INFIX, writeFileAtomicSync } from './atomic-write'
import { isSealed } from './crypto/envelope'
import type { SealedStoreCodec } from './crypto/sealed-store-codec'
import { BACKUP_DIR } from './store-backups'
import { POOL_DIR, SHARD_DIR } from './store-layout'
import { QUARANTINE_PREFIX } from './store-recovery'

const STORE_FILE = 'config.json'

function names(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

/** Every store file of the data folder (whatever its state), the index last. */
export function storeFilesOf(dataDir: string): string[] {
  const inDir = (dir: string, keep: (name: string) => boolean) =>
    names(dir)
      .filter((n) => !n.includes(TEMP_INFIX) && keep(n))
      .map((n) => join(dir, n))
  const backups = join(dataDir, BACKUP_DIR)
  return [
    ...inDir(join(backups, POOL_DIR), (n) => n.endsWith('.json')),
    ...inDir(backups, (n) => n.startsWith('config-') && n.endsWith('.json')),
    ...inDir(join(dataDir, SHARD_DIR), (n) => n.endsWith('.json')),
    ...inDir(dataDir, (n) => n.startsWith(QUARANTINE_PREFIX) || n.startsWith(`${STORE_FILE}.corrupt-`)),
    join(dataDir, STORE_FILE),
  ]
}

/**
 * A backup generation's shard that was the same file (hard link) as a live shard before the
 * live one was sealed gets a link to the sealed one: the bytes stay shared, sealed once.
 */
function relink(
  path: string,
  ino: number,
  sealedShards: Map<string, { ino: number; path: string }>,
): boolean {
  const live = sealedShards.get(basename(path))
  if (!live || live.ino !== ino) return false
  const temp = join(dirname(path), `.${basename(path)}${TEMP_INFIX}${randomBytes(6).toString('hex')}`)
  try {
    linkSync(live.path, temp)
    renameSync(temp, path)
    return true
  } catch {
    rmSync(temp, { force: true })
    return false // a file system without hard links: sealed on its own
  }
}

/** Seals every plaintext store file; returns how many it re-wrote (or re-linked). */
export function sealStoreFiles(dataDir: string, codec: SealedStoreCodec): number {
  let count = 0
  const sealedShards = new Map<string, { ino: number; path: string }>()
  const liveShards = join(dataDir, SHARD_DIR)
  // The live shards first, so the generations' links to them can follow.
  const files = storeFilesOf(dataDir).sort(
    (a, b) => Number(dirname(b) === liveShards) - Number(dirname(a) === liveShards),
  )
  for (const path of files) {
    let bytes: Buffer
    let st: Stats
    try {
      st = statSync(path)
      if (!st.isFile()) continue
      bytes = readFileSync(path)
    } catch {
      continue // removed meanwhile, or none yet
    }
    if (isSealed(bytes)) continue
    if (dirname(path) !== liveShards && relink(path, st.ino, sealedShards)) {
      count += 1
      continue
    }
    writeFileAtomicSync(path, codec.encode(bytes))
    utimesSync(path, st.atime, st.mtime)
    if (dirname(path) === liveShards) sealedShards.set(basename(path), { ino: st.ino, path })
    count += 1
  }
  return count
}
