/**
 * One writer per data folder: the app and the CLI never write the same workspace at once.
 * The lock is `writer.lock` in the data folder, holding pid, process start time, hostname and a
 * random token. It is created exclusively with its full contents (a hard link of a written temp
 * file), so no reader ever sees half a lock. A lock whose process is gone (dead pid, or a pid
 * reused by a process that started at another time) is stale and is taken over.
 * Read-only work never takes the lock.
 */
import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { TEMP_INFIX } from './atomic-write'

export const LOCK_FILE = 'writer.lock'
/** How far a recorded start time may drift from the one the OS reports for the same process. */
const START_TIME_TOLERANCE_MS = 30_000
/** An unreadable lock younger than this may still be in the middle of a takeover. */
const UNREADABLE_GRACE_MS = 10_000

export type LockHolder = {
  pid: number
  /** When the holding process started (ISO); tells a live holder from a reused pid. */
  startedAt: string
  hostname: string
  /** Who holds it, for the message: 'app', 'cli', 'bridge'… */
  owner: string
  token: string
}

/** What was in the lock's place when it was acquired. */
export type LockPrevious = 'none' | 'stale' | 'this-process'

export type WriterLock = {
  readonly path: string
  readonly holder: LockHolder
  readonly previous: LockPrevious
  /** Gives this reference back; the file goes when the process's last reference does. */
  release(): void
}

export class WriterLockError extends Error {
  readonly code = 'store/locked'
  constructor(
    message: string,
    readonly holder: LockHolder | null,
  ) {
    super(message)
    this.name = 'WriterLockError'
  }
}

type Held = { holder: LockHolder; path: string; refs: number }
const held = new Map<string, Held>()

function processStartedAt(): string {
  return new Date(Date.now() - process.uptime() * 1000).toISOString()
}

/** The OS's own start time for `pid` (Linux /proc), or null where it cannot tell. */
function osStartTimeMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[19]) // field 22, counted from field 3 (state)
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]
    if (!Number.isFinite(ticks) || !btime) return null
    return Number(btime) * 1000 + (ticks / 100) * 1000 // USER_HZ is 100 on Linux
  } catch {
    return null
  }
}

/** True while the holding process may still be running (another host: assumed running). */
export function isHolderAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true
  if (holder.pid === process.pid) return [...held.values()].some((h) => h.holder.token === holder.token)
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
  }
  const osStart = osStartTimeMs(holder.pid)
  const recorded = Date.parse(holder.startedAt)
  if (
    osStart !== null &&
    Number.isFinite(recorded) &&
    Math.abs(osStart - recorded) > START_TIME_TOLERANCE_MS
  ) {
    return false // the pid now belongs to a process that started at another time
  }
  return true
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>
    if (typeof v.pid !== 'number' || typeof v.token !== 'string' || typeof v.hostname !== 'string')
      return null
    return {
      pid: v.pid,
      token: v.token,
      hostname: v.hostname,
      startedAt: String(v.startedAt),
      owner: String(v.owner),
    }
  } catch {
    return null
  }
}

export type LockState = { holder: LockHolder | null; live: boolean; unreadable: boolean }

/** Who holds the lock of `dataDir` now, without touching it (for read-only work). */
export function readWriterLock(dataDir: string): LockState {
  let text: string
  try {
    text = readFileSync(join(dataDir, LOCK_FILE), 'utf8')
  } catch {
    return { holder: null, live: false, unreadable: false }
  }
  const holder = parseHolder(text)
  if (!holder) return { holder: null, live: false, unreadable: true }
  return { holder, live: isHolderAlive(holder), unreadable: false }
}

function ownerLabel(owner: string): string {
  if (owner === 'app') return 'Beian Desk 应用'
  if (owner === 'cli') return 'beian-desk 命令行'
  if (owner === 'bridge') return '浏览器测试桥（web bridge）'
  return owner
}

