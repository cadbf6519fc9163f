/**
 * Main-process lifecycle only: it wires the modules together and decides nothing itself.
 * Order matters: the sandbox, the privileged scheme and the app-wide security handlers are set
 * up before `ready`; the protocol handler, store, IPC and window after it.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import ElectronStore from 'electron-store'
import { handleAppProtocol, registerAppScheme, rendererEntryUrl } from './app-protocol'
import { createDialogs } from './dialogs'
import { openExternalUrl } from './external-links'
import { createHandlers } from './ipc/index'
import { registerIpc } from './ipc/register'
import { applyAppSecurity } from './security'
import { setPdfFallbackFont } from './services/images/pdf'
import { openStore } from './services/store'
import { storeOptions } from './services/store-options'
import { createMainWindow } from './window'

const RENDERER_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url))
/** Copied by electron-builder's extraResources: native code cannot read fonts inside app.asar. */
const PACKAGED_PDF_FONT = ['fonts', 'NotoSansSC_400Regular.ttf']

/** resources/<name> when packaged (electron-builder extraResources), assets/<name> otherwise. */
function resourceDir(name: string): string {
  return app.isPackaged ? join(process.resourcesPath, name) : join(app.getAppPath(), 'assets', name)
}

app.enableSandbox()
registerAppScheme(protocol)
applyAppSecurity(app, () => session.defaultSession)

let mainWindow: BrowserWindow | null = null

function openMainWindow(): void {
  mainWindow = createMainWindow(rendererEntryUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL))
  mainWindow.on('closed', () => (mainWindow = null))
}

function start(): void {
  handleAppProtocol(protocol, RENDERER_ROOT)
  if (app.isPackaged) setPdfFallbackFont(join(process.resourcesPath, ...PACKAGED_PDF_FONT))
  const dataDir = app.getPath('userData')
  const store = openStore(() => new ElectronStore(storeOptions), join(dataDir, 'config.json'))
  const dialogs = createDialogs(() => mainWindow)
  const divisionsDir = resourceDir('divisions')
  const handlers = createHandlers({ dataDir, divisionsDir, store, dialogs, openExternal: openExternalUrl })
  registerIpc(ipcMain, handlers, {
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
  })
  openMainWindow()
}

function fail(error: unknown): void {
  console.error('[main] start-up failed', error)
  dialog.showErrorBox(
    'Beian Desk 无法启动',
    `启动时发生错误：${String(error)}\n请重新启动应用；如果问题持续出现，请联系技术支持。`,
  )
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
