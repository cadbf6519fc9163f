import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

import type { Settings } from '../../../core/api'
import type { Workspace } from '../../../core/model'
import type { Deadline } from '../../../core/filing/deadlines'
import { handlersFor } from '../../../electron/main/ipc/index'
import {
  dueNotice,
  startDueNotifications,
  startDueNotificationsFor,
  type DueTimers,
} from '../../../electron/main/notifications'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createServices } from '../../../electron/main/services/container'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { useTempDirs } from '../../support/temp-dir'
import { makeIndividual, makeSite } from '../../support/factories'
import { fake, FakeNotification } from './fake-electron'

/** One client with a site opened `daysAgo` days before 2026-12-07 and nothing filed yet. */
function workspace(daysAgo: number): Workspace {
  const subject = makeIndividual()
  const opened = new Date(Date.UTC(2026, 11, 7 - daysAgo)).toISOString().slice(0, 10)
  const site = makeSite(subject.id, { name: '示例博客', openingDate: opened })
  return { subjects: [subject], sites: [site], materials: [] }
}

function setup(ws: Workspace, settings: Partial<Settings> = {}) {
  const scheduled: Array<() => void> = []
  const timers: DueTimers = {
    setTimeout: (fn) => scheduled.push(fn),
    setInterval: (fn) => scheduled.push(fn),
  }
  let now = new Date(2026, 11, 7, 9, 0)
  const onClick = vi.fn()
  const check = startDueNotifications(
    { workspace: () => ws, settings: () => ({ language: 'zh-CN', lastExportDir: '', ...settings }) },
    onClick,
    () => now,
    timers,
  )
  return { check, scheduled, onClick, setNow: (d: Date) => (now = d) }
}

describe('daily due notification', () => {
  beforeEach(() => fake.reset())

  it('schedules a first check and an hourly one', () => {
    expect(setup(workspace(40)).scheduled).toHaveLength(2)
  })

  it('shows what is overdue once per day and focuses the window on click', async () => {
    const { check, onClick, setNow } = setup(workspace(40))
    expect(await check()).toBe(true)
    expect(FakeNotification.shown).toHaveLength(1)
    const [note] = FakeNotification.shown
    expect(note?.options.title).toContain('已逾期')
    expect(note?.options.body).toContain('示例博客')
    expect(note?.options.body).toContain('已逾期 10 天')
    note?.emit('click')
    expect(onClick).toHaveBeenCalledOnce()

    expect(await check()).toBe(false)
    setNow(new Date(2026, 11, 7, 23, 59))
    expect(await check()).toBe(false)
    setNow(new Date(2026, 11, 8, 0, 30))
    expect(await check()).toBe(true)
    expect(FakeNotification.shown).toHaveLength(2)
  })

  it('stays quiet when switched off, unsupported, or nothing is due', async () => {
    expect(await setup(workspace(40), { dueNotifications: false }).check()).toBe(false)
    expect(await setup(workspace(3)).check()).toBe(false)
    FakeNotification.supported = false
    expect(await setup(workspace(40)).check()).toBe(false)
    expect(FakeNotification.shown).toHaveLength(0)
  })

  it('lists at most four lines and counts the rest', () => {
    const ws = workspace(40)
    const site = ws.sites[0]
    if (!site) throw new Error('no site')
    const sites = Array.from({ length: 6 }, (_, i) => ({ ...site, id: `s${i}`, name: `站${i}` }))
    const deadline: Deadline = {
      kind: 'file-by',
      label: '开通后30日内备案',
      date: '2026-11-27',
      daysLeft: -10,
      overdue: true,
      soft: false,
      detail: '',
      uncoveredYears: [],
    }
    const items = sites.map((s) => ({ row: { client: '张三', site: s.name, domain: '' } as never, deadline }))
    const notice = dueNotice(items)
    expect(notice?.body.split('\n')).toHaveLength(5)
    expect(notice?.body).toContain('等 6 项')
    expect(dueNotice([])).toBeNull()
  })
})

describe("the off switch through main's handlers and the real store", () => {
  const tempDir = useTempDirs()
  beforeEach(() => fake.reset())

  it('is stored, survives a restart, and silences the check', async () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 7, 9, 0), toFake: ['Date', 'setTimeout', 'setInterval'] })
    try {
      const dir = tempDir()
      const open = () => {
        const store = openConfStore(dir)
        const services = createServices(dir, store, 'assets/divisions')
        const dialogs = { pickImages: async () => [], pickExportTarget: async () => null }
        return { store, handlers: handlersFor(services, { dialogs, openExternal: async () => false }) }
      }
      const first = open()
      createWorkspaceRepo(first.store).commit(workspace(40))
      first.store.close()
      const second = open()
      expect(await startDueNotificationsFor(second.handlers, () => undefined)()).toBe(true)
      const ctx = { emit: () => undefined }
      await second.handlers['settings:set']({ dueNotifications: false }, ctx)
      second.store.close()
      const third = open()
      expect((await third.handlers['settings:get'](undefined, ctx)).dueNotifications).toBe(false)
      expect(await startDueNotificationsFor(third.handlers, () => undefined)()).toBe(false)
      third.store.close()
      expect(FakeNotification.shown).toHaveLength(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
