/**
 * App-wide hardening (security checklist items 5, 12, 13, 14). The UI is one local page, so
 * it never navigates, never opens windows, never attaches a `<webview>` and needs no browser
 * permission: all of those are refused for every webContents and every session.
 *
 * Electron objects are passed in (no runtime `electron` import) so this is unit-tested with
 * fakes.
 */
import type { App, Event, Session, WebContents } from 'electron'

type Preventable = Pick<Event, 'preventDefault'>

const hardenedSessions = new WeakSet<Session>()

/** Denies every permission request, permission check and device request; blocks downloads. */
export function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return
  hardenedSessions.add(ses)
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn(`[security] denied permission request: ${permission}`)
    callback(false)
  })
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.on('will-download', (event) => {
    console.warn('[security] blocked a download started by web content')
    event.preventDefault()
  })
}

/** Blocks navigation, redirects, frame navigation, new windows and `<webview>` attachment. */
export function hardenWebContents(contents: WebContents): void {
  const block = (kind: string) => (event: Preventable, url?: string) => {
    event.preventDefault()
    console.warn(`[security] blocked ${kind}: ${describeUrl(url)}`)
  }
  contents.on('will-navigate', (event) => block('navigation')(event, event.url))
  contents.on('will-redirect', (event) => block('redirect')(event, event.url))
  contents.on('will-frame-navigate', (event) => block('frame navigation')(event, event.url))
  contents.on('will-attach-webview', (event) => block('webview')(event))
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked window.open: ${describeUrl(url)}`)
    return { action: 'deny' }
  })
}

/**
 * Installs the hardening on every webContents and every session the app will create, and on
 * the default session once the app is ready. Call once, before `ready`.
 */
export function applyAppSecurity(app: App, getDefaultSession: () => Session): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('session-created', (ses) => hardenSession(ses))
  void app.whenReady().then(() => hardenSession(getDefaultSession()))
}

/** Scheme and host only: enough for the log, without paths that may hold personal data. */
function describeUrl(url: string | undefined): string {
  if (!url) return '(no url)'
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return '(invalid url)'
  }
}
