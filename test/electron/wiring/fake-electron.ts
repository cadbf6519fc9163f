/**
 * A small fake of the `electron` module that records what the shell does with it. The
 * Electron binary cannot run here, so wiring tests use:
 *
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule)
 *
 * One instance per test file (vitest isolates modules per file); call `fake.reset()` in
 * `beforeEach`. Only the parts the shell uses are modelled.
 */
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/** An Electron `Event`-like object whose `preventDefault` is observable. */
export class FakeEvent {
  defaultPrevented = false
  constructor(readonly url?: string) {}
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

let frameTokens = 0

export class FakeWebFrame {
  detached = false
  readonly frameToken = `frame-${++frameTokens}`
  constructor(
    public url: string,
    readonly parent: FakeWebFrame | null = null,
    readonly processId = 1,
  ) {}
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: PermissionCheckHandler | null = null
  devicePermissionHandler: ((details: unknown) => boolean) | null = null
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: string }

export class FakeWebContents extends EventEmitter {
  static #nextId = 1
  /** Like Electron's webContents.id: unique per instance (names the window's path-grant scope). */
  readonly id = FakeWebContents.#nextId++
  windowOpenHandler: WindowOpenHandler | null = null
  mainFrame = new FakeWebFrame('app://bundle/index.html')
  readonly sent: Array<[string, unknown]> = []
  destroyed = false
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

type Recorder = (name: string, ...args: unknown[]) => void

/** Electron's desktop `Notification`: records what was shown; `supported` imitates a system without notifications. */
export class FakeNotification extends EventEmitter {
  static supported = true
  static readonly shown: FakeNotification[] = []
  static isSupported(): boolean {
    return FakeNotification.supported
  }
  constructor(readonly options: { title?: string; body?: string }) {
    super()
  }
  show(): void {
    FakeNotification.shown.push(this)
  }
}

function createFake(windows: unknown[]) {
  const calls: Array<{ name: string; args: unknown[] }> = []
  const record: Recorder = (name, ...args) => void calls.push({ name, args })
  let markReady: () => void = () => undefined
  let readyPromise = new Promise<void>((resolve) => (markReady = resolve))
  let isReady = false

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    singleInstanceLock: true,
    enableSandbox: vi.fn(() => record('app.enableSandbox')),
    whenReady: vi.fn(() => (record('app.whenReady'), readyPromise)),
    isReady: () => isReady,
    requestSingleInstanceLock: vi.fn(() => (record('app.requestSingleInstanceLock'), app.singleInstanceLock)),
    quit: vi.fn(() => record('app.quit')),
    exit: vi.fn((code?: number) => record('app.exit', code)),
    paths: new Map<string, string>(),
    getPath: vi.fn((name: string): string => app.paths.get(name) ?? `/fake/${name}`),
    setPath: vi.fn(
      (name: string, value: string) => (record('app.setPath', name, value), app.paths.set(name, value)),
    ),
    getAppPath: vi.fn(() => '/fake/app'),
    /** Test helper: resolve `whenReady()`. */
    ready(): Promise<void> {
      isReady = true
      markReady()
      return readyPromise
    },
  })
  const appOn = app.on.bind(app)
  app.on = ((event: string, listener: (...args: unknown[]) => void) => {
    record('app.on', event)
    return appOn(event, listener)
  }) as typeof app.on

