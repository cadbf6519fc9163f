/**
 * The migration of an older workspace's store to sealed files: every store file still in
 * plaintext (the index, the shards, every backup generation and its shards, quarantine files and
 * damaged copies kept aside) is re-written through the sealing codec, one file at a time and
 * atomically (temp, fsync, rename), keeping its modification time (backup retention goes by it).
 * A crash midway leaves each file whole, plain or sealed; the codec still reads both until the
 * caller records that the migration finished, and the next unlock finishes it.
 */
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
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

/** Seals every plaintext store file; returns how many it re-wrote. */
export function sealStoreFiles(dataDir: string, codec: SealedStoreCodec): number {
  let count = 0
  for (const path of storeFilesOf(dataDir)) {
    let bytes: Buffer
    let times: { atime: Date; mtime: Date }
    try {
      const st = statSync(path)
      if (!st.isFile()) continue
      times = st
      bytes = readFileSync(path)
    } catch {
      continue // removed meanwhile, or none yet
    }
    if (isSealed(bytes)) continue
    // A backup shard is a hard link of a live shard: the rename gives each its own sealed copy.
    writeFileAtomicSync(path, codec.encode(bytes))
    utimesSync(path, times.atime, times.mtime)
    count += 1
  }
  return count
}
