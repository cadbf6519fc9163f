/**
 * Rolling generations of the store in `<data>/backups/`: every write refreshes the generation
 * of the current hour, so the newest generation is always the last good write, and older
 * hours stay as they were. Kept: the newest 10 generations plus the newest of each of the
 * last 7 days. Each is written atomically, owner-only. Deleting a record removes it from
 * every generation (and from quarantine and damaged copies), so deletion is real.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { IDENTITY_CODEC, readStoreText, writeStoreText, type StoreCodec } from './store-codec'
import {
  assemble,
  isSplitIndex,
  parseShard,
  POOL_DIR,
  SHARD_FILE,
  splitIndexOf,
  type Shard,
} from './store-layout'
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
  /** Refreshes the current hour's generation with `content` (the store just written). */
  snapshot(content: string | Uint8Array | SplitSnapshot, now?: Date): string
  /** A generation of its own (before a restore, or for a state that changed outside a write). */
  snapshotSeparate(content: string | Uint8Array | SplitSnapshot, takenAt?: Date): string
  /** Whether generation `id` holds exactly this content (legacy text or split index). */
  isSameAs(id: string, content: string | SplitSnapshot): boolean
  /**
   * What the orphan sweep needs of every kept copy (legacy generations, split shards once
   * each): the material file keys they name, as `{ workspace: { materials } }`.
   */
  keptStates(): unknown[]
  /** Newest first (parses each one: for listings and recovery, not for every write). */
  list(): GenerationInfo[]
  /** The generations' ids, newest first, without reading them. */
  ids(): string[]
  /** The generation's state as one JSON text ('' when it cannot be read); throws when there is none. */
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

const FILE_KEY = /"(?:originalFile|compressedFile)"\s*:\s*("(?:[^"\\]|\\.)*")/g

/**
 * The material file keys a kept copy names, without parsing megabytes of JSON for them: the
 * sweep only asks which photos are still referenced. A damaged copy yields what it still names.
 */
function materialKeysOf(text: string): { workspace: { materials: Record<string, string>[] } } {
  const materials: Record<string, string>[] = []
  for (const m of text.matchAll(FILE_KEY)) {
    const key = parseJson(m[1] as string)
    if (typeof key === 'string') materials.push({ originalFile: key })
  }
  return { workspace: { materials } }
}