  const session = { defaultSession: new FakeSession() }
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  const ipcMain = {
    handlers: ipcHandlers,
    handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
      record('ipcMain.handle', channel)
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      ipcHandlers.set(channel, fn)
    }),
    removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
  }
  const protocol = {
    registerSchemesAsPrivileged: vi.fn((schemes: unknown) =>
      record('protocol.registerSchemesAsPrivileged', schemes),
    ),
    handle: vi.fn((scheme: string, handler: unknown) => record('protocol.handle', scheme, handler)),
  }
  const shell = {
    openExternal: vi.fn(async (url: string) => void record('shell.openExternal', url)),
    showItemInFolder: vi.fn((path: string) => void record('shell.showItemInFolder', path)),
  }
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    showMessageBox: vi.fn(
      async (options: unknown) => (record('dialog.showMessageBox', options), { response: 0 }),
    ),
    showErrorBox: vi.fn((title: string, content: string) => record('dialog.showErrorBox', title, content)),
  }
  const clipboard = {
    writeText: vi.fn((text: string) => void record('clipboard.writeText', text)),
  }
  /** Electron safeStorage with a real-looking backend (reversible, tagged: no protection, tests only). */
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    encryptString: vi.fn((plain: string) => Buffer.from(`fake-safe-storage:${plain}`)),
    decryptString: vi.fn((blob: Buffer) => blob.toString().replace(/^fake-safe-storage:/, '')),
  }
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) =>
      record('contextBridge.exposeInMainWorld', key, api),
    ),
  }
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from-main' })),
    on: vi.fn((..._args: unknown[]) => ipcRenderer),
    removeListener: vi.fn((..._args: unknown[]) => ipcRenderer),
    send: vi.fn(),
  }
  const webUtils = {
    getPathForFile: vi.fn((file: { name: string }) => (file.name ? `/picked/${file.name}` : '')),
  }

  function reset(): void {
    calls.length = 0
    readyPromise = new Promise<void>((resolve) => (markReady = resolve))
    isReady = false
    app.removeAllListeners()
    app.isPackaged = false
    app.singleInstanceLock = true
    session.defaultSession = new FakeSession()
    ipcHandlers.clear()
    windows.length = 0
    FakeNotification.supported = true
    FakeNotification.shown.length = 0
    vi.clearAllMocks()
  }

  return {
    calls,
    app,
    session,
    ipcMain,
    protocol,
    shell,
    dialog,
    clipboard,
    safeStorage,
    contextBridge,
    ipcRenderer,
    webUtils,
    reset,
  }
}

type Fake = ReturnType<typeof createFake>

function defineBrowserWindow(fake: Fake, instances: unknown[]) {
  return class FakeBrowserWindow extends EventEmitter {
    static readonly instances = instances as FakeBrowserWindow[]
    static getAllWindows(): FakeBrowserWindow[] {
      return FakeBrowserWindow.instances.filter((w) => !w.destroyed)
    }
    readonly webContents = new FakeWebContents()
    readonly loadedUrls: string[] = []
    shown = false
    destroyed = false
    constructor(readonly options: Record<string, unknown>) {
      super()
      FakeBrowserWindow.instances.push(this)
      fake.calls.push({ name: 'new BrowserWindow', args: [options] })
      // Real Electron announces every new webContents app-wide.
      fake.app.emit('web-contents-created', new FakeEvent(), this.webContents)
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url)
      return Promise.resolve()
    }
    loadFile(): Promise<void> {
      throw new Error('loadFile must not be used: the UI is served from app://')
    }
    show(): void {
      this.shown = true
    }
    isMinimized(): boolean {
      return false
    }
    restore(): void {}
    focus(): void {}
  }
}

function createShared() {
  const windows: unknown[] = []
  const fake = createFake(windows)
  return { fake, FakeBrowserWindow: defineBrowserWindow(fake, windows) }
}

const SHARED_KEY = Symbol.for('beian-desk.test.fake-electron')
const holder = globalThis as { [SHARED_KEY]?: ReturnType<typeof createShared> }
const shared = (holder[SHARED_KEY] ??= createShared())

export const fake = shared.fake
export const FakeBrowserWindow = shared.FakeBrowserWindow
export type FakeBrowserWindow = InstanceType<typeof FakeBrowserWindow>

/** What `vi.mock('electron', …)` returns. */
export const electronModule = {
  app: fake.app,
  BrowserWindow: FakeBrowserWindow,
  session: fake.session,
  ipcMain: fake.ipcMain,
  protocol: fake.protocol,
  shell: fake.shell,
  dialog: fake.dialog,
  clipboard: fake.clipboard,
  safeStorage: fake.safeStorage,
  contextBridge: fake.contextBridge,
  ipcRenderer: fake.ipcRenderer,
  webUtils: fake.webUtils,
  Notification: FakeNotification,
}
