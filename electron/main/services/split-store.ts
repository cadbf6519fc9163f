/**
 * The split store on disk (layout in store-layout.ts): reading the index and its shards, and a
 * backend whose every write costs what the edit touched. A write compares the new workspace
 * with the last one by record identity (edits are immutable updates: untouched records keep
 * their objects), validates only the new records, writes only the shards that changed under new
 * names, then replaces the index in one atomic rename (the commit point) and removes the shards
 * it superseded. A crash before the rename leaves the old state and stray shards that the next
 * writer's open removes.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { workspaceSchema } from '../../../core/schemas'
import type { StoreBackend } from './store'
import { readStoreText, writeStoreText, type StoreCodec } from './store-codec'
import {
  assemble,
  ownerKey,
  parseShard,
  partition,
  SHARD_DIR,
  SHARD_FILE,
  shardName,
  SPLIT_FORMAT,
  type Partitioned,
  sameOrder,
  type Shard,
  type SplitIndex,
} from './store-layout'
import { settingsSchema } from './store-options'
import { isPlainObject, parseJson } from './store-salvage'

type Raw = Record<string, unknown>

export type SplitRead =
  | { ok: true; raw: Raw; shards: Map<string, string> }
  /** A shard is missing or does not parse: `file` names it (null: the index itself). */
  | { ok: false; file: string | null }

/** Reads every shard the index names and puts the state together (not yet validated). */
export function readSplit(dataDir: string, index: SplitIndex, codec: StoreCodec): SplitRead {
  const dir = join(dataDir, SHARD_DIR)
  const byKey = new Map<string, Shard>()
  const files = new Map<string, string>()
  for (const [key, file] of index.shards) {
    if (typeof key !== 'string' || typeof file !== 'string' || !SHARD_FILE.test(file))
      return { ok: false, file: null }
    let shard: Shard | undefined
    try {
      shard = parseShard(parseJson(readStoreText(join(dir, file), codec)))
    } catch {
      shard = undefined
    }
    if (!shard || shard.key !== key) return { ok: false, file: join(dir, file) }
    byKey.set(key, shard)
    files.set(key, file)
  }
  return { ok: true, raw: assemble(index, (k) => byKey.get(k)), shards: files }
}

/** Removes shard files no index names (a crash between writing them and the index). */
export function sweepStrayShards(dataDir: string, keep: Iterable<string>): string[] {
  const dir = join(dataDir, SHARD_DIR)
  const live = new Set(keep)
  const removed: string[] = []
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return removed
  }
  for (const name of names) {
    if (live.has(name)) continue
    rmSync(join(dir, name), { force: true })
    removed.push(join(dir, name))
  }
  return removed
}

export type SplitBackend = StoreBackend & {
  /** What writing `next` would do (the ids it drops among them), without writing. */
  plan(next: Raw): WritePlan
  /** Writes a plan made from the current state. */
  apply(plan: WritePlan): void
  /** The index text last written (what a backup generation copies). */
  indexText(): string
  /** The live shard files, absolute paths. */
  shardPaths(): string[]
}

type Collections = Map<string, unknown[]>

export type WritePlan = {
  readonly next: Raw
  /** The shards to write: key → their new lists. */
  readonly dirty: Map<string, Collections>
  /** Keys whose shard goes (no record left). */
  readonly gone: string[]
  readonly parts: Partitioned
  readonly orderChanged: boolean
  /** Records to check: new or changed since the last write. */
  readonly fresh: Map<string, unknown[]>
  /** Ids of records the write drops (a deletion: purged from every kept copy). */
  readonly removedIds: ReadonlySet<string>
  /** The state the plan was made from: a plan is only applied on top of it. */
  readonly base: Raw
}

function sameLists(a: Collections | undefined, b: Collections): boolean {
  if (!a || a.size !== b.size) return false
  for (const [collection, list] of b) {
    const before = a.get(collection)
    if (!before || before.length !== list.length) return false
    for (let i = 0; i < list.length; i++) if (before[i] !== list[i]) return false
  }
  return true
}

function violation(message: string): Error {
  const error = new Error(`Config schema violation: ${message}`)
  error.name = 'StoreDamage'
  return error
}

