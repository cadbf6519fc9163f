import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync, statSync, utimesSync, writeFileSync, existsSync, readdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openConfStore } from '../../../electron/main/services/conf-store'
import {
  acquireWriterLock,
  LOCK_FILE,
  readWriterLock,
  WriterLockError,
  type LockHolder,
} from '../../../electron/main/services/writer-lock'
import { makeIndividual } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { upsertSubject } from '../../../core/workspace'

const tempDir = useTempDirs()
const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
})

/** A live process of this user that is not this one (it just sleeps). */
async function liveProcess(): Promise<{ pid: number; startedAt: string }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' })
  children.push(child)
  await new Promise((resolve) => child.once('spawn', resolve))
  return { pid: child.pid as number, startedAt: new Date().toISOString() }
}

/** A pid whose process has exited (and been reaped). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid as number
}

function plantLock(dir: string, over: Partial<LockHolder>): LockHolder {
  const holder: LockHolder = {
    pid: 1,
    startedAt: new Date().toISOString(),
    hostname: hostname(),
    owner: 'cli',
    token: 'a'.repeat(32),
    ...over,
  }
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(holder))
  return holder
}

describe('writer lock', () => {
  it('records pid, start time and host, owner-only, and goes on release', () => {
    const dir = tempDir()
    const lock = acquireWriterLock(dir, { owner: 'cli' })
    const onDisk = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockHolder
    expect(onDisk).toMatchObject({ pid: process.pid, hostname: hostname(), owner: 'cli' })
    expect(Math.abs(Date.parse(onDisk.startedAt) - (Date.now() - process.uptime() * 1000))).toBeLessThan(2000)
    expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600)
    expect(lock.previous).toBe('none')
    expect(readWriterLock(dir)).toMatchObject({ live: true, holder: { token: onDisk.token } })
    lock.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    // No temp file of the exclusive create is left behind.
    expect(readdirSync(dir)).toEqual([])
  })

  it('creates the data folder on the very first start, owner-only', () => {
    const dir = join(tempDir(), 'beian-desk')
    const lock = acquireWriterLock(dir)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(readWriterLock(dir).holder?.pid).toBe(process.pid)
    lock.release()
  })

  it('is shared within one process and goes with the last reference', () => {
    const dir = tempDir()
    const a = acquireWriterLock(dir)
    const b = acquireWriterLock(dir)
    expect(b.previous).toBe('this-process')
    a.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true)
    b.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })

  it('refuses a second writer while another live process holds it, naming that process', async () => {
    const dir = tempDir()
    const other = await liveProcess()
    const holder = plantLock(dir, other)
    let error: unknown
    try {
      acquireWriterLock(dir)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(WriterLockError)
    expect((error as WriterLockError).message).toContain(`进程 ${other.pid}`)
    expect((error as WriterLockError).message).toMatch(/同一时间只能有一个程序修改数据/)
    // The holder's lock is untouched.
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual(holder)
    // So does the store opener for writing; a read-only open still works.
    expect(() => openConfStore(dir)).toThrow(WriterLockError)
    expect(openConfStore(dir, { readOnly: true }).readOnly).toBe(true)
  })

  it('takes over a lock whose process is gone', () => {
    const dir = tempDir()
    plantLock(dir, { pid: deadPid() })
    expect(readWriterLock(dir).live).toBe(false)
    const lock = acquireWriterLock(dir)
    expect(lock.previous).toBe('stale')
    expect(readWriterLock(dir).holder?.pid).toBe(process.pid)
    lock.release()
  })

  it('takes over a lock whose pid now belongs to a process that started at another time', async () => {
    const dir = tempDir()
    const other = await liveProcess()
    plantLock(dir, { pid: other.pid, startedAt: '2001-01-01T00:00:00.000Z' })
    const lock = acquireWriterLock(dir)
    expect(lock.previous).toBe('stale')
    lock.release()
  })

  it('takes over a lock left by an earlier process with this very pid', () => {
    const dir = tempDir()
    plantLock(dir, { pid: process.pid, token: 'b'.repeat(32) })
    const lock = acquireWriterLock(dir)
    expect(lock.previous).toBe('stale')
    lock.release()
  })

  it('never takes over a lock held on another computer, and says how to clear it', () => {
    const dir = tempDir()
    plantLock(dir, { pid: deadPid(), hostname: 'other-pc.example' })
    expect(() => acquireWriterLock(dir)).toThrow(/另一台电脑 other-pc\.example.*请删除 .*writer\.lock/)
  })

  it('waits for a lock being written, and takes over one left unreadable by a crash', () => {
    const dir = tempDir()
    const path = join(dir, LOCK_FILE)
    writeFileSync(path, '')
    expect(() => acquireWriterLock(dir)).toThrow(/请稍等几秒再试/)
    const old = new Date(Date.now() - 60_000)
    utimesSync(path, old, old)
    const lock = acquireWriterLock(dir)
    expect(lock.previous).toBe('stale')
    lock.release()
  })

  it('a read-only open takes no lock, writes nothing and removes no writer temp file', async () => {
    const dir = tempDir()
    const writer = openConfStore(dir)
    const repo = createWorkspaceRepo(writer)
    const subject = makeIndividual()
    repo.commit(upsertSubject(repo.workspace(), subject))
    writer.close()
    // Another live process writes now; its temp file is in the middle of being written.
    const other = await liveProcess()
    plantLock(dir, other)
    const temp = join(dir, 'config.json.tmp-1765000000abc123')
    writeFileSync(temp, '{"half": ')
    const old = new Date(Date.now() - 3_600_000)
    utimesSync(temp, old, old)
    const before = readdirSync(dir).sort()
    const configBefore = readFileSync(join(dir, 'config.json'), 'utf8')
    const reader = openConfStore(dir, { readOnly: true })
    expect(createWorkspaceRepo(reader).workspace().subjects).toEqual([subject])
    expect(() => {
      reader.store = {}
    }).toThrow(/只读/)
    expect(readdirSync(dir).sort()).toEqual(before)
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(configBefore)
    expect(existsSync(temp)).toBe(true)
  })

  it('a read-only open of a damaged store recovers in memory, reports it and leaves the disk as it was', () => {
    const dir = tempDir()
    const writer = openConfStore(dir)
    const repo = createWorkspaceRepo(writer)
    const subject = makeIndividual()
    repo.commit(upsertSubject(repo.workspace(), subject))
    writer.close()
    writeFileSync(join(dir, 'config.json'), '{"broken')
    const before = readdirSync(dir).sort()
    const reader = openConfStore(dir, { readOnly: true })
    expect(createWorkspaceRepo(reader).workspace().subjects).toEqual([subject])
    expect(reader.recovery).toMatchObject({
      outcome: 'restored-generation',
      repairedOnDisk: false,
      quarantined: join(dir, 'config.json'),
    })
    expect(reader.recovery?.summary).toMatch(/只读打开：磁盘上的文件未改动/)
    expect(readdirSync(dir).sort()).toEqual(before)
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{"broken')
  })
})
