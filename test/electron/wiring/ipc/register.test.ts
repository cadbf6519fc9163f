import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { API_CHANNELS, CHANNELS, type Channel, type Result } from '../../../../core/api'
import { handleInvoke, registerIpc, type SenderPolicy } from '../../../../electron/main/ipc/register'
import type { Handlers, HandlerContext } from '../../../../electron/main/ipc/types'
import { fake, FakeWebContents, FakeWebFrame } from '../fake-electron'

const PACKAGED: SenderPolicy = { isPackaged: true, devServerUrl: undefined }
const log = { error: vi.fn(), warn: vi.fn() }

type Handler = (req: unknown, ctx: HandlerContext) => unknown
type FakeHandlers = Record<Channel, ReturnType<typeof vi.fn<Handler>>>

function fakeHandlers(): FakeHandlers {
  return Object.fromEntries(CHANNELS.map((c) => [c, vi.fn<Handler>(() => `${c} done`)])) as FakeHandlers
}

function eventFrom(contents: FakeWebContents, frame: FakeWebFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame }
}

let handlers: FakeHandlers
let contents: FakeWebContents

function setUp(policy: SenderPolicy = PACKAGED): void {
  registerIpc(fake.ipcMain as unknown as IpcMain, handlers as unknown as Handlers, policy, log)
}

async function call(channel: string, event: object, ...args: unknown[]): Promise<Result<unknown>> {
  const listener = fake.ipcMain.handlers.get(channel)
  if (!listener) throw new Error(`no handler registered for ${channel}`)
  return (await listener(event as IpcMainInvokeEvent, ...args)) as Result<unknown>
}

const CHINESE = /[\u4e00-\u9fff]/

