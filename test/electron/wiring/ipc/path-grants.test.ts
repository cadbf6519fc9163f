/**
 * Issue 12, "paths are capabilities": main reads and writes only paths its own dialogs answered
 * or files dropped onto the window (registered by the preload, checked as regular files). Every
 * channel that takes a path refuses any other one with a code and a Chinese message.
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import type { Channel } from '../../../../core/api'
import { requestSchemas } from '../../../../core/api-schemas'
import { upsertSite, upsertSubject } from '../../../../core/workspace'
import { dispatch } from '../../../../electron/main/ipc/dispatch'
import { handlersFor } from '../../../../electron/main/ipc/index'
import type { HandlerContext } from '../../../../electron/main/ipc/types'
import { openConfStore } from '../../../../electron/main/services/conf-store'
import { createServices } from '../../../../electron/main/services/container'
import { PathGrants } from '../../../../electron/main/services/path-grants'
import type { OpenedStore } from '../../../../electron/main/services/store'
import { makeIndividual, makeSite } from '../../../support/factories'
import { useTempDirs } from '../../../support/temp-dir'

const tempDir = useTempDirs()
const opened: OpenedStore[] = []
afterEach(() => {
  for (const s of opened.splice(0)) s.close()
})

const win = (scope: string): HandlerContext => ({ emit: () => undefined, scope })
const A = win('window-1')
const B = win('window-2')

async function png(path: string): Promise<string> {
  const body = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#d8e4f0' } })
    .png()
    .toBuffer()
  writeFileSync(path, body)
  return path
}

async function setup() {
  const dir = tempDir()
  const data = join(dir, 'data')
  mkdirSync(data)
  const store = openConfStore(data)
  opened.push(store)
  const services = createServices(data, store, 'assets/divisions')
  const subject = makeIndividual()
  const site = makeSite(subject.id)
  services.repo.commit(upsertSite(upsertSubject(services.repo.workspace(), subject), site))
  const picks: (string[] | string | null)[] = []
  const dialogs = {
    pickImages: async () => {
      const next = picks.shift()
      return Array.isArray(next) ? next : []
    },
    pickExportTarget: async () => {
      const next = picks.shift()
      return typeof next === 'string' ? next : null
    },
  }
  const grants = new PathGrants()
  const handlers = handlersFor(services, { dialogs, openExternal: async () => false, grants })
  const call = (channel: Channel, req: unknown, ctx: HandlerContext = A) =>
    dispatch(handlers, channel, req, ctx, () => undefined)
  const photo = await png(join(dir, '身份证正面.png'))
  return { dir, services, subject, site, picks, grants, call, photo }
}

type Setup = Awaited<ReturnType<typeof setup>>

function refused(result: unknown, code = 'path/not-granted'): void {
  expect(result).toMatchObject({ ok: false, error: { code } })
  const message = (result as { error: { message: string } }).error.message
  expect(message).toMatch(/[\u4e00-\u9fff]/)
  if (code === 'path/not-granted') expect(message).toMatch(/请重新选择或拖入/)
}

/** A granted call went through (on failure, says what main answered). */
function succeeded(result: unknown): void {
  expect(JSON.stringify(result)).toMatch(/^\{"ok":true/)
}

/** Every request of a channel that takes a path, aimed at `path` (a file) or `dir` (a folder). */
function forged(s: Setup, file: string, dir: string): [Channel, unknown][] {
  const { subject, site } = s
  return [
    [
      'materials:import',
      { ownerKind: 'subject', ownerId: subject.id, slot: 'principal-id-front', path: file },
    ],
    ['batch:compress', { batchId: 'b1', paths: [file], outDir: dir, maxBytes: 400_000 }],
    ['packet:export', { siteId: site.id, format: 'zip', target: join(dir, 'loot.zip'), force: true }],
    ['packet:export', { siteId: site.id, format: 'folder', target: dir, force: true }],
    ['packet:exportMany', { batchId: 'm1', siteIds: [site.id], format: 'zip', outDir: dir, force: true }],
  ]
}

describe('path grants on every channel that takes a path', () => {
  it('refuses a path the renderer made up, on every channel, and writes nothing', async () => {
    const s = await setup()
    const out = join(s.dir, 'out')
    mkdirSync(out)
    for (const [channel, req] of forged(s, s.photo, out)) refused(await s.call(channel, req))
    refused(await s.call('materials:import', { ...(forged(s, '/etc/passwd', out)[0]?.[1] as object) }))
    // The file manager reveals only the last export (its contract answers false, not an error).
    expect(await s.call('system:showItemInFolder', { path: s.photo })).toEqual({ ok: true, value: false })
    expect(readdirSync(out)).toEqual([])
    expect(s.services.repo.workspace().materials).toEqual([])
  })

  it('covers every path-like field of the contract (a new one must be added here and checked)', () => {
    const pathKeys = /^(path|paths|target|outDir|file|folder|dir)$/
    const found: string[] = []
    for (const [channel, schema] of Object.entries(requestSchemas)) {
      const shape = (schema as { shape?: Record<string, unknown> }).shape
      for (const key of Object.keys(shape ?? {})) if (pathKeys.test(key)) found.push(`${channel}.${key}`)
    }
    expect(found.sort()).toEqual(
      [
        'batch:compress.outDir',
        'batch:compress.paths',
        'materials:import.path',
        'packet:export.target',
        'packet:exportMany.outDir',
        'paths:registerDropped.paths',
        'system:showItemInFolder.path',
      ].sort(),
    )
  })

  it('imports a file picked in main’s dialog, in that window only', async () => {
    const s = await setup()
    s.picks.push([s.photo])
    expect(await s.call('dialog:pickImages', { multiple: false })).toEqual({ ok: true, value: [s.photo] })
    const req = { ownerKind: 'subject', ownerId: s.subject.id, slot: 'principal-id-front', path: s.photo }
    refused(await s.call('materials:import', req, B))
    succeeded(await s.call('materials:import', req))
    expect(s.services.repo.workspace().materials).toHaveLength(1)
  })

  it('compresses dropped files into the folder picked for the batch, and only there', async () => {
    const s = await setup()
    const out = join(s.dir, 'out')
    mkdirSync(out)
    expect(await s.call('paths:registerDropped', { paths: [s.photo] })).toEqual({
      ok: true,
      value: [s.photo],
    })
    const req = { batchId: 'b1', paths: [s.photo], outDir: out, maxBytes: 400_000 }
    refused(await s.call('batch:compress', req))
    s.picks.push(out)
    await s.call('dialog:pickExportTarget', { format: 'folder', suggestedName: '压缩后', purpose: 'batch' })
    const sub = join(out, 'sub')
    mkdirSync(sub)
    refused(await s.call('batch:compress', { ...req, outDir: sub }))
    const done = await s.call('batch:compress', req)
    succeeded(done)
    expect(done).toMatchObject({ ok: true, value: { cancelled: false } })
    expect(readdirSync(out).filter((n) => n.endsWith('.jpg'))).toHaveLength(1)
  })

  it('a granted folder lets main write into it, never read a file out of it', async () => {
    const s = await setup()
    const folder = join(s.dir, 'picked')
    mkdirSync(folder)
    const inside = await png(join(folder, '里面.png'))
    s.picks.push(folder)
    await s.call('dialog:pickExportTarget', { format: 'folder', suggestedName: '材料包' })
    const req = { ownerKind: 'subject', ownerId: s.subject.id, slot: 'principal-id-front', path: inside }
    refused(await s.call('materials:import', req))
    refused(
      await s.call('batch:compress', { batchId: 'b2', paths: [folder], outDir: folder, maxBytes: 400_000 }),
    )
  })

  it('writes a packet only to the zip or folder picked for it, never one kind for the other', async () => {
    const s = await setup()
    const zip = join(s.dir, '示例.zip')
    s.picks.push(zip)
    await s.call('dialog:pickExportTarget', { format: 'zip', suggestedName: '示例' })
    refused(await s.call('packet:export', { siteId: s.site.id, format: 'folder', target: zip, force: true }))
    refused(
      await s.call('packet:export', { siteId: s.site.id, format: 'zip', target: `${zip}.zip`, force: true }),
    )
    expect(
      await s.call('packet:export', { siteId: s.site.id, format: 'zip', target: zip, force: true }),
    ).toMatchObject({ ok: true })
    expect(existsSync(zip)).toBe(true)
    const outDir = join(s.dir, 'many')
    mkdirSync(outDir)
    const many = { batchId: 'm1', siteIds: [s.site.id], format: 'zip', outDir, force: true }
    refused(await s.call('packet:exportMany', many))
    s.picks.push(outDir)
    await s.call('dialog:pickExportTarget', { format: 'folder', suggestedName: '材料包' })
    expect(await s.call('packet:exportMany', many)).toMatchObject({ ok: true })
    expect(readdirSync(outDir).some((n) => n.endsWith('.zip'))).toBe(true)
  })

  it('refuses dropped folders, links and missing files with their own messages', async () => {
    const s = await setup()
    const folder = join(s.dir, '一个文件夹')
    mkdirSync(folder)
    const link = join(s.dir, '链接.png')
    symlinkSync(s.photo, link)
    const missing = join(s.dir, '不存在.png')
    await s.call('paths:registerDropped', { paths: [folder, link, missing] })
    const importing = (path: string) =>
      s.call('materials:import', {
        ownerKind: 'subject',
        ownerId: s.subject.id,
        slot: 'principal-id-front',
        path,
      })
    refused(await importing(folder), 'path/dropped-folder')
    refused(await importing(link), 'path/dropped-link')
    refused(await importing(missing), 'path/dropped-missing')
  })

  it('runs a batch with a dropped folder among the files: that row says why, the others are compressed', async () => {
    const s = await setup()
    const folder = join(s.dir, '一个文件夹')
    mkdirSync(folder)
    const out = join(s.dir, 'out')
    mkdirSync(out)
    await s.call('paths:registerDropped', { paths: [s.photo, folder] })
    s.picks.push(out)
    await s.call('dialog:pickExportTarget', { format: 'folder', suggestedName: '压缩后', purpose: 'batch' })
    const req = { batchId: 'b3', paths: [s.photo, folder], outDir: out, maxBytes: 400_000 }
    const result = await s.call('batch:compress', req)
    succeeded(result)
    const rows = (
      result as { value: { results: { output?: string; error?: { code: string; message: string } }[] } }
    ).value.results
    expect(rows[0]?.output).toBeDefined()
    expect(rows[1]?.error).toMatchObject({
      code: 'path/dropped-folder',
      message: expect.stringMatching(/文件夹/),
    })
    // One path main never handed out still refuses the whole batch, before anything is written.
    refused(await s.call('batch:compress', { ...req, batchId: 'b4', paths: [s.photo, '/etc/hostname'] }))
    expect(readdirSync(out).filter((n) => n.endsWith('.jpg'))).toHaveLength(1)
  })

  it('checks a dropped file again when it is used: swapped for a link meanwhile, it is refused', async () => {
    const s = await setup()
    const dropped = await png(join(s.dir, '拖入.png'))
    await s.call('paths:registerDropped', { paths: [dropped] })
    unlinkSync(dropped)
    symlinkSync('/etc/hostname', dropped)
    const req = { ownerKind: 'subject', ownerId: s.subject.id, slot: 'principal-id-front', path: dropped }
    refused(await s.call('materials:import', req), 'path/dropped-link')
  })

  it('refuses a malformed or oversized registration before anything is granted', async () => {
    const s = await setup()
    for (const req of [
      { paths: [] },
      { paths: ['x'.repeat(5000)] },
      { paths: Array(501).fill(s.photo) },
      {},
    ]) {
      expect(await s.call('paths:registerDropped', req)).toMatchObject({
        ok: false,
        error: { code: 'ipc/invalid-request' },
      })
    }
    expect(s.grants.size('window-1')).toBe(0)
  })
})

describe('PathGrants', () => {
  it('forgets a grant unused for the time to live, and renews one in use', () => {
    let now = 0
    const grants = new PathGrants({ ttlMs: 1000, now: () => now })
    grants.grant('w', 'folder', ['/out/a', '/out/b'])
    now = 900
    grants.require('w', 'folder', '/out/a')
    now = 1500
    expect(() => grants.require('w', 'folder', '/out/b')).toThrow(/已拒绝读写/)
    expect(() => grants.require('w', 'folder', '/out/a')).not.toThrow()
  })

  it('holds a bounded number of grants per window and of windows, dropping the least recently used', () => {
    const grants = new PathGrants({ maxPerScope: 3, maxScopes: 2 })
    grants.grant('w1', 'target', ['/a.zip', '/b.zip', '/c.zip'])
    grants.require('w1', 'target', '/a.zip')
    grants.grant('w1', 'target', ['/d.zip'])
    expect(grants.size('w1')).toBe(3)
    expect(grants.has('w1', 'target', '/a.zip')).toBe(true)
    expect(grants.has('w1', 'target', '/b.zip')).toBe(false)
    grants.grant('w2', 'target', ['/e.zip'])
    grants.grant('w3', 'target', ['/f.zip'])
    expect(grants.size('w1')).toBe(0)
    expect(grants.has('w3', 'target', '/f.zip')).toBe(true)
  })

  it('matches the resolved path, not its spelling, and forgets a closed window', () => {
    const grants = new PathGrants()
    grants.grant('w', 'file', ['/in/x/../a.png'])
    expect(() => grants.require('w', 'file', '/in/./a.png')).not.toThrow()
    grants.forget('w')
    expect(() => grants.require('w', 'file', '/in/a.png')).toThrow(/已拒绝读写/)
  })
})