/** A split generation's index without the shards of deleted subjects; null when not an index. */
function withoutKeys(raw: unknown, ids: ReadonlySet<string>): unknown {
  if (!isSplitIndex(raw)) return null
  return {
    ...raw,
    shards: raw.shards.filter(([key]) => !ids.has(key)),
    order: raw.order.map(([collection, runs]) => [collection, runs.filter(([key]) => !ids.has(key))]),
  }
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

/** A generation of the split store: its index text and the live shard files it names. */
export type SplitSnapshot = { index: string; shards: readonly string[] }

/** `codec`: every generation's bytes go through it (see store-codec.ts). */
export function createStoreBackups(dataDir: string, codec: StoreCodec = IDENTITY_CODEC): StoreBackups {
  const dir = join(dataDir, BACKUP_DIR)
  const pool = join(dir, POOL_DIR)
  const ensureDir = () => mkdirSync(dir, { recursive: true, mode: 0o700 })
  const pathOf = (id: string) => join(dir, `config-${id}.json`)
  /** Generation id → the pool files its index names (split generations only). */
  const refs = new Map<string, Set<string>>()

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

  const textOf = (path: string): string | undefined => {
    try {
      return readStoreText(path, codec)
    } catch {
      return undefined
    }
  }

  const refsOf = (id: string): Set<string> => {
    let files = refs.get(id)
    if (!files) {
      const index = splitIndexOf(textOf(pathOf(id)) ?? '')
      files = new Set(index ? index.shards.map(([, f]) => f) : [])
      refs.set(id, files)
    }
    return files
  }

  /** Removes pool files no kept generation names. */
  const collect = () => {
    let names: string[]
    try {
      names = readdirSync(pool)
    } catch {
      return
    }
    const live = new Set<string>()
    for (const e of entries()) for (const f of refsOf(e.id)) live.add(f)
    for (const name of names) if (!live.has(name)) rmSync(join(pool, name), { force: true })
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
    for (const e of all) {
      if (keep.has(e.id)) continue
      rmSync(e.path, { force: true })
      refs.delete(e.id)
    }
  }

  /** Hard-links the shards into the pool (they are never changed in place, so links are safe). */
  const linkShards = (shards: readonly string[]): Set<string> => {
    mkdirSync(pool, { recursive: true, mode: 0o700 })
    const names = new Set<string>()
    for (const from of shards) {
      const name = basename(from)
      names.add(name)
      const to = join(pool, name)
      if (existsSync(to)) continue
      try {
        linkSync(from, to)
      } catch {
        copyFileSync(from, to) // a file system without hard links
      }
    }
    return names
  }

  const write = (
    id: string,
    content: string | Uint8Array | SplitSnapshot,
    now: Date,
    takenAt: Date,
    separate: boolean,
  ) => {
    ensureDir()
    const target = pathOf(id)
    const isNew = !existsSync(target)
    const split = typeof content === 'object' && 'index' in content
    const before = refs.get(id)
    if (split) refs.set(id, linkShards(content.shards))
    else refs.set(id, new Set())
    // The hour's generation of a split store is refreshed on every write: not flushed (the live
    // store is), so an edit costs two fsyncs, not three. Generations taken apart are flushed.
    writeStoreText(target, split ? content.index : content, codec, { sync: !(split && !separate) })
    utimesSync(target, takenAt, takenAt) // the age retention goes by
    if (isNew) {
      prune(now)
      collect()
    } else if (before !== undefined && before.size > 0) {
      // Shards this generation named before the refresh go, unless another one names them.
      const named = refs.get(id) as Set<string>
      const dropped = [...before].filter((f) => !named.has(f))
      if (dropped.length > 0) {
        const elsewhere = new Set<string>()
        for (const e of entries()) if (e.id !== id) for (const f of refsOf(e.id)) elsewhere.add(f)
        for (const f of dropped) if (!elsewhere.has(f)) rmSync(join(pool, f), { force: true })
      }
    }
    return id
  }

  /** A generation's state (legacy: the whole file; split: its index and pool shards). */
  const load = (path: string): unknown => {
    const text = textOf(path)
    if (text === undefined) return undefined
    const index = splitIndexOf(text)
    if (!index) return parseJson(text)
    const shards = new Map<string, Shard | undefined>()
    for (const [key, file] of index.shards) {
      const t = SHARD_FILE.test(file) ? textOf(join(pool, file)) : undefined
      shards.set(key, t === undefined ? undefined : parseShard(parseJson(t)))
    }
    // A shard lost from the pool makes the generation unusable rather than silently partial.
    if ([...shards.values()].some((v) => v === undefined)) return undefined
    return assemble(index, (k) => shards.get(k))
  }

  return {
    dir,
    snapshot: (content, now = new Date()) => write(stamp(now, false), content, now, now, false),
    snapshotSeparate(content, takenAt = new Date()) {
      let id = stamp(takenAt, true)
      for (let s = 1; existsSync(pathOf(id)); s++) id = stamp(new Date(takenAt.getTime() + s * 1000), true)
      return write(id, content, new Date(), takenAt, true)
    },
    ids: () => entries().map((e) => e.id),
    list: () =>
      entries().map((e) => {
        const raw = load(e.path)
        return {
          id: e.id,
          takenAt: new Date(e.mtimeMs).toISOString(),
          bytes: e.bytes,
          valid: raw !== undefined && validateState(raw).success,
          ...countsOf(raw),
        }
      }),
    read(id) {
      if (!GENERATION_FILE.test(`config-${id}.json`) || !existsSync(pathOf(id)))
        throw new Error(`没有编号为 ${id} 的备份，请刷新备份列表后重试`)
      const raw = load(pathOf(id))
      return raw === undefined ? '' : JSON.stringify(raw, null, '\t')
    },
    isSameAs(id, content) {
      const text = textOf(pathOf(id))
      return text === (typeof content === 'string' ? content : content.index)
    },
    keptStates() {
      const out: unknown[] = []
      for (const e of entries()) {
        const text = textOf(e.path)
        if (text !== undefined && !splitIndexOf(text)) out.push(materialKeysOf(text))
      }
      let names: string[] = []
      try {
        names = readdirSync(pool)
      } catch {
        // no split generation yet
      }
      for (const name of names) {
        const t = textOf(join(pool, name))
        if (t !== undefined) out.push(materialKeysOf(t))
      }
      return out
    },
    purge(ids) {
      const result: PurgeResult = { rewritten: [], removed: [] }
      if (ids.size === 0) return result
      refs.clear()
      const files = entries().map((e) => e.path)
      try {
        for (const name of readdirSync(pool)) {
          // A deleted subject's own shard goes whole: its key is the subject's id.
          const shard = parseShard(parseJson(textOf(join(pool, name)) ?? ''))
          if (shard && ids.has(shard.key)) {
            rmSync(join(pool, name), { force: true })
            result.removed.push(join(pool, name))
          } else files.push(join(pool, name))
        }
      } catch {
        // no pool
      }
      for (const path of files) {
        const outcome = purgeFile(
          path,
          ids,
          (raw) => withoutKeys(raw, ids) ?? withoutRecords(raw, ids),
          codec,
        )
        if (outcome !== 'kept') result[outcome === 'rewritten' ? 'rewritten' : 'removed'].push(path)
      }
      return result
    },
  }
}
