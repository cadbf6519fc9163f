/**
 * The lifecycle in electron/main/index.ts, run against the fake electron module with the
 * store and the handler map mocked. Each test re-imports the entry module from scratch.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { API_CHANNELS, CHANNELS } from '../../../core/api'
import type { HandlerDeps } from '../../../electron/main/ipc/index'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)
vi.mock('electron-store', () => ({
  default: class FakeStore {
    store = {}
    path = '/fake/appData/beian-desk/config.json'
  },
}))
vi.mock('../../../electron/main/services/store-options', () => ({ storeOptions: { name: 'config' } }))
vi.mock('../../../electron/main/services/store', () => ({
  openStore: vi.fn((create: () => unknown) => create()),
  takeStoreRecovery: vi.fn(() => ({
    outcome: 'restored-generation',
    quarantined: '/fake/appData/beian-desk/config.json.corrupt-x',
    restoredFromBackup: true,
    summary: '数据文件已损坏，无法读取。已恢复到 2026-12-06 10:00 的备份（3 个主体）。',
  })),
}))
vi.mock('../../../electron/main/services/images/pdf', () => ({ setPdfFallbackFont: vi.fn() }))
vi.mock('../../../electron/main/decoders', () => ({ useUtilityProcessDecoders: vi.fn() }))
vi.mock('../../../electron/main/ipc/index', () => ({
  // As the real one does for a workspace without a key: the store opens at once, then is reported.
  createHandlers: vi.fn((deps: HandlerDeps) => {
    if (typeof deps.store === 'function') {
      const opened = deps.store({ encode: (b) => b, decode: (b) => b })
      deps.onStoreOpened?.(opened)
    }
    return Object.fromEntries(Object.keys(API_CHANNELS).map((c) => [c, () => `${c} ok`]))
  }),
}))

type Boot = { packaged: boolean; devUrl?: string; lock?: boolean }

async function boot({ packaged, devUrl, lock = true }: Boot) {
  vi.resetModules()
  const { fake, FakeBrowserWindow } = await import('./fake-electron')
  fake.reset()
  fake.app.isPackaged = packaged
  fake.app.singleInstanceLock = lock
  if (devUrl === undefined) vi.stubEnv('ELECTRON_RENDERER_URL', undefined)
  else vi.stubEnv('ELECTRON_RENDERER_URL', devUrl)
  await import('../../../electron/main/index')
  const ipc = await import('../../../electron/main/ipc/index')
  const store = await import('../../../electron/main/services/store')
  const pdf = await import('../../../electron/main/services/images/pdf')
  const decoders = await import('../../../electron/main/decoders')
  const ready = async () => {
    await fake.app.ready()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return {
    fake,
    FakeBrowserWindow,
    ready,
    createHandlers: vi.mocked(ipc.createHandlers),
    openStore: vi.mocked(store.openStore),
    setPdfFallbackFont: vi.mocked(pdf.setPdfFallbackFont),
    useUtilityProcessDecoders: vi.mocked(decoders.useUtilityProcessDecoders),
  }
}

// Electron sets process.resourcesPath; plain Node does not.
Object.defineProperty(process, 'resourcesPath', { value: '/fake/resources', configurable: true })

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('main lifecycle', () => {
  it('enables the sandbox, the app:// scheme and the security handlers before ready', async () => {
    const { fake } = await boot({ packaged: true })
    // Everything recorded so far ran at module load, before the ready event.
    const names = fake.calls.map((c) => (c.name === 'app.on' ? `app.on:${String(c.args[0])}` : c.name))
    // The data folder is fixed first (README and CLI --data-dir), then the sandbox.
    expect(names.slice(0, 2)).toEqual(['app.setPath', 'app.enableSandbox'])
    expect(fake.app.setPath).toHaveBeenCalledWith(
      'userData',
      expect.stringMatching(/appData[\\/]beian-desk$/),
    )
    for (const name of [
      'protocol.registerSchemesAsPrivileged',
      'app.on:web-contents-created',
      'app.on:session-created',
      'app.requestSingleInstanceLock',
      'app.whenReady',
    ]) {
      expect(names, name).toContain(name)
    }
    const privileged = fake.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]
    expect(JSON.stringify(privileged)).not.toContain('bypassCSP')
    expect(names).not.toContain('new BrowserWindow')
    expect(fake.ipcMain.handlers.size).toBe(0)
  })

  it('wires the protocol, store, handlers, IPC and window once ready (packaged)', async () => {
    const { fake, FakeBrowserWindow, ready, createHandlers, openStore } = await boot({
      packaged: true,
      devUrl: 'http://localhost:5173/',
    })
    await ready()
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(openStore).toHaveBeenCalledWith(
      expect.any(Function),
      expect.stringMatching(/beian-desk[\\/]config\.json$/),
      expect.objectContaining({ codec: expect.any(Object) }),
    )
    expect(createHandlers).toHaveBeenCalledTimes(1)
    const deps = createHandlers.mock.calls[0]?.[0]
    expect(deps?.dataDir).toBe('/fake/appData/beian-desk')
    expect(deps?.divisionsDir).toMatch(/^[\\/]fake[\\/]resources[\\/]divisions$/)
    // An opener: the store opens as the workspace key allows (store-session.ts).
    expect(deps?.store).toBeTypeOf('function')
    expect(Object.keys(deps?.dialogs ?? {}).sort()).toEqual([
      'pickExportTarget',
      'pickImages',
      'showItemInFolder',
    ])
    expect(await deps?.openExternal('file:///etc/passwd')).toBe(false)
    expect(new Set(fake.ipcMain.handlers.keys())).toEqual(new Set(CHANNELS))
    expect(FakeBrowserWindow.instances).toHaveLength(1)
    // Start-up completed (no error box) and the user is told the damaged store was restored.
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled()
    expect(fake.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '数据文件已损坏',
        message: '数据文件已损坏，无法读取。已恢复到 2026-12-06 10:00 的备份（3 个主体）。',
        detail: expect.stringContaining('config.json.corrupt-x'),
      }),
    )
    const win = FakeBrowserWindow.instances[0]
    expect(win?.loadedUrls).toEqual(['app://bundle/index.html'])
    expect(win?.webContents.listenerCount('will-navigate')).toBeGreaterThan(0)
    expect(win?.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(fake.session.defaultSession.permissionRequestHandler).toBeTypeOf('function')
  })

  it("forgets a window's path grants when the window closes", async () => {
    const { FakeBrowserWindow, ready, createHandlers } = await boot({ packaged: true })
    await ready()
    const grants = createHandlers.mock.calls[0]?.[0]?.grants
    const win = FakeBrowserWindow.instances[0]
    if (!grants || !win) throw new Error('expected the grants and one window')
    const scope = `window-${win.webContents.id}`
    grants.grant(scope, 'file', ['/home/user/身份证正面.jpg'])
    grants.grant('window-other', 'file', ['/home/user/other.jpg'])
    expect(grants.size(scope)).toBe(1)
    win.emit('closed')
    expect(grants.size(scope)).toBe(0)
    expect(grants.size('window-other')).toBe(1)
  })

  it('loads the dev server and trusts its origin only when not packaged', async () => {
    const { fake, FakeBrowserWindow, ready } = await boot({
      packaged: false,
      devUrl: 'http://localhost:5173/',
    })
    await ready()
    const win = FakeBrowserWindow.instances[0]
    expect(win?.loadedUrls).toEqual(['http://localhost:5173/'])
    if (!win) return
    win.webContents.mainFrame.url = 'http://localhost:5173/'
    const listener = fake.ipcMain.handlers.get('settings:get')
    const result = await listener?.({ sender: win.webContents, senderFrame: win.webContents.mainFrame })
    expect(result).toEqual({ ok: true, value: 'settings:get ok' })
  })

  it('loads app://bundle when no dev server is given, with data from assets/', async () => {
    const { FakeBrowserWindow, ready, createHandlers } = await boot({ packaged: false })
    await ready()
    expect(FakeBrowserWindow.instances[0]?.loadedUrls).toEqual(['app://bundle/index.html'])
    expect(createHandlers.mock.calls[0]?.[0].divisionsDir).toMatch(
      /^[\\/]fake[\\/]app[\\/]assets[\\/]divisions$/,
    )
  })

  it('points PDF rendering at the unpacked font in resources/fonts only when packaged', async () => {
    const packaged = await boot({ packaged: true })
    await packaged.ready()
    expect(packaged.setPdfFallbackFont).toHaveBeenCalledExactlyOnceWith(
      expect.stringMatching(/^[\\/]fake[\\/]resources[\\/]fonts[\\/]NotoSansSC_400Regular\.ttf$/),
    )
    const dev = await boot({ packaged: false })
    await dev.ready()
    expect(dev.setPdfFallbackFont).not.toHaveBeenCalled()
  })

  it('moves the decoders into utility processes once ready, found beside the main bundle', async () => {
    const { ready, useUtilityProcessDecoders } = await boot({ packaged: true })
    // utilityProcess.fork refuses before ready.
    expect(useUtilityProcessDecoders).not.toHaveBeenCalled()
    await ready()
    // decoders.ts resolves decode-worker.js against the main module's own URL.
    expect(useUtilityProcessDecoders).toHaveBeenCalledExactlyOnceWith(
      expect.stringMatching(/^file:\/\/.*\/electron\/main\/index\.ts$/),
    )
  })

  it('quits a second instance without creating anything', async () => {
    const { fake, FakeBrowserWindow, ready } = await boot({ packaged: true, lock: false })
    await ready()
    expect(fake.app.quit).toHaveBeenCalled()
    expect(fake.ipcMain.handle).not.toHaveBeenCalled()
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(fake.ipcMain.handlers.size).toBe(0)
  })

  it('tells the user in Chinese and exits when start-up fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { fake, ready, createHandlers } = await boot({ packaged: true })
    createHandlers.mockImplementationOnce(() => {
      throw new Error('disk full')
    })
    await ready()
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.stringMatching(/无法启动/),
      expect.stringMatching(/重新启动/),
    )
    expect(fake.app.exit).toHaveBeenCalledWith(1)
  })

  it('shows the writer lock message when another program holds the data folder', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { fake, ready, openStore } = await boot({ packaged: true })
    const { WriterLockError } = await import('../../../electron/main/services/writer-lock')
    const held = new WriterLockError('数据文件夹正被命令行工具（进程 4242）使用。请等它结束后再打开。', null)
    openStore.mockImplementationOnce(() => {
      throw held
    })
    await ready()
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.stringMatching(/无法启动/),
      '数据文件夹正被命令行工具（进程 4242）使用。请等它结束后再打开。',
    )
    expect(fake.app.exit).toHaveBeenCalledWith(1)
  })
})
