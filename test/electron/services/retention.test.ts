import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { requestSchemas } from '../../../core/api-schemas'
import type { Material, Workspace } from '../../../core/model'
import { handlersFor } from '../../../electron/main/ipc/index'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createServices } from '../../../electron/main/services/container'
import { makeIndividual, makeMaterial, makeSite, makeSiteEvent } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()

function allFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...allFiles(path))
    else out.push({ path: relative(dir, path), text: readFileSync(path, 'latin1') })
  }
  return out
}

/** A 个人 site badged on 2026-01-15 with its ID front and its domain certificate, and backups taken. */
async function setup() {
  const dir = tempDir()
  const store = openConfStore(dir)
  const services = createServices(dir, store, 'assets/divisions')
  const subject = makeIndividual()
  const site = makeSite(subject.id)
  const photo = makeMaterial('subject', subject.id, 'principal-id-front')
  const cert = makeMaterial('site', site.id, 'domain-certificate')
  for (const m of [photo, cert]) {
    await services.files.write(m.originalFile, Buffer.from(`original ${m.slot}`))
    await services.files.write(m.compressedFile, Buffer.from(`compressed ${m.slot}`))
  }
  const ws: Workspace = {
    subjects: [subject],
    sites: [site],
    materials: [photo, cert],
    filingEvents: [
      makeSiteEvent(site.id, 'submitted', '2026-01-02'),
      makeSiteEvent(site.id, 'filed', '2026-01-10'),
      makeSiteEvent(site.id, 'badged', '2026-01-15'),
    ],
  }
  services.repo.commit(ws)
  store.snapshotSeparate()
  const handlers = handlersFor(services, {
    dialogs: { pickImages: async () => [], pickExportTarget: async () => null },
    openExternal: async () => false,
  })
  return { dir, store, services, handlers, photo, cert, site }
}

const fileExists = (dir: string, m: Material) =>
  existsSync(join(dir, m.originalFile)) || existsSync(join(dir, m.compressedFile))

describe('retention in main', () => {
  it('lists nothing and deletes nothing while the setting is off', async () => {
    const { dir, store, services, photo } = await setup()
    expect(services.retention.due()).toEqual([])
    expect(await services.retention.apply([photo.id])).toMatchObject({ removed: 0 })
    expect(fileExists(dir, photo)).toBe(true)
    store.close()
  })

  it('only lists what is due; listing deletes nothing', async () => {
    const { dir, store, services, handlers, photo } = await setup()
    services.repo.updateSettings({ retentionDays: 30 })
    const due = await handlers['retention:due'](undefined, { emit: () => undefined })
    expect(due.map((d) => d.materialId)).toEqual([photo.id])
    expect(due[0]).toMatchObject({ badgedOn: '2026-01-15', dueOn: '2026-02-14', label: '身份证正面' })
    expect(fileExists(dir, photo)).toBe(true)
    expect(services.repo.workspace().materials).toHaveLength(2)
    store.close()
  })

  it('deletes a confirmed photo like a user deletion: files, record and every backup generation; the certificate stays', async () => {
    const { dir, store, services, handlers, photo, cert } = await setup()
    services.repo.updateSettings({ retentionDays: 30 })
    expect(allFiles(dir).filter((f) => f.text.includes(photo.originalFile)).length).toBeGreaterThan(1)

    const req = requestSchemas['retention:apply'].parse({ materialIds: [photo.id, cert.id] })
    const out = await handlers['retention:apply'](req, { emit: () => undefined })

    expect(out.removed).toBe(1)
    expect(fileExists(dir, photo)).toBe(false)
    expect(fileExists(dir, cert)).toBe(true)
    const ws = services.repo.workspace()
    expect(ws.materials.map((m) => m.id)).toEqual([cert.id])
    expect(ws.retentionRemovals).toEqual([
      expect.objectContaining({ ownerId: photo.ownerId, slot: 'principal-id-front', badgedOn: '2026-01-15' }),
    ])
    // No store file or generation still points to the deleted photo's files.
    expect(
      allFiles(dir)
        .filter((f) => f.text.includes(photo.originalFile))
        .map((f) => f.path),
    ).toEqual([])
    expect(services.retention.due()).toEqual([])
    store.close()
  })

  it('the note survives a restart (stored with the workspace)', async () => {
    const { dir, store, services, photo } = await setup()
    services.repo.updateSettings({ retentionDays: 90 })
    await services.retention.apply([photo.id])
    store.close()
    const again = openConfStore(dir)
    const reopened = createServices(dir, again, 'assets/divisions')
    expect(reopened.repo.workspace().retentionRemovals?.[0]?.slot).toBe('principal-id-front')
    expect(reopened.repo.settings().retentionDays).toBe(90)
    again.close()
  })
})

describe('retention request schemas', () => {
  it.each([
    [{ retentionDays: 30 }, true],
    [{ retentionDays: 0 }, true],
    [{ retentionDays: 365 }, true],
    [{ retentionDays: 7 }, false],
    [{ retentionDays: '30' }, false],
  ])('settings:set %j → %s', (payload, ok) => {
    expect(requestSchemas['settings:set'].safeParse(payload).success).toBe(ok)
  })

  it.each([
    [undefined],
    [{}],
    [{ materialIds: [] }],
    [{ materialIds: ['x'.repeat(65)] }],
    [{ materialIds: ['a'], all: true }],
    [{ materialIds: 'a' }],
  ])('retention:apply refuses %j', (payload) => {
    expect(requestSchemas['retention:apply'].safeParse(payload).success).toBe(false)
  })

  it('retention:due takes no payload', () => {
    expect(requestSchemas['retention:due'].safeParse(undefined).success).toBe(true)
    expect(requestSchemas['retention:due'].safeParse({ all: true }).success).toBe(false)
  })
})
