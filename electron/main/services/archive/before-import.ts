/**
 * The workspace an in-app archive import replaced is kept beside the data folder as
 * `<data folder>.before-import-<time>` (pending.ts). This removes such folders at start, called
 * only once the imported workspace has opened without recovery:
 * - at once when the folder holds no store record and no material file (an empty workspace, as
 *   the app only imports over one);
 * - after a grace period (7 days) when its workspace index was empty at the move but older
 *   backup generations or unreferenced material files remain (data the user had deleted);
 * - never when its index names records (the user may have kept working before the restart:
 *   that folder may be the only copy of their data). An index sealed under the replaced
 *   workspace's own key cannot be read here: it counts as empty only when it is small and no
 *   shard file lies beside it for it to name.
 * A removal first renames the folder to `<name>.removing`, so a crash mid-way leaves a name the
 * next start removes whatever is left in it, never a half folder that looks kept on purpose.
 * Nothing happens while a staged import still waits to move in.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { MATERIALS_DIR } from '../orphan-sweep'
import { splitIndexOf } from '../store-layout'
import { incomingDir } from './pending'

export const BEFORE_IMPORT_GRACE_MS = 7 * 24 * 3_600_000
const REMOVING = '.removing'
/** Folders whose files are store records or material files: any file in them is user data. */
const RECORD_DIRS = ['store', MATERIALS_DIR, 'backups/shards']
/** Files that hold no record of their own (key material, a purge list, our lock). */
const INERT_FILES = /^(keys\.json|purge\.pending\.json|writer\.lock)$/

export type BeforeImportOptions = {
  now?: number
  graceMs?: number
  /** A store file's text (the store's codec when it has one); null when it cannot be read. */
  readText?: (path: string) => string | null
}
export type BeforeImportReport = { removed: string[]; kept: string[] }
type Verdict = 'empty' | 'history' | 'keep'

const plainText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/** Regular files under `dir`, recursively (none when it is missing). */
function hasFiles(dir: string): boolean {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return false
  }
  return names.some((n) => {
    const info = statSync(join(dir, n), { throwIfNoEntry: false })
    return info ? !info.isDirectory() || hasFiles(join(dir, n)) : false
  })
}

/** A sealed empty index is about 250 bytes (its settings may add some); a single record is more. */
const SEALED_EMPTY_MAX_BYTES = 1024

/** A legacy single-file store whose workspace has no record. */
function isEmptyLegacy(text: string): boolean {
  try {
    const raw = JSON.parse(text) as { workspace?: Record<string, unknown> }
    const lists = Object.values(raw.workspace ?? { none: null })
    return lists.every((list) => Array.isArray(list) && list.length === 0)
  } catch {
    return false
  }
}

/**
 * True when `path` is a store file that holds no record (or is absent): a split index naming no
 * shard, or a legacy file with empty lists. A file this computer cannot read (sealed under the
 * replaced workspace's own key) counts as empty only when small and with no shard file beside it
 * (`shardDir`) for it to name.
 */
function isEmptyIndex(path: string, readText: (p: string) => string | null, shardDir: string): boolean {
  if (!existsSync(path)) return true // no index: only the files checked beside it can hold records
  const text = readText(path)
  const index = text === null ? null : splitIndexOf(text)
  if (index) return index.shards.length === 0
  if (text?.trimStart().startsWith('{')) return isEmptyLegacy(text)
  // Sealed under a key this computer does not have (or not JSON at all).
  return statSync(path).size <= SEALED_EMPTY_MAX_BYTES && !hasFiles(shardDir)
}

/** What may be done with one kept folder: removed now, removed after the grace period, or kept. */
export function judgeBeforeImport(dir: string, readText: (p: string) => string | null = plainText): Verdict {
  try {
    return judge(dir, readText)
  } catch {
    return 'keep' // unreadable: nothing is removed on a guess
  }
}

function judge(dir: string, readText: (p: string) => string | null): Verdict {
  if (!isEmptyIndex(join(dir, 'config.json'), readText, join(dir, 'store'))) return 'keep'
  if (RECORD_DIRS.some((d) => hasFiles(join(dir, d)))) return 'history'
  const others = [
    ...readdirSync(dir).map((n) => [dir, n] as const),
    ...(existsSync(join(dir, 'backups'))
      ? readdirSync(join(dir, 'backups')).map((n) => [join(dir, 'backups'), n] as const)
      : []),
  ]
  for (const [parent, name] of others) {
    const path = join(parent, name)
    if (statSync(path).isDirectory()) {
      if (!['store', MATERIALS_DIR, 'backups', 'shards'].includes(name) && hasFiles(path)) return 'history'
      continue
    }
    if (INERT_FILES.test(name)) continue
    // A backup generation or a quarantined copy: empty only when it, too, names no shard.
    if (!name.endsWith('.json') || !isEmptyIndex(path, readText, join(dir, 'backups', 'shards')))
      return 'history'
  }
  return 'empty'
}

/** When the folder was set aside: the time in its name (pending.ts), else its modification time. */
export function keptSince(path: string): number {
  const m = /before-import-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(path)
  const parsed = m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : NaN
  return Number.isNaN(parsed) ? statSync(path).mtimeMs : parsed
}

function remove(path: string): void {
  const doomed = path.endsWith(REMOVING) ? path : `${path}${REMOVING}`
  if (doomed !== path) renameSync(path, doomed)
  rmSync(doomed, { recursive: true, force: true })
}

/** Removes the kept folders of `dataDir` that are safe to remove; says which went and which stay. */
export function sweepBeforeImport(dataDir: string, options: BeforeImportOptions = {}): BeforeImportReport {
  const report: BeforeImportReport = { removed: [], kept: [] }
  if (existsSync(incomingDir(dataDir))) return report // a move-in may still need the old files
  const now = options.now ?? Date.now()
  const prefix = `${basename(dataDir)}.before-import-`
  let names: string[]
  try {
    names = readdirSync(dirname(dataDir)).filter((n) => n.startsWith(prefix))
  } catch {
    return report
  }
  for (const name of names) {
    const path = join(dirname(dataDir), name)
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue
    // A folder that cannot be judged or removed now (open file, permissions) waits for the next
    // start: cleaning must never stop the app from starting.
    let removed = false
    try {
      removed = sweepOne(path, now, options)
    } catch {
      removed = false
    }
    report[removed ? 'removed' : 'kept'].push(path)
  }
  return report
}

/** Removes one kept folder when its verdict allows; true when it went. */
function sweepOne(path: string, now: number, options: BeforeImportOptions): boolean {
  const verdict = path.endsWith(REMOVING) ? 'empty' : judgeBeforeImport(path, options.readText)
  const due = verdict === 'history' && now - keptSince(path) >= (options.graceMs ?? BEFORE_IMPORT_GRACE_MS)
  if (verdict !== 'empty' && !due) return false
  remove(path)
  return true
}
