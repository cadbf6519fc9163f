/**
 * The main window. Every security-relevant web preference is written out as a literal, even
 * where it equals Electron's default, so a static test can check them and a future default
 * change cannot weaken them silently (security checklist items 2–4, 6, 8–11).
 */
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow } from 'electron'

export const WINDOW_TITLE = 'Beian Desk — 公安备案材料助手'

/** out/main/index.js → out/preload/index.cjs (a CJS preload keeps the renderer sandboxed). */
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

/** Creates the window hidden, loads `entryUrl` and shows it once the first paint is ready. */
export function createMainWindow(entryUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    title: WINDOW_TITLE,
    backgroundColor: '#f5f7fa',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.loadURL(entryUrl).catch((error: unknown) => {
    console.error('[window] the user interface could not be loaded', error)
  })
  return win
}