function lockedMessage(dataDir: string, holder: LockHolder | null): string {
  if (!holder) return `数据目录 ${dataDir} 正被另一个程序写入（锁文件正在创建）。请稍等几秒再试。`
  const who = `${ownerLabel(holder.owner)}（进程 ${holder.pid}，启动于 ${holder.startedAt}）`
  if (holder.hostname !== hostname()) {
    return `数据目录 ${dataDir} 正被另一台电脑 ${holder.hostname} 上的${who}使用。请先在那台电脑上关闭它；如果确定已没有程序在使用，请删除 ${join(dataDir, LOCK_FILE)} 后重试。`
  }
  return `数据目录 ${dataDir} 正被${who}写入，同一时间只能有一个程序修改数据。请先关闭它再试；只读的命令（如 validate、export）可以同时运行。`
}

/** Creates the lock file with its full contents, or fails with EEXIST. */
function createExclusive(path: string, holder: LockHolder): void {
  const temp = `${path}${TEMP_INFIX}${randomBytes(6).toString('hex')}`
  writeFileSync(temp, JSON.stringify(holder), { mode: 0o600, flag: 'wx' })
  try {
    linkSync(temp, path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw error
    // No hard links here (FAT, some network drives): a plain exclusive create. A crash mid-write
    // then leaves an unreadable lock, which is taken over once it is old.
    writeFileSync(path, JSON.stringify(holder), { mode: 0o600, flag: 'wx' })
  } finally {
    rmSync(temp, { force: true })
  }
}

/** Moves a stale lock out of the way; false when what it moved turned out to be a live lock. */
function removeStale(path: string, stale: LockHolder | null): boolean {
  const aside = `${path}.stale-${randomBytes(6).toString('hex')}`
  try {
    renameSync(path, aside)
  } catch {
    return true // already gone: someone else cleared it
  }
  const moved = parseHolder(readFileSync(aside, 'utf8'))
  if (moved && stale && moved.token !== stale.token) {
    // Another process took over between our read and our rename: put its lock back.
    try {
      linkSync(aside, path)
    } catch {
      // a third one holds it now; either way it is not ours
    }
    rmSync(aside, { force: true })
    return false
  }
  rmSync(aside, { force: true })
  return true
}

function isOld(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms
  } catch {
    return true
  }
}

/**
 * Takes the writer lock of `dataDir`, or throws WriterLockError with a message that names the
 * holder. Within one process the lock is shared (reference-counted): the app is one writer.
 */
export function acquireWriterLock(dataDir: string, options: { owner?: string } = {}): WriterLock {
  const path = join(dataDir, LOCK_FILE)
  const mine = held.get(path)
  if (mine && readWriterLock(dataDir).holder?.token === mine.holder.token) {
    mine.refs += 1
    return handle(mine, 'this-process')
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 }) // the first start: nothing is there yet
  const holder: LockHolder = {
    pid: process.pid,
    startedAt: processStartedAt(),
    hostname: hostname(),
    owner: options.owner ?? 'app',
    token: randomBytes(16).toString('hex'),
  }
  let previous: LockPrevious = 'none'
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createExclusive(path, holder)
      const entry: Held = { holder, path, refs: 1 }
      held.set(path, entry)
      return handle(entry, previous)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const state = readWriterLock(dataDir)
    const stale = state.holder ? !state.live : state.unreadable && isOld(path, UNREADABLE_GRACE_MS)
    if (!stale) throw new WriterLockError(lockedMessage(dataDir, state.holder), state.holder)
    if (!removeStale(path, state.holder)) continue
    previous = 'stale'
  }
  throw new WriterLockError(lockedMessage(dataDir, readWriterLock(dataDir).holder), null)
}

function handle(entry: Held, previous: LockPrevious): WriterLock {
  let released = false
  return {
    path: entry.path,
    holder: entry.holder,
    previous,
    release() {
      if (released) return
      released = true
      entry.refs -= 1
      if (entry.refs > 0) return
      held.delete(entry.path)
      removeIfOurs(entry)
    },
  }
}

function removeIfOurs(entry: Held): void {
  try {
    if (parseHolder(readFileSync(entry.path, 'utf8'))?.token === entry.holder.token)
      rmSync(entry.path, { force: true })
  } catch {
    // already gone
  }
}

/** True when this process holds the writer lock of `dataDir`. */
export function holdsWriterLock(dataDir: string): boolean {
  return held.has(join(dataDir, LOCK_FILE))
}

// A clean exit gives the lock back; a crash leaves it stale for the next writer to take over.
process.on('exit', () => {
  for (const entry of held.values()) removeIfOurs(entry)
  held.clear()
})
