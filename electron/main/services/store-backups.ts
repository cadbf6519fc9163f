/**
 * Rolling generations of the store in `<data>/backups/`: every write refreshes the generation
 * of the current hour, so the newest generation is always the last good write, and older
 * hours stay as they were. Kept: the newest 10 generations plus the newest of each of the
 * last 7 days. Each is written atomically, owner-only. Deleting a record removes it from
 * every generation (and from quarantine and damaged copies), so deletion is real.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { IDENTITY_CODEC, readStoreText, writeStoreText, type StoreCodec } from './store-codec'
import { countsOf, isPlainObject, parseJson, validateState } from './store-salvage'

export const BACKUP_DIR = 'backups'
export const KEEP_NEWEST = 10
export const KEEP_DAYS = 7
const DAY_MS = 86_400_000
/** `config-20261207T05.json` (the hour's generation) or `config-20261207T053012.json` (one taken on purpose). */
const GENERATION_FILE = /^config-(\d{8}T\d{2}(?:\d{4})?)\.json$/

export type GenerationInfo = {
  id: string
  /** When its content was written (ISO). */
  takenAt: string
  bytes: number
  /** False when it no longer parses or validates: it is never restored. */
  valid: boolean
  subjects: number
  sites: number
  materials: number
}

export type StoreBackups = {
  readonly dir: string
  /** Refreshes the current hour's generation with `content` (the store file just written). */
  snapshot(content: string | Uint8Array, now?: Date): string
  /** A generation of its own (before a restore, or for a state that changed outside a write). */
  snapshotSeparate(content: string | Uint8Array, takenAt?: Date): string
  /** Newest first (parses each one: for listings and recovery, not for every write). */
  list(): GenerationInfo[]
  /** The generations' ids, newest first, without reading them. */
  ids(): string[]
  /** The generation's text; throws when there is no such generation. */
  read(id: string): string
  /** Removes records (and the records that point at them) from every kept copy. */
  purge(ids: ReadonlySet<string>): PurgeResult
}

export type PurgeResult = { rewritten: string[]; removed: string[] }

function stamp(date: Date, withSeconds: boolean): string {
  const iso = date.toISOString().replace(/[-:]/g, '') // 20261207T053012.345Z
  return withSeconds ? iso.slice(0, 15) : iso.slice(0, 11)
}

/** True when `element` is one of `ids` or refers to one of them in its own fields. */
export function refersTo(element: unknown, ids: ReadonlySet<string>): boolean {
  if (!isPlainObject(element)) return false
  return Object.values(element).some((v) => typeof v === 'string' && ids.has(v))
}

/** The workspace without the given records; null when nothing changed. */
export function withoutRecords(raw: unknown, ids: ReadonlySet<string>): unknown {
  if (!isPlainObject(raw) || !isPlainObject(raw.workspace)) return null
  const workspace: Record<string, unknown> = { ...raw.workspace }
  let changed = false
  for (const [key, value] of Object.entries(workspace)) {
    if (!Array.isArray(value)) continue
    const kept = value.filter((e) => !refersTo(e, ids))
    if (kept.length !== value.length) {
      workspace[key] = kept
      changed = true
    }
  }
  return changed ? { ...raw, workspace } : null
}

function mentions(text: string, ids: ReadonlySet<string>): boolean {
  for (const id of ids) if (text.includes(id)) return true
  return false
}

/**
 * Rewrites one kept JSON copy without the records (`rewrite` returns null: nothing to drop).
 * A copy that mentions them but cannot be parsed is removed: a deleted person must not stay
 * on disk in a damaged file either.
 */
export function purgeFile(
  path: string,
  ids: ReadonlySet<string>,
  rewrite: (raw: unknown) => unknown = (raw) => withoutRecords(raw, ids),
  codec: StoreCodec = IDENTITY_CODEC,
): 'rewritten' | 'removed' | 'kept' {
  let text: string
  try {
    text = readStoreText(path, codec)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) return 'kept'
    // Bytes the codec cannot read may still hold the person: such a copy goes.
    rmSync(path, { force: true })
    return 'removed'
  }
  if (!mentions(text, ids)) return 'kept'
  const raw = parseJson(text)
  if (raw === undefined) {
    rmSync(path, { force: true })
    return 'removed'
  }
  // Records are matched by exact ids: an id may also be part of another record's file key
  // (a re-edited material keeps its original's file), which is no reason to drop anything.
  const next = rewrite(raw)
  if (next === null) return 'kept'
  const { mtime } = statSync(path)
  writeStoreText(path, JSON.stringify(next, null, '\t'), codec)
  utimesSync(path, new Date(), mtime) // a generation keeps its age
  return 'rewritten'
}

