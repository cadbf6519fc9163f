import { sep } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, FakeBrowserWindow } from './fake-electron'
import { createMainWindow, WINDOW_TITLE } from '../../../electron/main/window'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const ENTRY = 'app://bundle/index.html'

function onlyWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1)
  return FakeBrowserWindow.instances[0] as FakeBrowserWindow
}

describe('createMainWindow', () => {
  beforeEach(() => fake.reset())

  it('passes the hardened web preferences as explicit values', () => {
    createMainWindow(ENTRY)
    const { webPreferences, ...rest } = onlyWindow().options as { webPreferences: Record<string, unknown> }
    const { preload, ...prefs } = webPreferences
    expect(prefs).toEqual({
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
      devTools: true,
    })
    expect(preload).toMatch(new RegExp(`\\${sep}preload\\${sep}index\\.cjs$`))
    expect(rest).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 680,
      title: WINDOW_TITLE,
      show: false,
    })
    expect(rest).toHaveProperty('backgroundColor')
    expect(WINDOW_TITLE).toBe('Beian Desk — 公安备案材料助手')
  })

  it('turns DevTools off in the packaged app', () => {
    fake.app.isPackaged = true
    createMainWindow(ENTRY)
    const { webPreferences } = onlyWindow().options as { webPreferences: Record<string, unknown> }
    expect(webPreferences.devTools).toBe(false)
  })

  it('loads the given entry URL and shows the window only when ready to show', () => {
    createMainWindow(ENTRY)
    const win = onlyWindow()
    expect(win.loadedUrls).toEqual([ENTRY])
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })
})