/** Checks the records a write adds or changes (the rest were checked when they came in). */
function checkNew(state: Raw, fresh: Map<string, unknown[]>, settingsChanged: boolean): void {
  if (typeof state.version !== 'number' || !Number.isInteger(state.version)) throw violation('version')
  if (settingsChanged) {
    const s = settingsSchema.safeParse(state.settings)
    if (!s.success) throw violation(`settings: ${s.error.message}`)
  }
  if (fresh.size === 0) return
  const partial: Raw = { subjects: [], sites: [], materials: [] }
  for (const [collection, list] of fresh) partial[collection] = list
  const r = workspaceSchema.safeParse(partial)
  if (!r.success) throw violation(r.error.message)
}

const idOf = (r: unknown): string | null => (isPlainObject(r) && typeof r.id === 'string' ? r.id : null)

function allIds(ws: Raw): Set<string> {
  const ids = new Set<string>()
  for (const list of Object.values(ws))
    if (Array.isArray(list))
      for (const r of list) {
        const id = idOf(r)
        if (id !== null) ids.add(id)
      }
  return ids
}

const workspaceOf = (state: Raw): Raw => (isPlainObject(state.workspace) ? state.workspace : {})

export type SplitOpen =
  /** The state as read from `index` (its shards in `files`), already validated. */
  | { kind: 'read'; index: SplitIndex; indexText: string; files: Map<string, string> }
  /** Write the state whole (a migration, a recovered state, the first start). */
  | { kind: 'write-all' }