/** `codec`: every generation's bytes go through it (see store-codec.ts). */
export function createStoreBackups(dataDir: string, codec: StoreCodec = IDENTITY_CODEC): StoreBackups {
  const dir = join(dataDir, BACKUP_DIR)
  const ensureDir = () => mkdirSync(dir, { recursive: true, mode: 0o700 })
  const pathOf = (id: string) => join(dir, `config-${id}.json`)

  const entries = () => {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      return []
    }
    const found: { id: string; path: string; mtimeMs: number; bytes: number }[] = []
    for (const name of names) {
      const id = GENERATION_FILE.exec(name)?.[1]
      if (!id) continue
      try {
        const st = statSync(join(dir, name))
        if (st.isFile()) found.push({ id, path: join(dir, name), mtimeMs: st.mtimeMs, bytes: st.size })
      } catch {
        // removed meanwhile
      }
    }
    return found.sort((a, b) => b.mtimeMs - a.mtimeMs || b.id.localeCompare(a.id))
  }

  const prune = (now: Date) => {
    const all = entries()
    const keep = new Set(all.slice(0, KEEP_NEWEST).map((e) => e.id))
    const days = new Set<string>()
    for (const e of all) {
      if (now.getTime() - e.mtimeMs > KEEP_DAYS * DAY_MS) continue
      const day = new Date(e.mtimeMs).toISOString().slice(0, 10)
      if (!days.has(day)) {
        days.add(day)
        keep.add(e.id)
      }
    }
    for (const e of all) if (!keep.has(e.id)) rmSync(e.path, { force: true })
  }

  const write = (id: string, content: string | Uint8Array, now: Date, takenAt: Date) => {
    ensureDir()
    const target = pathOf(id)
    const isNew = !existsSync(target)
    writeStoreText(target, content, codec)
    utimesSync(target, takenAt, takenAt) // the age retention goes by
    if (isNew) prune(now)
    return id
  }

  return {
    dir,
    snapshot: (content, now = new Date()) => write(stamp(now, false), content, now, now),
    snapshotSeparate(content, takenAt = new Date()) {
      let id = stamp(takenAt, true)
      for (let s = 1; existsSync(pathOf(id)); s++) id = stamp(new Date(takenAt.getTime() + s * 1000), true)
      return write(id, content, new Date(), takenAt)
    },
    ids: () => entries().map((e) => e.id),
    list: () =>
      entries().map((e) => {
        let raw: unknown
        try {
          raw = parseJson(readStoreText(e.path, codec))
        } catch {
          raw = undefined
        }
        return {
          id: e.id,
          takenAt: new Date(e.mtimeMs).toISOString(),
          bytes: e.bytes,
          valid: raw !== undefined && validateState(raw).success,
          ...countsOf(raw),
        }
      }),
    read(id) {
      if (!GENERATION_FILE.test(`config-${id}.json`)) throw new Error(`没有编号为 ${id} 的备份`)
      try {
        return readStoreText(pathOf(id), codec)
      } catch (error) {
        if ((error as Error).name === 'StoreDamage') return ''
        throw new Error(`没有编号为 ${id} 的备份，请刷新备份列表后重试`)
      }
    },
    purge(ids) {
      const result: PurgeResult = { rewritten: [], removed: [] }
      if (ids.size === 0) return result
      for (const e of entries()) {
        const outcome = purgeFile(e.path, ids, (raw) => withoutRecords(raw, ids), codec)
        if (outcome !== 'kept') result[outcome === 'rewritten' ? 'rewritten' : 'removed'].push(e.path)
      }
      return result
    },
  }
}
