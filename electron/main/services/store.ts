/**
 * Opening the JSON store safely. A writer takes the data folder's writer lock, removes what a
 * crashed writer left (temp files, unreferenced material files), recovers a damaged file
 * (see store-recovery.ts) and refreshes a backup generation on every write; deleting a record
 * also deletes it from every generation. A read-only open takes no lock and changes nothing.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { writeFileAtomicSync } from './atomic-write'
import {
  referencedFiles,
  sweepOrphanMaterials,
  sweepReadOnlyCopies,
  sweepTempFiles,
  type SweepReport,
} from './orphan-sweep'
import { createStoreBackups, purgeFile, refersTo, withoutRecords, type StoreBackups } from './store-backups'
import {
  damagedCopies,
  fileStamp,
  isDamage,
  quarantinedRecordsIn,
  quarantineFiles,
  recoverStore,
  type StoreRecovery,
} from './store-recovery'
import { createSplitBackend, readSplit, sweepStrayShards, type SplitBackend } from './split-store'
import { IDENTITY_CODEC, readStoreText, type StoreCodec } from './store-codec'
import { splitIndexOf, type SplitIndex } from './store-layout'
import { EMPTY_STATE, type StoredState } from './store-options'
import { isPlainObject, parseJson, validateState } from './store-salvage'
import { acquireWriterLock, type WriterLock } from './writer-lock'

export type { StoreRecovery } from './store-recovery'

/** What the app needs from electron-store / conf. */
export type StoreBackend = {
  store: Record<string, unknown>
  readonly path: string
  /** True when `store` is already the checked state (schema defaults applied): no second parse. */
  readonly checked?: boolean
}

/** The store as opened: the backend plus what the open found and the folder's backups. */
export type OpenedStore = StoreBackend & {
  readonly dataDir: string
  readonly readOnly: boolean
  /** What recovery did at this open (null: the file opened as it was). */
  readonly recovery: StoreRecovery | null
  /** What the start-up sweep removed (null for read-only or a second open in this process). */
  readonly sweep: SweepReport | null
  readonly backups: StoreBackups
  /** The bytes seam every store file goes through (identity unless encryption is on). */
  readonly codec: StoreCodec
  /** Runs `write` without counting the records it drops as deletions (restoring a generation). */
  withoutPurge<R>(write: () => R): R
  /** Writes a generation of its own with the current file (before a restore). */
  snapshotSeparate(): string
  /** Gives the writer lock back; later writes are refused. */
  close(): void
}

export type OpenOptions = {
  readOnly?: boolean
  /** Who writes, for the lock message: 'app' (default), 'cli', 'bridge'. */
  owner?: string
  /** The data folder when `filePath` is a private copy (read-only opens). */
  dataDir?: string
  /** The file to name in messages when `filePath` is a private copy. */
  shownPath?: string
  /** Files younger than this survive the sweep when no lock says the last writer is gone. */
  graceMs?: number
  /** Encodes/decodes every store file's bytes (store files and backup generations); identity by default. */
  codec?: StoreCodec
}

/** A writer that does not lock (an older version of the app) may still be mid-write this long. */
export const DEFAULT_GRACE_MS = 5 * 60_000

let lastRecovery: StoreRecovery | null = null
/** The recovery that happened at the last open, if any (shown to the user once). */
export function takeStoreRecovery(): StoreRecovery | null {
  const r = lastRecovery
  lastRecovery = null
  return r
}

/** The one-copy backup of earlier versions; imported as a generation, then removed. */
export function backupPathOf(filePath: string): string {
  return filePath.replace(/\.json$/, '') + '.backup.json'
}

class StoreDamage extends Error {
  override name = 'StoreDamage'
}

/** Reads once: conf parses and validates with Ajv, zod adds what JSON schema cannot say. */
/**
 * conf fills a file of `{}`, `[]` or `null` with the defaults: an empty workspace, silently.
 * Every store the app wrote has a workspace, so such a file is damage. (Only small files can be
 * like that; a real workspace is never read twice.)
 */
function checkNotEmptied(filePath: string): void {
  let size: number
  try {
    size = statSync(filePath).size
  } catch {
    return // no file yet: the first start
  }
  if (size > 4096) return
  const raw = parseJson(readFileSync(filePath, 'utf8'))
  if (raw !== undefined && !(isPlainObject(raw) && isPlainObject(raw.workspace))) {
    throw new StoreDamage('Config schema violation: the file holds no workspace')
  }
}

