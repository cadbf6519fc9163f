/**
 * The split store's layout, as pure functions. The state is kept in one small index file
 * (`config.json`, the commit point) and one shard file per subject (`store/<name>.json`) holding
 * the subject and everything that belongs to it: its sites, materials and filing events.
 * Records that belong to no subject share the shard of key ''. The index names each subject's
 * shard and keeps, per collection, the order of the records as runs of shard keys, so the
 * workspace reads back exactly as it was written, in the same order.
 *
 * Shard files are never changed in place: a write creates new shards under new names and then
 * replaces the index in one rename, so a crash leaves the old state or the new one.
 */
import { randomBytes } from 'node:crypto'
import { isPlainObject } from './store-salvage'

export const SPLIT_FORMAT = 'beian-desk-split'
/** The folder of the live shard files, in the data folder. */
export const SHARD_DIR = 'store'
/** The folder of the backup generations' shard files (hard links), in backups/. */
export const POOL_DIR = 'shards'
/** Shard names: `<seq>-<random>.json`; never reused, so a link always means the same bytes. */
export const SHARD_FILE = /^[0-9a-z]+-[0-9a-f]{8}\.json$/

type Raw = Record<string, unknown>
type Run = [key: string, count: number]

export type SplitIndex = {
  format: typeof SPLIT_FORMAT
  version: number
  settings: unknown
  /** Subject key → shard file name. */
  shards: [key: string, file: string][]
  /** Collection → the order of its records as runs of shard keys. */
  order: [collection: string, runs: Run[]][]
  /** The last shard sequence number used (names are never reused). */
  seq?: number
}

export type Shard = { key: string; workspace: Record<string, unknown[]> }

export function isSplitIndex(value: unknown): value is SplitIndex {
  return (
    isPlainObject(value) &&
    value.format === SPLIT_FORMAT &&
    Array.isArray(value.shards) &&
    Array.isArray(value.order)
  )
}

const SPLIT_HEAD = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${SPLIT_FORMAT}"`)

/** An index file's text when it is one (else null: a legacy single-file store, or damage). */
export function splitIndexOf(text: string): SplitIndex | null {
  // The format comes first: a legacy file of megabytes is told apart without parsing it.
  if (!SPLIT_HEAD.test(text.slice(0, 64))) return null
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  return isSplitIndex(raw) ? raw : null
}

export function shardName(seq: number): string {
  return `${seq.toString(36)}-${randomBytes(4).toString('hex')}.json`
}

/** Which subject a record belongs to ('' for none), given the sites' subjects. */
export function ownerKey(
  collection: string,
  record: unknown,
  siteSubject: ReadonlyMap<string, string>,
  subjectIds: ReadonlySet<string>,
): string {
  if (!isPlainObject(record)) return ''
  if (collection === 'subjects') return typeof record.id === 'string' ? record.id : ''
  if (typeof record.subjectId === 'string') return record.subjectId
  if (typeof record.ownerId === 'string') {
    if (record.ownerKind === 'subject') return record.ownerId
    if (record.ownerKind === 'site') return siteSubject.get(record.ownerId) ?? ''
  }
  if (typeof record.siteId === 'string') return siteSubject.get(record.siteId) ?? ''
  for (const v of Object.values(record)) {
    if (typeof v !== 'string') continue
    if (subjectIds.has(v)) return v
    const viaSite = siteSubject.get(v)
    if (viaSite !== undefined) return viaSite
  }
  return ''
}

export type Partitioned = {
  /** Shard key → collection → records, in workspace order. */
  shards: Map<string, Map<string, unknown[]>>
  order: [string, Run[]][]
  /** Each site's subject and the subjects' ids, as `ownerKey` needs them. */
  siteSubject: Map<string, string>
  subjectIds: Set<string>
}

/** Splits a workspace into shards by owner, with the order runs that put it back together. */
export function partition(workspace: Raw): Partitioned {
  const siteSubject = new Map<string, string>()
  const subjectIds = new Set<string>()
  const subjects = Array.isArray(workspace.subjects) ? workspace.subjects : []
  for (const s of subjects) if (isPlainObject(s) && typeof s.id === 'string') subjectIds.add(s.id)
  const sites = Array.isArray(workspace.sites) ? workspace.sites : []
  for (const s of sites)
    if (isPlainObject(s) && typeof s.id === 'string' && typeof s.subjectId === 'string')
      siteSubject.set(s.id, s.subjectId)
  const shards = new Map<string, Map<string, unknown[]>>()
  const order: [string, Run[]][] = []
  for (const [collection, list] of Object.entries(workspace)) {
    if (!Array.isArray(list)) continue
    const runs: Run[] = []
    for (const record of list) {
      const key = ownerKey(collection, record, siteSubject, subjectIds)
      let byCollection = shards.get(key)
      if (!byCollection) shards.set(key, (byCollection = new Map()))
      let into = byCollection.get(collection)
      if (!into) byCollection.set(collection, (into = []))
      into.push(record)
      const last = runs[runs.length - 1]
      if (last && last[0] === key) last[1]++
      else runs.push([key, 1])
    }
    order.push([collection, runs])
  }
  return { shards, order, siteSubject, subjectIds }
}

export function sameOrder(a: readonly [string, Run[]][], b: readonly [string, Run[]][]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const [ca, ra] = a[i] as [string, Run[]]
    const [cb, rb] = b[i] as [string, Run[]]
    if (ca !== cb || ra.length !== rb.length) return false
    for (let j = 0; j < ra.length; j++) {
      const x = ra[j] as Run
      const y = rb[j] as Run
      if (x[0] !== y[0] || x[1] !== y[1]) return false
    }
  }
  return true
}

/**
 * Puts the workspace back together from the index and its shards. Tolerant: a shard that is
 * missing or holds fewer records than the runs say (a purged backup) just yields what it has,
 * and records no run names come last.
 */
export function assemble(index: SplitIndex, shardOf: (key: string) => Shard | undefined): Raw {
  const workspace: Raw = {}
  const taken = new Map<string, Map<string, number>>()
  const next = (key: string, collection: string): unknown[] => {
    const list = shardOf(key)?.workspace[collection]
    return Array.isArray(list) ? list : []
  }
  for (const [collection, runs] of index.order) {
    const out: unknown[] = []
    for (const [key, count] of runs) {
      let pos = taken.get(key)
      if (!pos) taken.set(key, (pos = new Map()))
      const at = pos.get(collection) ?? 0
      out.push(...next(key, collection).slice(at, at + count))
      pos.set(collection, at + count)
    }
    workspace[collection] = out
  }
  for (const [key] of index.shards) {
    const shard = shardOf(key)
    if (!shard) continue
    for (const [collection, list] of Object.entries(shard.workspace)) {
      if (!Array.isArray(list)) continue
      const at = taken.get(key)?.get(collection) ?? 0
      if (at >= list.length) continue
      const out = (workspace[collection] as unknown[] | undefined) ?? []
      out.push(...list.slice(at))
      workspace[collection] = out
    }
  }
  return { version: index.version, workspace, settings: index.settings }
}

export function parseShard(raw: unknown): Shard | undefined {
  if (!isPlainObject(raw) || typeof raw.key !== 'string' || !isPlainObject(raw.workspace)) return undefined
  return raw as Shard
}