/** A writer over the split store in `dataDir` whose index is `indexPath`, holding `state`. */
export function createSplitBackend(
  dataDir: string,
  indexPath: string,
  codec: StoreCodec,
  state: Raw,
  from: SplitOpen,
): SplitBackend {
  const dir = join(dataDir, SHARD_DIR)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const checked = new WeakSet<object>()
  /** Each stored record's shard key, to place a changed record without partitioning again. */
  const owner = new WeakMap<object, string>()
  let current = state
  let parts = partition(workspaceOf(state))
  const shardFiles = from.kind === 'read' ? new Map(from.files) : new Map<string, string>()
  let indexText = from.kind === 'read' ? from.indexText : ''
  let seq = from.kind === 'read' && typeof from.index.seq === 'number' ? from.index.seq : 0
  const remember = (p: Partitioned) => {
    for (const [key, byCollection] of p.shards)
      for (const list of byCollection.values())
        for (const r of list)
          if (typeof r === 'object' && r !== null) {
            checked.add(r)
            owner.set(r, key)
          }
  }

  const writeIndex = (next: Raw, order: SplitIndex['order']) => {
    const value: SplitIndex = {
      format: SPLIT_FORMAT,
      version: next.version as number,
      settings: next.settings,
      shards: [...shardFiles],
      order,
      seq,
    }
    const text = JSON.stringify(value)
    writeStoreText(indexPath, text, codec)
    indexText = text
  }

  const writeShard = (key: string, byCollection: Collections): string => {
    const name = shardName(++seq)
    const shard: Shard = { key, workspace: Object.fromEntries(byCollection) }
    writeStoreText(join(dir, name), JSON.stringify(shard), codec)
    return name
  }

  /**
   * The common edits without partitioning everything again: records replaced in place (same
   * shard, same id for subjects and sites) and records appended (not subjects or sites).
   * Null: anything else (a deletion, a move, a new subject), for the full comparison.
   */
  const incremental = (next: Raw): WritePlan | null => {
    const before = workspaceOf(current)
    const after = workspaceOf(next)
    const dirty = new Map<string, Collections>()
    const copied = new Set<unknown[]>()
    const fresh = new Map<string, unknown[]>()
    const removedIds = new Set<string>()
    let order = parts.order
    const listFor = (key: string, collection: string): unknown[] => {
      let byCollection = dirty.get(key)
      if (!byCollection) dirty.set(key, (byCollection = new Map(parts.shards.get(key) ?? [])))
      let list = byCollection.get(collection)
      if (!list || !copied.has(list)) {
        list = [...(list ?? [])]
        copied.add(list)
        byCollection.set(collection, list)
      }
      return list
    }
    const addFresh = (collection: string, r: unknown) => {
      const list = fresh.get(collection)
      if (list) list.push(r)
      else fresh.set(collection, [r])
    }
    for (const collection of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const a = before[collection]
      const b = after[collection]
      if (a === b) continue
      if (!Array.isArray(b)) return null
      const old = Array.isArray(a) ? a : []
      if (b.length < old.length) return null
      for (let i = 0; i < old.length; i++) {
        const was = old[i]
        const now = b[i]
        if (was === now) continue
        const key = typeof was === 'object' && was !== null ? owner.get(was) : undefined
        if (key === undefined || key !== ownerKey(collection, now, parts.siteSubject, parts.subjectIds))
          return null
        const wasId = idOf(was)
        if (wasId !== idOf(now)) {
          if (collection === 'subjects' || collection === 'sites') return null
          if (wasId !== null) removedIds.add(wasId)
        }
        const list = listFor(key, collection)
        const at = list.indexOf(was)
        if (at < 0) return null
        list[at] = now
        addFresh(collection, now)
      }
      if (b.length > old.length && (collection === 'subjects' || collection === 'sites')) return null
      for (let i = old.length; i < b.length; i++) {
        const now = b[i]
        const key = ownerKey(collection, now, parts.siteSubject, parts.subjectIds)
        listFor(key, collection).push(now)
        addFresh(collection, now)
        if (order === parts.order) order = parts.order.map(([c, runs]) => [c, runs.map((r) => [...r])])
        let entry = order.find(([c]) => c === collection)
        if (!entry) order.push((entry = [collection, []]))
        const runs = entry[1]
        const last = runs[runs.length - 1]
        if (last && last[0] === key) last[1]++
        else runs.push([key, 1])
      }
    }
    // An id that stays elsewhere in the workspace is not a deletion.
    if (removedIds.size > 0) for (const id of allIds(after)) removedIds.delete(id)
    const shards = new Map(parts.shards)
    for (const [key, byCollection] of dirty) shards.set(key, byCollection)
    return {
      next,
      dirty,
      gone: [],
      parts: { ...parts, shards, order },
      orderChanged: order !== parts.order,
      fresh,
      removedIds,
      base: current,
    }
  }

  const full = (next: Raw, all: boolean): WritePlan => {
    const p = partition(workspaceOf(next))
    const dirty = new Map<string, Collections>()
    const fresh = new Map<string, unknown[]>()
    for (const [key, byCollection] of p.shards) {
      if (!all && shardFiles.has(key) && sameLists(parts.shards.get(key), byCollection)) continue
      dirty.set(key, byCollection)
      for (const [collection, list] of byCollection) {
        const add = all ? list : list.filter((r) => !(typeof r === 'object' && r !== null && checked.has(r)))
        if (add.length > 0) fresh.set(collection, [...(fresh.get(collection) ?? []), ...add])
      }
    }
    const gone = [...shardFiles.keys()].filter((k) => !p.shards.has(k))
    const kept = allIds(workspaceOf(next))
    const removedIds = new Set([...allIds(workspaceOf(current))].filter((id) => !kept.has(id)))
    const orderChanged = all || !sameOrder(parts.order, p.order)
    return { next, dirty, gone, parts: p, orderChanged, fresh, removedIds, base: current }
  }

  const plan = (next: Raw): WritePlan => incremental(next) ?? full(next, false)

  const apply = (w: WritePlan, all = false) => {
    if (w.base !== current) throw new Error('store: a write plan made from an older state')
    const { next } = w
    const settingsChanged = all || next.settings !== current.settings
    checkNew(next, w.fresh, settingsChanged)
    const superseded: string[] = []
    for (const [key, byCollection] of w.dirty) {
      const old = shardFiles.get(key)
      if (old) superseded.push(old)
      shardFiles.set(key, writeShard(key, byCollection))
    }
    for (const key of w.gone) {
      superseded.push(shardFiles.get(key) as string)
      shardFiles.delete(key)
    }
    const changed =
      all ||
      w.dirty.size > 0 ||
      w.gone.length > 0 ||
      settingsChanged ||
      next.version !== current.version ||
      w.orderChanged
    if (changed) writeIndex(next, w.parts.order)
    // The index no longer names them: only the backups' own links keep their bytes.
    for (const name of superseded) rmSync(join(dir, name), { force: true })
    for (const list of w.fresh.values())
      for (const r of list) if (typeof r === 'object' && r !== null) checked.add(r)
    for (const [key, byCollection] of w.dirty)
      for (const list of byCollection.values())
        for (const r of list) if (typeof r === 'object' && r !== null) owner.set(r, key)
    parts = w.parts
    current = next
  }

  if (from.kind === 'write-all') apply(full(state, true), true)
  else remember(parts)

  return {
    path: indexPath,
    get store() {
      return current
    },
    set store(value) {
      apply(plan(value))
    },
    plan,
    apply: (w) => apply(w),
    indexText: () => indexText,
    shardPaths: () => [...shardFiles.values()].map((f) => join(dir, f)),
  }
}