function openChecked<T extends StoreBackend>(create: () => T, filePath: string): Record<string, unknown> {
  checkNotEmptied(filePath)
  const value = create().store
  const result = validateState(value)
  if (!result.success) throw new StoreDamage(`Config schema violation: ${result.error.message}`)
  return value
}

/**
 * A single-file store read through a codec other than the identity (conf reads only plain
 * JSON): the same checks, a file holding no workspace counts as damage as above.
 */
function openDecoded(filePath: string, codec: StoreCodec): Record<string, unknown> {
  // Recovery with no usable copy left removed the file: start from the defaults, as conf does.
  if (!existsSync(filePath)) return structuredClone(EMPTY_STATE)
  const raw = parseJson(readStoreText(filePath, codec))
  if (!(isPlainObject(raw) && isPlainObject(raw.workspace)))
    throw new StoreDamage('Config schema violation: the file holds no workspace')
  const result = validateState(raw)
  if (!result.success) throw new StoreDamage(`Config schema violation: ${result.error.message}`)
  return result.data
}

/** The ids of every record, to tell which ones a write drops. */
function recordIds(value: unknown): Set<string> {
  const ids = new Set<string>()
  const ws = isPlainObject(value) && isPlainObject(value.workspace) ? value.workspace : {}
  for (const list of Object.values(ws)) {
    if (Array.isArray(list))
      for (const e of list) if (isPlainObject(e) && typeof e.id === 'string') ids.add(e.id)
  }
  return ids
}

/**
 * The one-copy backup of earlier versions is only a recovery source: once the store opens,
 * it goes (it may still hold people deleted since it was taken).
 */
function importLegacyBackup(filePath: string, backups: StoreBackups): void {
  const legacy = backupPathOf(filePath)
  if (!existsSync(legacy)) return
  const text = readFileSync(legacy, 'utf8')
  if (validateState(parseJson(text)).success) backups.snapshotSeparate(text, statSync(legacy).mtime)
}

/** Ids whose deletion was stored but not yet purged from the kept copies (ids only, no data). */
export const PENDING_PURGE_FILE = 'purge.pending.json'
const pendingPurgePath = (dataDir: string) => join(dataDir, PENDING_PURGE_FILE)

/** Finishes a purge a crash interrupted; ids still in the store were never deleted. */
function finishPendingPurge(
  dataDir: string,
  filePath: string,
  backups: StoreBackups,
  current: unknown,
  codec: StoreCodec,
): void {
  const path = pendingPurgePath(dataDir)
  if (!existsSync(path)) return
  const listed = parseJson(readFileSync(path, 'utf8'))
  const live = recordIds(current)
  const ids = new Set(
    Array.isArray(listed) ? listed.filter((v): v is string => typeof v === 'string' && !live.has(v)) : [],
  )
  if (ids.size > 0) purgeEverywhere(dataDir, filePath, backups, ids, codec)
  rmSync(path, { force: true })
}

/**
 * Photos stay while a record points to them: in the store, in a quarantine file, or in a backup
 * generation (so restoring one brings its photos back). A deletion purges the generations first,
 * so a deleted record's photos are never kept this way.
 */
function recordsKeptAnywhere(
  dataDir: string,
  current: unknown,
  backups: StoreBackups,
  codec: StoreCodec,
): unknown[] {
  return [
    current,
    ...quarantineFiles(dataDir).flatMap((p) => quarantinedRecordsIn(p, codec)),
    ...backups.keptStates(),
  ]
}

function startUpSweep(
  dataDir: string,
  current: unknown,
  backups: StoreBackups,
  lock: WriterLock,
  graceMs: number,
  codec: StoreCodec,
): SweepReport {
  // A stale lock proves its writer is gone: its leftovers go now. No lock at all may mean an
  // older app version that does not lock is writing: then only old leftovers go.
  const olderThanMs = lock.previous === 'stale' ? 0 : graceMs
  const tempFiles = sweepTempFiles(dataDir, { olderThanMs })
  const kept = recordsKeptAnywhere(dataDir, current, backups, codec)
  const orphanFiles = sweepOrphanMaterials(dataDir, referencedFiles(kept), { olderThanMs })
  return { tempFiles, orphanFiles, readOnlyCopies: sweepReadOnlyCopies(dataDir) }
}

