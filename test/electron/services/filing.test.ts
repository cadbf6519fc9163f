import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { handlersFor } from '../../../electron/main/ipc/index'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createServices } from '../../../electron/main/services/container'
import { AppFailure } from '../../../electron/main/services/app-error'
import { createFilingService } from '../../../electron/main/services/filing'
import type { OpenedStore } from '../../../electron/main/services/store'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { requestSchemas } from '../../../core/api-schemas'
import { makeIndividual, makeSite } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'
import { storedWorkspace } from '../../support/stored-workspace'

const tempDir = useTempDirs()
const opened: OpenedStore[] = []
const open = (dir: string): OpenedStore => {
  for (const s of opened.splice(0)) s.close()
  const store = openConfStore(dir)
  opened.push(store)
  return store
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close()
})

const subject = makeIndividual()
const site = makeSite(subject.id, { interactive: false })
/** A store written before the filing desk existed: no filingEvents, no holidayYears. */
const oldState = () => ({
  version: 1,
  workspace: { subjects: [subject], sites: [site], materials: [] },
  settings: { language: 'zh-CN', lastExportDir: '' },
})
const clock = () => new Date('2026-12-07T10:00:00+08:00')

describe('an older workspace', () => {
  it('loads without events and takes its first event, which survives a restart', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'config.json'), JSON.stringify(oldState()))
    const repo = createWorkspaceRepo(open(dir))
    expect(repo.workspace().sites).toHaveLength(1)
    expect(repo.workspace().filingEvents ?? []).toEqual([])
    const filing = createFilingService(repo, clock)
    const change = filing.record({
      ownerKind: 'site',
      ownerId: site.id,
      kind: 'submitted',
      date: '2026-12-07',
      operator: '王经办',
    })
    expect(change.filingEvents).toHaveLength(1)
    expect(change.event).toMatchObject({
      kind: 'submitted',
      operator: '王经办',
      recordedAt: '2026-12-07T02:00:00.000Z',
    })
    const again = createWorkspaceRepo(open(dir))
    expect(again.workspace().filingEvents).toEqual([change.event])
    expect(storedWorkspace(dir).filingEvents).toHaveLength(1)
  })

  it('keeps the user’s holiday years in the settings', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'config.json'), JSON.stringify(oldState()))
    const repo = createWorkspaceRepo(open(dir))
    repo.updateSettings({ holidayYears: [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }] })
    expect(createWorkspaceRepo(open(dir)).settings().holidayYears).toEqual([
      { year: 2027, holidays: ['2027-01-01'], workdays: [] },
    ])
  })
})

describe('the filing service re-checks what the renderer sends', () => {
  function service() {
    const dir = tempDir()
    writeFileSync(join(dir, 'config.json'), JSON.stringify(oldState()))
    const repo = createWorkspaceRepo(open(dir))
    return { repo, filing: createFilingService(repo, clock) }
  }

  it('refuses an illegal transition with the Chinese reason and stores nothing', () => {
    const { repo, filing } = service()
    const attempt = () =>
      filing.record({ ownerKind: 'site', ownerId: site.id, kind: 'badged', date: '2026-12-07' })
    expect(attempt).toThrow(AppFailure)
    expect(attempt).toThrow(/还没有公安备案号/)
    expect(repo.workspace().filingEvents ?? []).toEqual([])
  })

  it('refuses a date after today by main’s clock', () => {
    const { filing } = service()
    expect(() =>
      filing.record({ ownerKind: 'site', ownerId: site.id, kind: 'submitted', date: '2026-12-08' }),
    ).toThrow(/晚于今天/)
  })

  it('undoes the last event, and says so when there is none', () => {
    const { repo, filing } = service()
    filing.record({ ownerKind: 'site', ownerId: site.id, kind: 'submitted', date: '2026-12-01' })
    filing.record({ ownerKind: 'site', ownerId: site.id, kind: 'reviewing', date: '2026-12-02' })
    const undone = filing.undo({ ownerKind: 'site', ownerId: site.id })
    expect(undone.event.kind).toBe('reviewing')
    expect(repo.workspace().filingEvents?.map((e) => e.kind)).toEqual(['submitted'])
    filing.undo({ ownerKind: 'site', ownerId: site.id })
    expect(() => filing.undo({ ownerKind: 'site', ownerId: site.id })).toThrow('没有可以撤销的记录。')
  })

  it('drops events of a deleted site at the next write', () => {
    const { repo, filing } = service()
    filing.record({ ownerKind: 'site', ownerId: site.id, kind: 'submitted', date: '2026-12-01' })
    repo.commit({ ...repo.workspace(), sites: [] })
    const change = filing.record({
      ownerKind: 'subject',
      ownerId: subject.id,
      kind: 'submitted',
      date: '2026-12-02',
    })
    expect(change.filingEvents.map((e) => e.ownerKind)).toEqual(['subject'])
  })
})

describe('filing handlers and request schemas', () => {
  it('are wired into the handler map', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'config.json'), JSON.stringify(oldState()))
    const services = createServices(dir, open(dir), join(dir, 'divisions'))
    const handlers = handlersFor(services, {
      dialogs: { pickImages: async () => [], pickExportTarget: async () => null },
      openExternal: async () => false,
    })
    const ctx = { emit: () => undefined }
    const req = requestSchemas['filing:record'].parse({
      ownerKind: 'site',
      ownerId: site.id,
      kind: 'submitted',
      date: '2026-11-30',
    })
    const change = await handlers['filing:record'](req, ctx)
    expect(change.event.kind).toBe('submitted')
    const undone = await handlers['filing:undo']({ ownerKind: 'site', ownerId: site.id }, ctx)
    expect(undone.filingEvents).toEqual([])
  })

  it.each([
    [{ ownerKind: 'site', ownerId: 'x', kind: 'published', date: '2026-11-30' }],
    [{ ownerKind: 'client', ownerId: 'x', kind: 'submitted', date: '2026-11-30' }],
    [{ ownerKind: 'site', ownerId: 'x', kind: 'submitted', date: '2026-11-30T00:00' }],
    [{ ownerKind: 'site', ownerId: 'x', kind: 'submitted', date: '2026-11-30', note: 'x'.repeat(501) }],
    [
      {
        ownerKind: 'site',
        ownerId: 'x',
        kind: 'interview',
        date: '2026-11-30',
        interview: { mode: 'video' },
      },
    ],
  ])('the schema refuses %j', (payload) => {
    expect(requestSchemas['filing:record'].safeParse(payload).success).toBe(false)
  })

  it('the settings schema refuses holiday dates outside their year', () => {
    const bad = { holidayYears: [{ year: 2027, holidays: ['2026-10-01'], workdays: [] }] }
    expect(requestSchemas['settings:set'].safeParse(bad).success).toBe(false)
    const good = { holidayYears: [{ year: 2027, holidays: ['2027-10-01'], workdays: ['2027-09-26'] }] }
    expect(requestSchemas['settings:set'].safeParse(good).success).toBe(true)
  })
})