describe('registerIpc', () => {
  beforeEach(() => {
    fake.reset()
    handlers = fakeHandlers()
    contents = new FakeWebContents()
    log.error.mockClear()
    log.warn.mockClear()
  })

  it('registers exactly the channels of the contract', () => {
    setUp()
    expect(new Set(fake.ipcMain.handlers.keys())).toEqual(new Set(Object.keys(API_CHANNELS)))
    expect(fake.ipcMain.handle).toHaveBeenCalledTimes(Object.keys(API_CHANNELS).length)
  })

  it('removes every channel with the returned function', () => {
    const unregister = registerIpc(
      fake.ipcMain as unknown as IpcMain,
      handlers as unknown as Handlers,
      PACKAGED,
      log,
    )
    unregister()
    expect(fake.ipcMain.handlers.size).toBe(0)
  })

  it('refuses to start when a handler is missing', () => {
    const partial: Partial<FakeHandlers> = { ...handlers }
    delete partial['packet:export']
    expect(() =>
      registerIpc(fake.ipcMain as unknown as IpcMain, partial as unknown as Handlers, PACKAGED, log),
    ).toThrow(/packet:export/)
  })

  it('passes a valid call from the app main frame to the handler', async () => {
    setUp()
    const result = await call('external:open', eventFrom(contents), { url: 'https://beian.mps.gov.cn/' })
    expect(result).toEqual({ ok: true, value: 'external:open done' })
    expect(handlers['external:open']).toHaveBeenCalledWith(
      { url: 'https://beian.mps.gov.cn/' },
      expect.anything(),
    )
  })

  it('accepts a channel without payload', async () => {
    setUp()
    expect(await call('workspace:load', eventFrom(contents))).toEqual({
      ok: true,
      value: 'workspace:load done',
    })
  })

  it.each([
    ['a foreign origin', 'https://evil.example/index.html'],
    ['a file URL', 'file:///work/main/out/renderer/index.html'],
    ['another app host', 'app://evil/index.html'],
    ['a lookalike app host', 'app://bundle.evil/index.html'],
    ['the dev server in a packaged app', 'http://localhost:5173/'],
    ['about:blank', 'about:blank'],
    ['an unparsable URL', 'not a url'],
  ])('refuses a main frame showing %s', async (_label, url) => {
    setUp()
    contents.mainFrame.url = url
    const result = await call('settings:get', eventFrom(contents))
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc/untrusted-sender' } })
    expect(handlers['settings:get']).not.toHaveBeenCalled()
  })

  it('refuses a subframe even when it is served from app://bundle', async () => {
    setUp()
    const subframe = new FakeWebFrame('app://bundle/index.html', contents.mainFrame)
    const result = await call('settings:get', eventFrom(contents, subframe))
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc/untrusted-sender' } })
    expect(result.ok === false && CHINESE.test(result.error.message)).toBe(true)
    expect(handlers['settings:get']).not.toHaveBeenCalled()
  })

  it('refuses a missing, detached or foreign top-level frame', async () => {
    setUp()
    const other = new FakeWebContents()
    const detached = new FakeWebFrame('app://bundle/index.html')
    detached.detached = true
    for (const event of [
      eventFrom(contents, null),
      eventFrom(contents, other.mainFrame),
      { sender: { mainFrame: detached }, senderFrame: detached },
    ]) {
      expect(await call('settings:get', event)).toMatchObject({
        ok: false,
        error: { code: 'ipc/untrusted-sender' },
      })
    }
    expect(handlers['settings:get']).not.toHaveBeenCalled()
  })

  it('trusts the dev server origin only when not packaged', async () => {
    setUp({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })
    contents.mainFrame.url = 'http://localhost:5173/#/sites'
    expect(await call('settings:get', eventFrom(contents))).toMatchObject({ ok: true })
    contents.mainFrame.url = 'http://localhost:5174/'
    expect(await call('settings:get', eventFrom(contents))).toMatchObject({ ok: false })
    contents.mainFrame.url = 'app://bundle/index.html'
    expect(await call('settings:get', eventFrom(contents))).toMatchObject({ ok: true })
  })

  it.each([
    ['materials:import', { ownerKind: 'site', ownerId: 's1', slot: 'domain-certificate' }],
    ['materials:import', { ownerKind: 'site', ownerId: 's1', slot: 'no-such-slot', path: '/x.jpg' }],
    ['external:open', { url: 42 }],
    ['system:showItemInFolder', { path: '' }],
    ['system:showItemInFolder', { path: 42 }],
    ['external:open', 'https://beian.mps.gov.cn/'],
    ['dialog:pickImages', undefined],
    ['workspace:load', { unexpected: true }],
    ['materials:source', { id: 'm1', longSide: 800, pdfPage: 0 }],
    ['materials:source', { id: 'm1', longSide: 800, pdfPage: 51 }],
    [
      'materials:edit',
      { id: 'm1', maxBytes: 512_000, edit: { rotate: 0, crop: null, watermark: null, pdfPage: 1.5 } },
    ],
  ])('refuses an invalid %s payload with a Chinese message', async (channel, payload) => {
    setUp()
    const result = await call(channel, eventFrom(contents), payload)
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc/invalid-request' } })
    expect(result.ok === false && CHINESE.test(result.error.message)).toBe(true)
    expect(handlers[channel as Channel]).not.toHaveBeenCalled()
  })

  it('refuses extra arguments', async () => {
    setUp()
    const result = await call(
      'external:open',
      eventFrom(contents),
      { url: 'https://beian.mps.gov.cn/' },
      'extra',
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc/invalid-request' } })
    expect(handlers['external:open']).not.toHaveBeenCalled()
  })

  it('maps an unexpected error to a generic Chinese message and logs it', async () => {
    setUp()
    handlers['settings:get'].mockImplementation(() => {
      throw new Error('EACCES: /home/someone/.config/secret')
    })
    const result = await call('settings:get', eventFrom(contents))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(CHINESE.test(result.error.message)).toBe(true)
    expect(JSON.stringify(result)).not.toContain('EACCES')
    expect(log.error).toHaveBeenCalled()
  })

  it('maps a rejected promise the same way', async () => {
    setUp()
    handlers['packet:export'].mockImplementation(() => Promise.reject(new TypeError('x is undefined')))
    const result = await call('packet:export', eventFrom(contents), {
      siteId: 's1',
      format: 'zip',
      target: '/tmp/a.zip',
    })
    expect(result).toMatchObject({ ok: false })
    expect(JSON.stringify(result)).not.toContain('undefined')
  })

  it('passes through an error that carries a code and a Chinese message', async () => {
    class DomainError extends Error {
      readonly code = 'packet/missing-materials'
      readonly details = ['域名证书']
    }
    setUp()
    handlers['packet:export'].mockImplementation(() => {
      throw new DomainError('材料不完整，无法导出。请先补齐以下材料。')
    })
    const result = await call('packet:export', eventFrom(contents), {
      siteId: 's1',
      format: 'zip',
      target: '/tmp/a.zip',
    })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'packet/missing-materials',
        message: '材料不完整，无法导出。请先补齐以下材料。',
        details: ['域名证书'],
      },
    })
  })

  it('lets a handler emit allow-listed events to the calling window only', async () => {
    setUp()
    handlers['materials:import'].mockImplementation((_req, ctx) => {
      ctx.emit('materials:progress', { slot: 'domain-certificate', ownerId: 's1', stage: 'done' })
      ;(ctx.emit as (name: string, payload: unknown) => void)('shell:run', { cmd: 'x' })
      return 'imported'
    })
    const payload = { ownerKind: 'site', ownerId: 's1', slot: 'domain-certificate', path: '/tmp/a.jpg' }
    expect(await call('materials:import', eventFrom(contents), payload)).toEqual({
      ok: true,
      value: 'imported',
    })
    expect(contents.sent).toEqual([
      ['materials:progress', { slot: 'domain-certificate', ownerId: 's1', stage: 'done' }],
    ])
  })

  it('names each window its own path-grant scope, the same on every call from it', async () => {
    setUp()
    const scopes: (string | undefined)[] = []
    handlers['dialog:pickImages'].mockImplementation((_req, ctx) => {
      scopes.push(ctx.scope)
      return []
    })
    const other = new FakeWebContents()
    for (const sender of [contents, other, contents])
      expect(await call('dialog:pickImages', eventFrom(sender), { multiple: true })).toMatchObject({
        ok: true,
      })
    expect(scopes[0]).toMatch(/^window-/)
    expect(scopes[0]).toBe(scopes[2])
    expect(scopes[1]).not.toBe(scopes[0])
  })

  it("forwards a batch run's batch:started and batch:progress events in order", async () => {
    setUp()
    handlers['batch:compress'].mockImplementation((_req, ctx) => {
      ctx.emit('batch:started', { batchId: 'b1', index: 0, total: 1, input: '/in/a.jpg' })
      ctx.emit('batch:progress', { batchId: 'b1', index: 0, done: 1, total: 1, input: '/in/a.jpg', ok: true })
      return { batchId: 'b1', cancelled: false, results: [] }
    })
    const payload = { batchId: 'b1', paths: ['/in/a.jpg'], outDir: '/out', maxBytes: 512_000 }
    expect(await call('batch:compress', eventFrom(contents), payload)).toMatchObject({ ok: true })
    expect(contents.sent.map(([name]) => name)).toEqual(['batch:started', 'batch:progress'])
  })

  it("forwards a packet batch's packet:progress events and passes force through", async () => {
    setUp()
    type ExportManyRequest = { batchId: string; outDir: string; format: string }
    handlers['packet:exportMany'].mockImplementation((raw, ctx) => {
      const req = raw as ExportManyRequest
      ctx.emit('packet:progress', {
        batchId: req.batchId,
        index: 0,
        done: 1,
        total: 1,
        siteId: 's1',
        siteName: '甲',
        ok: false,
        code: 'packet/incomplete',
        message: '还不能导出',
      })
      return { batchId: req.batchId, outDir: req.outDir, format: req.format, cancelled: false, results: [] }
    })
    const payload = { batchId: 'p1', siteIds: ['s1'], format: 'zip', outDir: '/out', force: true }
    expect(await call('packet:exportMany', eventFrom(contents), payload)).toMatchObject({ ok: true })
    expect(handlers['packet:exportMany']).toHaveBeenCalledWith(payload, expect.anything())
    expect(contents.sent.map(([name]) => name)).toEqual(['packet:progress'])
  })

  it.each([
    { batchId: '../x', siteIds: ['s1'], format: 'zip', outDir: '/out' },
    { batchId: 'p1', siteIds: [], format: 'zip', outDir: '/out' },
    { batchId: 'p1', siteIds: ['s1'], format: 'rar', outDir: '/out' },
    { batchId: 'p1', siteIds: ['s1'], format: 'zip', outDir: '/out', force: 'yes' },
  ])('refuses a malformed packet:exportMany request %j before the handler runs', async (payload) => {
    setUp()
    const result = await call('packet:exportMany', eventFrom(contents), payload)
    expect(result).toMatchObject({ ok: false })
    expect(handlers['packet:exportMany']).not.toHaveBeenCalled()
  })

  it('does not emit to a destroyed window', async () => {
    setUp()
    handlers['settings:get'].mockImplementation((_req, ctx) => {
      contents.destroyed = true
      ctx.emit('materials:progress', { slot: 'x', ownerId: 'y', stage: 'done' })
      return 'ok'
    })
    expect(await call('settings:get', eventFrom(contents))).toMatchObject({ ok: true })
    expect(contents.sent).toEqual([])
  })
})

describe('handleInvoke', () => {
  it.each(['shell:openExternal', '__proto__', 'constructor', 'toString', ''])(
    'refuses the unknown channel %j',
    async (channel) => {
      const h = fakeHandlers()
      const contents = new FakeWebContents()
      const result = await handleInvoke(
        h as unknown as Handlers,
        PACKAGED,
        log,
        channel,
        eventFrom(contents) as never,
        [],
      )
      expect(result).toMatchObject({ ok: false, error: { code: 'ipc/unknown-channel' } })
      expect(result.ok === false && CHINESE.test(result.error.message)).toBe(true)
    },
  )
})
