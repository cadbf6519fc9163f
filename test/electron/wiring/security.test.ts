import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { App, Session, WebContents } from 'electron'
import { fake, FakeEvent, FakeSession, FakeWebContents } from './fake-electron'
import { applyAppSecurity, hardenSession, hardenWebContents } from '../../../electron/main/security'

const HOSTILE_URLS = [
  'https://evil.example/',
  'file:///etc/passwd',
  'http://127.0.0.1:8080/',
  'app://bundle/other.html',
]
const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'openExternal',
  'hid',
  'fullscreen',
]

function apply(): void {
  applyAppSecurity(fake.app as unknown as App, () => fake.session.defaultSession as unknown as Session)
}

function newContents(): FakeWebContents {
  const contents = new FakeWebContents()
  fake.app.emit('web-contents-created', new FakeEvent(), contents)
  return contents
}

function expectDeniesEverything(ses: FakeSession): void {
  expect(ses.permissionRequestHandler).toBeTypeOf('function')
  expect(ses.permissionCheckHandler).toBeTypeOf('function')
  for (const permission of PERMISSIONS) {
    const callback = vi.fn()
    ses.permissionRequestHandler?.({}, permission, callback, { requestingUrl: 'app://bundle/index.html' })
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(ses.permissionCheckHandler?.({}, permission, 'app://bundle', {})).toBe(false)
  }
  expect(ses.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false)
  const download = new FakeEvent()
  ses.emit('will-download', download, {}, {})
  expect(download.defaultPrevented).toBe(true)
}

describe('applyAppSecurity', () => {
  beforeEach(() => {
    fake.reset()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })

  it('hardens the default session once the app is ready', async () => {
    apply()
    expect(fake.session.defaultSession.permissionRequestHandler).toBeNull()
    await fake.app.ready()
    await Promise.resolve()
    expectDeniesEverything(fake.session.defaultSession)
  })

  it('hardens every session created later', () => {
    apply()
    const ses = new FakeSession()
    fake.app.emit('session-created', ses)
    expectDeniesEverything(ses)
  })

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('prevents %s to any URL', (name) => {
    apply()
    const contents = newContents()
    for (const url of HOSTILE_URLS) {
      const event = new FakeEvent(url)
      contents.emit(name, event, url)
      expect(event.defaultPrevented, `${name} ${url}`).toBe(true)
    }
  })

  it('denies every window.open', () => {
    apply()
    const contents = newContents()
    for (const url of [...HOSTILE_URLS, 'about:blank', 'javascript:alert(1)', 'https://beian.mps.gov.cn/']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
  })

  it('prevents attaching a <webview>', () => {
    apply()
    const contents = newContents()
    const event = new FakeEvent()
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' })
    expect(event.defaultPrevented).toBe(true)
  })

  it('leaves web contents untouched until they are announced', () => {
    apply()
    const contents = new FakeWebContents()
    expect(contents.listenerCount('will-navigate')).toBe(0)
    expect(contents.windowOpenHandler).toBeNull()
  })
})

describe('hardenSession / hardenWebContents', () => {
  beforeEach(() => {
    fake.reset()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })

  it('installs handlers on a session only once', () => {
    const ses = new FakeSession()
    hardenSession(ses as unknown as Session)
    hardenSession(ses as unknown as Session)
    expect(ses.listenerCount('will-download')).toBe(1)
    expectDeniesEverything(ses)
  })

  it('hardens a webContents passed directly', () => {
    const contents = new FakeWebContents()
    hardenWebContents(contents as unknown as WebContents)
    const event = new FakeEvent('https://evil.example/')
    contents.emit('will-navigate', event, event.url)
    expect(event.defaultPrevented).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })
})
