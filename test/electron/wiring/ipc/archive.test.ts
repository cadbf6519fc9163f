/**
 * archive:export / archive:import through the real dispatch: the payload is a passphrase and
 * nothing else (no path: main's own dialogs choose the file), an import goes only into an empty
 * workspace, is staged beside the data folder and moved in at the next start, resumably.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Channel, Events } from '../../../../core/api'
import { upsertSite, upsertSubject } from '../../../../core/workspace'
import type { ArchiveDialogs } from '../../../../electron/main/ipc/archive'
import { dispatch } from '../../../../electron/main/ipc/dispatch'
import { handlersFor } from '../../../../electron/main/ipc/index'
import { applyPendingImport, incomingDir } from '../../../../electron/main/services/archive/pending'
import { openConfStore } from '../../../../electron/main/services/conf-store'
import { createServices } from '../../../../electron/main/services/container'
import type { OpenedStore } from '../../../../electron/main/services/store'
import { bundleChildScript } from '../../../support/child-script'
import { makeIndividual, makeSite } from '../../../support/factories'
import { storedWorkspace } from '../../../support/stored-workspace'
import { useTempDirs } from '../../../support/temp-dir'

type ArchiveProgressEvent = Events['archive:progress']

const tempDir = useTempDirs()
const opened: OpenedStore[] = []
afterEach(() => {
  for (const s of opened.splice(0)) s.close()
})
const PASS = '应用里的迁移包口令'
const HOLDER = `
import { acquireWriterLock } from './electron/main/services/writer-lock'
acquireWriterLock(process.argv[2], { owner: 'cli' })
process.stdout.write('held\\n')
setInterval(() => undefined, 1000)
`

function app(opts: { filled: boolean; dialogs?: boolean; relaunch?: () => void }) {
  const data = join(tempDir(), 'beian-desk')
  mkdirSync(data)
  const store = openConfStore(data)
  opened.push(store)
  const services = createServices(data, store, 'assets/divisions')
  if (opts.filled) {
    const subject = makeIndividual()
    services.repo.commit(upsertSite(upsertSubject(services.repo.workspace(), subject), makeSite(subject.id)))
  }
  const picks: (string | null)[] = []
  const archiveDialogs: ArchiveDialogs = {
    pickArchiveTarget: async () => picks.shift() ?? null,
    pickArchiveFile: async () => picks.shift() ?? null,
  }
  const handlers = handlersFor(services, {
    dialogs: { pickImages: async () => [], pickExportTarget: async () => null },
    openExternal: async () => false,
    ...(opts.dialogs === false ? {} : { archiveDialogs }),
    ...(opts.relaunch ? { relaunch: opts.relaunch } : {}),
  })
  const events: { event: string; payload: unknown }[] = []
  const call = (channel: Channel, req: unknown) =>
    dispatch(
      handlers,
      channel,
      req,
      { emit: (event, payload) => events.push({ event, payload }) },
      () => undefined,
    )
  return { data, store, picks, call, events }
}

describe('archive IPC', () => {
  it('validates the payload: a passphrase only, never a path from the renderer', async () => {
    const { call } = app({ filled: true })
    for (const channel of ['archive:export', 'archive:import'] as const)
      for (const bad of [
        undefined,
        {},
        { passphrase: '' },
        { passphrase: 12345678 },
        { passphrase: 'x'.repeat(1025) },
        { passphrase: PASS, path: '/etc/shadow' },
        { passphrase: PASS, target: '/tmp/out.bdxa' },
        { passphrase: PASS, progressId: '' },
        { passphrase: PASS, progressId: 'a b' },
        { passphrase: PASS, progressId: 'x'.repeat(65) },
        { passphrase: PASS, progressId: 7 },
      ])
        expect(await call(channel, bad), `${channel} ${JSON.stringify(bad)}`).toMatchObject({
          ok: false,
          error: { code: 'ipc/invalid-request' },
        })
  })

  it('refuses without dialogs and answers null when the dialog is cancelled', async () => {
    expect(
      await app({ filled: true, dialogs: false }).call('archive:export', { passphrase: PASS }),
    ).toMatchObject({
      ok: false,
      error: { code: 'archive/unavailable' },
    })
    expect(await app({ filled: true }).call('archive:export', { passphrase: PASS })).toEqual({
      ok: true,
      value: null,
    })
  })

  it('exports to the dialog path (0600); imports only into an empty workspace, moved in at the next start', async () => {
    const source = app({ filled: true })
    const out = join(tempDir(), '迁移包.bdxa')
    source.picks.push(out)
    const short = await source.call('archive:export', { passphrase: 'short' })
    expect(short).toMatchObject({ ok: false, error: { code: 'archive/weak-passphrase' } })
    source.picks.length = 0
    source.picks.push(out)
    expect(await source.call('archive:export', { passphrase: PASS })).toMatchObject({
      ok: true,
      value: { path: out, encrypted: false },
    })
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600)

    // A workspace with data refuses before any dialog opens.
    source.picks.push(out)
    expect(await source.call('archive:import', { passphrase: PASS })).toMatchObject({
      ok: false,
      error: {
        code: 'archive/workspace-not-empty',
        message: expect.stringContaining('空的工作区') as unknown,
      },
    })

    const relaunch = vi.fn()
    const target = app({ filled: false, relaunch })
    target.picks.push(out)
    const wrong = await target.call('archive:import', { passphrase: '错误的迁移包口令' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'archive/wrong-passphrase' } })
    expect(existsSync(incomingDir(target.data))).toBe(false)
    target.picks.push(out)
    expect(await target.call('archive:import', { passphrase: PASS })).toMatchObject({
      ok: true,
      value: { encrypted: false, unlockWith: 'none', restart: 'automatic' },
    })
    await vi.waitFor(() => expect(relaunch).toHaveBeenCalledTimes(1), { timeout: 5000 })
    target.store.close()
    // The next start: the staged workspace moves in, the old (empty) one is kept aside.
    const moved = applyPendingImport(target.data)
    expect(moved.applied).toBe(true)
    expect(existsSync(incomingDir(target.data))).toBe(false)
    expect(existsSync(join(moved.keptAs as string, 'config.json'))).toBe(true)
    source.store.close()
    expect(storedWorkspace(target.data)).toEqual(storedWorkspace(source.data))
    expect(applyPendingImport(target.data)).toEqual({ applied: false })
  }, 20_000)

  it('reports archive:progress under the id the window gave, and nothing without one', async () => {
    const source = app({ filled: true })
    const out = join(tempDir(), 'p.bdxa')
    source.picks.push(out)
    await source.call('archive:export', { passphrase: PASS })
    expect(source.events).toEqual([])
    rmSync(out)
    source.picks.push(out)
    const exported = await source.call('archive:export', { passphrase: PASS, progressId: 'exp-1' })
    expect(exported.ok).toBe(true)
    const ex = source.events.map((e) => e.payload as ArchiveProgressEvent)
    expect(source.events.every((e) => e.event === 'archive:progress')).toBe(true)
    expect(ex.every((p) => p.progressId === 'exp-1' && p.operation === 'export')).toBe(true)
    expect(ex[0]?.phase).toBe('key')
    expect(ex.at(-1)).toMatchObject({ phase: 'writing', done: ex.at(-1)?.total })

    const target = app({ filled: false })
    target.picks.push(out)
    expect((await target.call('archive:import', { passphrase: PASS, progressId: 'imp-1' })).ok).toBe(true)
    const im = target.events.map((e) => e.payload as ArchiveProgressEvent)
    expect(im.every((p) => p.progressId === 'imp-1' && p.operation === 'import')).toBe(true)
    expect([...new Set(im.map((p) => p.phase))]).toEqual(['key', 'checking', 'writing'])
    expect(im.at(-1)).toMatchObject({ phase: 'writing', done: im.at(-1)?.total })
  }, 20_000)

  it('a start killed while moving in is finished by the next start', async () => {
    const source = app({ filled: true })
    const out = join(tempDir(), 'w.bdxa')
    source.picks.push(out)
    await source.call('archive:export', { passphrase: PASS })
    const target = app({ filled: false })
    target.picks.push(out)
    await target.call('archive:import', { passphrase: PASS })
    target.store.close()
    // As if killed mid-way: the old entries went aside, the marker was written, one entry moved.
    const incoming = incomingDir(target.data)
    const aside = `${target.data}.before-import-test`
    mkdirSync(aside)
    for (const name of readdirSync(target.data))
      if (['config.json', 'store', 'backups', 'keys.json'].includes(name))
        renameSync(join(target.data, name), join(aside, name))
    writeFileSync(join(incoming, '.moving-in'), aside)
    renameSync(join(incoming, 'store'), join(target.data, 'store'))
    expect(applyPendingImport(target.data)).toEqual({ applied: true, keptAs: aside })
    source.store.close()
    expect(storedWorkspace(target.data)).toEqual(storedWorkspace(source.data))
    // A staging folder that never finished (no config.json) is not moved in.
    rmSync(incomingDir(target.data), { recursive: true, force: true })
    mkdirSync(join(incomingDir(target.data), 'store'), { recursive: true })
    expect(applyPendingImport(target.data)).toEqual({ applied: false })
  }, 20_000)

  it('moves nothing in while another process (the CLI) writes the data folder', async () => {
    const source = app({ filled: true })
    const out = join(tempDir(), 'w.bdxa')
    source.picks.push(out)
    await source.call('archive:export', { passphrase: PASS })
    const target = app({ filled: false })
    target.picks.push(out)
    await target.call('archive:import', { passphrase: PASS })
    target.store.close()
    const script = await bundleChildScript(HOLDER, 'lock-holder', tempDir())
    const child = spawn(process.execPath, [script, target.data], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      await new Promise<void>((held) => createInterface({ input: child.stdout }).once('line', () => held()))
      expect(applyPendingImport(target.data)).toEqual({ applied: false })
      expect(existsSync(join(incomingDir(target.data), 'config.json'))).toBe(true)
    } finally {
      child.kill('SIGKILL')
      await new Promise((done) => child.once('close', done))
    }
    expect(applyPendingImport(target.data).applied).toBe(true) // the next start, the writer gone
    source.store.close()
    expect(storedWorkspace(target.data)).toEqual(storedWorkspace(source.data))
  }, 60_000)
})
