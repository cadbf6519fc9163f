/**
 * Start-up cleaning by the writer (never by read-only work): temp files left by a crash
 * mid-write, material files that no record points to (a crash between writing a photo and
 * storing its record, or between storing a deletion and removing its files), and private
 * copies left by read-only opens that crashed. Only what is older than `olderThanMs` goes:
 * the caller passes 0 when the lock proves no other writer can be running.
 */
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { TEMP_INFIX } from './atomic-write'
import { BACKUP_DIR } from './store-backups'
import { POOL_DIR, SHARD_DIR } from './store-layout'
import { isPlainObject } from './store-salvage'

export const MATERIALS_DIR = 'materials'
/** Private copies made by read-only opens: `.readonly-<pid>-<hex>`. */
export const READ_ONLY_PREFIX = '.readonly-'
const READ_ONLY_MAX_AGE_MS = 3_600_000

export type SweepOptions = { olderThanMs: number; now?: number }
export type SweepReport = { tempFiles: string[]; orphanFiles: string[]; readOnlyCopies: string[] }

function list(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function ageOf(path: string, now: number): number {
  try {
    return now - statSync(path).mtimeMs
  } catch {
    return -1
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

function isTempName(name: string): boolean {
  return name.includes(TEMP_INFIX) || /\.stale-[0-9a-f]+$/.test(name)
}

/** Temp files in the data folder, its backups and every material folder. */
export function sweepTempFiles(dataDir: string, { olderThanMs, now = Date.now() }: SweepOptions): string[] {
  const removed: string[] = []
  const dirs = [
    dataDir,
    join(dataDir, BACKUP_DIR),
    join(dataDir, BACKUP_DIR, POOL_DIR),
    join(dataDir, SHARD_DIR),
    ...list(join(dataDir, MATERIALS_DIR)).map((d) => join(dataDir, MATERIALS_DIR, d)),
  ]
  for (const dir of dirs) {
    for (const name of list(dir)) {
      const path = join(dir, name)
      if (!isTempName(name) || ageOf(path, now) < olderThanMs) continue
      rmSync(path, { force: true })
      removed.push(path)
    }
  }
  return removed
}

/** Private copies of read-only opens whose process is gone (or that are over an hour old). */
export function sweepReadOnlyCopies(dataDir: string, now = Date.now()): string[] {
  const removed: string[] = []
  for (const name of list(dataDir)) {
    const pid = new RegExp(`^${READ_ONLY_PREFIX.replace('.', '\\.')}(\\d+)-`).exec(name)?.[1]
    if (!pid) continue
    const path = join(dataDir, name)
    if (pidAlive(Number(pid)) && ageOf(path, now) < READ_ONLY_MAX_AGE_MS) continue
    rmSync(path, { recursive: true, force: true })
    removed.push(path)
  }
  return removed
}

/** Every material file key the given states point to (`materials/<owner>/<file>`). */
export function referencedFiles(states: readonly unknown[]): Set<string> {
  const keys = new Set<string>()
  const add = (m: unknown) => {
    if (!isPlainObject(m)) return
    for (const k of [m.originalFile, m.compressedFile]) if (typeof k === 'string') keys.add(k)
  }
  for (const s of states) {
    const ws = isPlainObject(s) && isPlainObject(s.workspace) ? s.workspace : null
    if (ws && Array.isArray(ws.materials)) ws.materials.forEach(add)
    else add(s) // a single material record (a quarantined one)
  }
  return keys
}

/** Material files that no record points to; empty material folders go too. */
export function sweepOrphanMaterials(
  dataDir: string,
  referenced: ReadonlySet<string>,
  { olderThanMs, now = Date.now() }: SweepOptions,
): string[] {
  const removed: string[] = []
  const root = join(dataDir, MATERIALS_DIR)
  for (const owner of list(root)) {
    const dir = join(root, owner)
    try {
      if (!statSync(dir).isDirectory()) continue
    } catch {
      continue
    }
    for (const name of list(dir)) {
      const path = join(dir, name)
      if (referenced.has(`${MATERIALS_DIR}/${owner}/${name}`) || isTempName(name)) continue
      if (ageOf(path, now) < olderThanMs) continue
      rmSync(path, { recursive: true, force: true })
      removed.push(path)
    }
    if (list(dir).length === 0) {
      try {
        rmdirSync(dir)
      } catch {
        // a writer added a file meanwhile
      }
    }
  }
  return removed
}
