/**
 * Main-process lifecycle only: it wires the modules together and decides nothing itself.
 * Order matters: the sandbox, the privileged scheme and the app-wide security handlers are set
 * up before `ready`; the protocol handler, store, IPC and window after it.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, clipboard, dialog, ipcMain, protocol, safeStorage, session } from 'electron'
import ElectronStore from 'electron-store'
import { handleAppProtocol, registerAppScheme, rendererEntryUrl } from './app-protocol'
import { createArchiveDialogs } from './archive-dialogs'
import { useUtilityProcessDecoders } from './decoders'
import { createDialogs } from './dialogs'
import { openExternalUrl } from './external-links'
import { createHandlers } from './ipc/index'
import { grantScopeOf, registerIpc } from './ipc/register'
import { PathGrants } from './services/path-grants'
import { startDueNotificationsFor } from './notifications'
import { applyAppSecurity } from './security'
import { sweepBeforeImport } from './services/archive/before-import'
import { applyPendingImport } from './services/archive/pending'
import { keychainFromSafeStorage } from './services/crypto/keychain'
import { setPdfFallbackFont } from './services/images/pdf'
import { openStore, takeStoreRecovery, type OpenedStore, type StoreRecovery } from './services/store'
import { storeTextOrNull, type StoreCodec } from './services/store-codec'
import { storeOptions } from './services/store-options'
import { WriterLockError } from './services/writer-lock'
import { createTableDialogs } from './table-dialogs'
import { createMainWindow } from './window'

const RENDERER_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url))
/** Copied by electron-builder's extraResources: native code cannot read fonts inside app.asar. */
const PACKAGED_PDF_FONT = ['fonts', 'NotoSansSC_400Regular.ttf']

/** resources/<name> when packaged (electron-builder extraResources), assets/<name> otherwise. */
function resourceDir(name: string): string {
  return app.isPackaged ? join(process.resourcesPath, name) : join(app.getAppPath(), 'assets', name)
}

// A stable, ASCII data folder (the README and the CLI's --data-dir point here).
app.setPath('userData', join(app.getPath('appData'), 'beian-desk'))
app.enableSandbox()
registerAppScheme(protocol)
applyAppSecurity(app, () => session.defaultSession)

let mainWindow: BrowserWindow | null = null
/** The paths main handed out, per window; a closed window's grants go with it. */
const grants = new PathGrants()

function openMainWindow(): void {
  const window = createMainWindow(rendererEntryUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL))
  const scope = grantScopeOf(window.webContents.id)
  window.on('closed', () => {
    grants.forget(scope)
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
}

function start(): void {
  handleAppProtocol(protocol, RENDERER_ROOT)
  if (app.isPackaged) setPdfFallbackFont(join(process.resourcesPath, ...PACKAGED_PDF_FONT))
  // HEIC and PDF decoders in utility processes of their own (decoders.ts).
  useUtilityProcessDecoders(import.meta.url)
  const dataDir = app.getPath('userData')
  // An archive imported last session (工作区迁移包) moves in before the store opens.
  const imported = applyPendingImport(dataDir)
  if (imported.applied)
    console.info('[main] archive import moved in; the previous files are in', imported.keptAs)
  // Opened as the workspace key allows (services/store-session.ts): at once without a key, once
  // unlocked with one. Recovery is reported then; when it opened whole, the workspace an
  // earlier import replaced may go (before-import.ts).
  const store = (codec: StoreCodec) =>
    openStore(() => new ElectronStore(storeOptions), join(dataDir, 'config.json'), { codec })
  const onStoreOpened = (opened: OpenedStore) => {
    const recovery = takeStoreRecovery()
    if (!recovery) sweepBeforeImport(dataDir, { readText: (p) => storeTextOrNull(p, opened.codec) })
    tellAboutRecovery(recovery)
  }
  const dialogs = createDialogs(() => mainWindow)
  const divisionsDir = resourceDir('divisions')
  const tableDialogs = createTableDialogs(() => mainWindow)
  const handlers = createHandlers({
    dataDir,
    divisionsDir,
    store,
    onStoreOpened,
    dialogs,
    openExternal: openExternalUrl,
    tableDialogs,
    clipboard,
    keychain: keychainFromSafeStorage(safeStorage),
    grants,
    archiveDialogs: createArchiveDialogs(() => mainWindow),
    relaunch: () => {
      app.relaunch()
      app.quit()
    },
  })
  registerIpc(ipcMain, handlers, {
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
  })
  openMainWindow()
  startDueNotificationsFor(handlers, () => mainWindow?.focus())
}

/** The store was damaged at start-up: say what recovery did (store-recovery words it) and where the damage is kept. */
function tellAboutRecovery(recovery: StoreRecovery | null): void {
  if (!recovery) return
  void dialog.showMessageBox({
    type: 'warning',
    title: '数据文件已损坏',
    message: recovery.summary,
    detail: `损坏的文件已原样保留在：\n${recovery.quarantined}`,
  })
}

function fail(error: unknown): void {
  console.error('[main] start-up failed', error)
  // Another writer (the CLI, a second copy) holds the data folder: its message says who and what to do.
  const detail =
    error instanceof WriterLockError
      ? error.message
      : `启动时发生错误：${String(error)}\n请重新启动应用；如果问题持续出现，请联系技术支持。`
  dialog.showErrorBox('Beian Desk 无法启动', detail)
  app.exit(1)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
  app.whenReady().then(start).catch(fail)
}