/** Deleting records deletes them from every kept copy, not only from the live file. */
function purgeEverywhere(
  dataDir: string,
  filePath: string,
  backups: StoreBackups,
  ids: ReadonlySet<string>,
  codec: StoreCodec = IDENTITY_CODEC,
): void {
  backups.purge(ids)
  for (const path of quarantineFiles(dataDir)) {
    purgeFile(
      path,
      ids,
      (raw) => {
        if (!isPlainObject(raw) || !Array.isArray(raw.records)) return null
        const gone = (r: unknown) => isPlainObject(r) && (ids.has(String(r.id)) || refersTo(r.record, ids))
        const records = raw.records.filter((r) => !gone(r))
        return records.length === raw.records.length ? null : { ...raw, records }
      },
      codec,
    )
  }
  for (const path of damagedCopies(dataDir, filePath))
    purgeFile(path, ids, (raw) => withoutRecords(raw, ids), codec)
}

/** The index of a split store at `filePath`, with its text; null for a legacy file, damage or none. */
function readIndex(filePath: string, codec: StoreCodec): { index: SplitIndex; text: string } | null {
  let text: string
  try {
    text = readStoreText(filePath, codec)
  } catch {
    return null // missing, unreadable or not ours to decode: the legacy path decides
  }
  const index = splitIndexOf(text)
  return index ? { index, text } : null
}

type Opened = {
  state: StoredState
  recovery: StoreRecovery | null
  /** The split store as read, when it opened as one without recovery. */
  split: { index: SplitIndex; text: string; files: Map<string, string> } | null
  /** The legacy file's text (to keep as a generation before migrating it). */
  legacyText: string | null
}

function openState<T extends StoreBackend>(
  create: () => T,
  filePath: string,
  dataDir: string,
  codec: StoreCodec,
  backups: StoreBackups,
  options: OpenOptions,
): Opened {
  const readOnly = options.readOnly ?? false
  const shownPath = options.shownPath ?? filePath
  let value: Record<string, unknown> | undefined
  const open = () =>
    void (value = codec === IDENTITY_CODEC ? openChecked(create, filePath) : openDecoded(filePath, codec))
  let found = readIndex(filePath, codec)
  if (found) {
    let read = readSplit(dataDir, found.index, codec)
    // A reader without the lock may see a writer replace shards between the index and them:
    // read the live index again before calling anything damaged.
    for (let retry = 0; readOnly && !read.ok && retry < 3; retry++) {
      const again = readIndex(shownPath, codec)
      if (!again) break
      found = again
      read = readSplit(dataDir, again.index, codec)
    }
    const checked = read.ok ? validateState(read.raw) : null
    if (read.ok && checked?.success)
      return {
        state: checked.data,
        recovery: null,
        split: { index: found.index, text: found.text, files: read.shards },
        legacyText: null,
      }
    // A shard that does not read, or records that do not validate: recover as for one file.
    if (!read.ok && read.file && !readOnly && existsSync(read.file))
      renameSync(read.file, `${filePath}.corrupt-${fileStamp()}-${basename(read.file)}`)
    const text = read.ok ? JSON.stringify(read.raw, null, '\t') : ''
    const recovery = recoverStore({ open, filePath, shownPath, backups, readOnly, text, codec })
    lastRecovery = recovery
    return { state: validated(value), recovery, split: null, legacyText: null }
  }
  let recovery: StoreRecovery | null = null
  try {
    open()
  } catch (error) {
    if (!existsSync(filePath) || !isDamage(error)) throw error
    if (!readOnly) importLegacyBackup(filePath, backups)
    recovery = recoverStore({ open, filePath, shownPath, backups, readOnly, codec })
    lastRecovery = recovery
  }
  let legacyText: string | null = null
  try {
    legacyText = readStoreText(filePath, codec)
  } catch {
    // no file: the first start
  }
  return { state: validated(value), recovery, split: null, legacyText }
}

function validated(value: Record<string, unknown> | undefined): StoredState {
  const result = validateState(value)
  if (!result.success) throw new StoreDamage(`Config schema violation: ${result.error.message}`)
  return result.data
}

export function openStore<T extends StoreBackend>(
  create: () => T,
  filePath: string,
  options: OpenOptions = {},
): OpenedStore {
  const readOnly = options.readOnly ?? false
  const dataDir = options.dataDir ?? dirname(filePath)
  const lock = readOnly ? null : acquireWriterLock(dataDir, { owner: options.owner ?? 'app' })
  try {
    const codec = options.codec ?? IDENTITY_CODEC
    const backups = createStoreBackups(dataDir, codec)
    const first = lock !== null && lock.previous !== 'this-process'
    const opened = existsSync(filePath)
      ? openState(create, filePath, dataDir, codec, backups, options)
      : { state: structuredClone(EMPTY_STATE), recovery: null, split: null, legacyText: null }
    const shownPath = options.shownPath ?? filePath
    if (readOnly)
      return wrap(null, { ...opened, dataDir, filePath, shownPath, backups, codec, lock, sweep: null })
    // A legacy single file is kept as a generation of its own, then written as the split store:
    // the index replaces config.json in one rename, so a crash before it leaves the legacy file.
    if (opened.legacyText !== null && first) {
      const newest = backups.ids()[0]
      if (newest === undefined || !backups.isSameAs(newest, opened.legacyText))
        backups.snapshotSeparate(opened.legacyText)
    }
    const backend = createSplitBackend(
      dataDir,
      filePath,
      codec,
      opened.state,
      opened.split
        ? { kind: 'read' as const, ...opened.split, indexText: opened.split.text }
        : { kind: 'write-all' as const },
    )
    let sweep: SweepReport | null = null
    if (lock && first) {
      rmSync(backupPathOf(filePath), { force: true })
      sweepStrayShards(
        dataDir,
        backend.shardPaths().map((p) => basename(p)),
      )
      finishPendingPurge(dataDir, filePath, backups, opened.state, codec)
      sweep = startUpSweep(dataDir, opened.state, backups, lock, options.graceMs ?? DEFAULT_GRACE_MS, codec)
      const snap = { index: backend.indexText(), shards: backend.shardPaths() }
      const newest = backups.ids()[0]
      if (newest === undefined || !backups.isSameAs(newest, snap)) backups.snapshotSeparate(snap)
    }
    return wrap(backend, { ...opened, dataDir, filePath, shownPath, backups, codec, lock, sweep })
  } catch (error) {
    lock?.release()
    throw error
  }
}

type WrapInput = {
  filePath: string
  shownPath: string
  dataDir: string
  recovery: StoreRecovery | null
  sweep: SweepReport | null
  backups: StoreBackups
  codec: StoreCodec
  lock: WriterLock | null
  state: StoredState
}

/** `inner` null: read-only, the state frozen as read. */
function wrap(inner: SplitBackend | null, w: WrapInput): OpenedStore {
  let purging = true
  let closed = false
  const frozen = inner ? null : w.state
  const snap = (b: SplitBackend) => ({ index: b.indexText(), shards: b.shardPaths() })
  return {
    path: w.shownPath,
    checked: true,
    dataDir: w.dataDir,
    readOnly: inner === null,
    recovery: w.recovery,
    sweep: w.sweep,
    backups: w.backups,
    codec: w.codec,
    get store() {
      return inner ? inner.store : structuredClone(frozen as StoredState)
    },
    set store(value) {
      if (!inner)
        throw new Error('这个数据目录是只读打开的，不能写入。请用写入模式打开（不带只读选项）再修改。')
      if (closed) throw new Error('数据已关闭，不能再写入。')
      const plan = inner.plan(value)
      const gone = purging ? plan.removedIds : new Set<string>()
      // A crash between this write and the purge is finished at the next start.
      if (gone.size > 0) writeFileAtomicSync(pendingPurgePath(w.dataDir), JSON.stringify([...gone]))
      inner.apply(plan)
      w.backups.snapshot(snap(inner))
      if (gone.size > 0) {
        purgeEverywhere(w.dataDir, w.filePath, w.backups, gone, w.codec)
        rmSync(pendingPurgePath(w.dataDir), { force: true })
      }
    },
    withoutPurge(write) {
      purging = false
      try {
        return write()
      } finally {
        purging = true
      }
    },
    snapshotSeparate() {
      if (!inner) throw new Error('只读打开的数据目录不能修改，请用写入模式打开后再试。')
      return w.backups.snapshotSeparate(snap(inner))
    },
    close() {
      closed = true
      w.lock?.release()
    },
  }
}
