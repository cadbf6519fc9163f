import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Protocol } from 'electron'
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  devServerUrl,
  handleAppProtocol,
  registerAppScheme,
  rendererEntryUrl,
} from '../../../electron/main/app-protocol'

const SECRET = 'TOP-SECRET-OUTSIDE-THE-BUNDLE'
let base: string
let root: string
let serve: (request: { url: string }) => Promise<Response>

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'beian-app-protocol-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}')
  await writeFile(join(root, 'assets', 'index-D5ATwENY.js'), 'console.log(2)')
  await writeFile(join(base, 'secret.txt'), SECRET)
  await mkdir(join(base, 'outside'))
  await writeFile(join(base, 'outside', 'secret.txt'), SECRET)
  await symlink(join(base, 'secret.txt'), join(root, 'leak.txt'))
  await symlink(join(base, 'outside'), join(root, 'leakdir'))
  await symlink(join(root, 'assets', 'index-abc.js'), join(root, 'alias.js'))
  serve = createAppProtocolHandler(root)
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('app:// protocol handler', () => {
  it.each([
    ['app://bundle/index.html', 'text/html; charset=utf-8'],
    ['app://bundle/', 'text/html; charset=utf-8'],
    ['app://bundle/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://bundle/assets/index-abc.css?v=1#x', 'text/css; charset=utf-8'],
    ['app://bundle/alias.js', 'text/javascript; charset=utf-8'],
  ])('serves %s', async (url, type) => {
    const response = await serve({ url })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('lets a content-hashed asset be cached for good and nothing else', async () => {
    const cacheOf = async (url: string) => (await serve({ url })).headers.get('cache-control')
    expect(await cacheOf('app://bundle/assets/index-D5ATwENY.js')).toBe('public, max-age=31536000, immutable')
    // index.html names the current hashes; an unhashed name could change under it.
    expect(await cacheOf(APP_ENTRY_URL)).toBe('no-store')
    expect(await cacheOf('app://bundle/assets/index-abc.js')).toBe('no-store')
    expect(await cacheOf('app://bundle/alias.js')).toBe('no-store')
  })

  it('serves the file content', async () => {
    expect(await (await serve({ url: APP_ENTRY_URL })).text()).toContain('<title>ok</title>')
  })

  it.each([
    'app://bundle/..%2fsecret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets%5c..%5c..%5csecret.txt',
    'app://bundle//etc/passwd',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/C:%5cWindows%5cwin.ini',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/%5c%5cserver%5cshare%5cx',
    'app://bundle/leak.txt',
    'app://bundle/leakdir/secret.txt',
    'app://evil/index.html',
    'app://bundle.evil/index.html',
    'https://bundle/index.html',
  ])('refuses %s with 403', async (url) => {
    const response = await serve({ url })
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain(SECRET)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('refuses the absolute path of a file outside the bundle', async () => {
    const response = await serve({ url: `app://bundle/${encodeURIComponent(join(base, 'secret.txt'))}` })
    expect(response.status).toBe(403)
  })

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/./../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2E/%2e%2e/secret.txt',
    'app://bundle/assets/.%2e/.%2e/secret.txt',
  ])(
    'never serves content outside the bundle for %s (the URL parser folds dot segments first)',
    async (url) => {
      const response = await serve({ url })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(await response.text()).not.toContain(SECRET)
    },
  )

  it.each([
    ['app://bundle/missing.js', 404],
    ['app://bundle/assets', 404],
    ['app://bundle/index.html%00.js', 400],
    ['app://bundle/%E0%A4%A', 400],
    ['not a url', 400],
  ])('answers %s with %i', async (url, status) => {
    expect((await serve({ url })).status).toBe(status)
  })
})

describe('scheme registration', () => {
  it('registers app:// as standard, secure, fetch-capable and code-cached, without bypassCSP', () => {
    const registerSchemesAsPrivileged = vi.fn()
    registerAppScheme({ registerSchemesAsPrivileged } as unknown as Protocol)
    expect(registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ])
  })

  it('installs the handler for the app scheme', async () => {
    const handle = vi.fn()
    handleAppProtocol({ handle } as unknown as Protocol, root)
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function))
    const handler = handle.mock.calls[0]?.[1] as (r: { url: string }) => Promise<Response>
    expect((await handler({ url: 'app://bundle/..%2fsecret.txt' })).status).toBe(403)
  })
})

describe('renderer entry', () => {
  it.each([
    [false, 'http://localhost:5173/', 'http://localhost:5173/'],
    [false, 'http://127.0.0.1:5173', 'http://127.0.0.1:5173/'],
    [false, undefined, APP_ENTRY_URL],
    [true, 'http://localhost:5173/', APP_ENTRY_URL],
    [false, 'https://evil.example/', APP_ENTRY_URL],
    [false, 'file:///etc/passwd', APP_ENTRY_URL],
    [false, 'http://user:pw@localhost:5173/', APP_ENTRY_URL],
    [false, 'http://localhost.evil.example:5173/', APP_ENTRY_URL],
    [false, 'not a url', APP_ENTRY_URL],
  ])('isPackaged=%s, ELECTRON_RENDERER_URL=%s → %s', (isPackaged, raw, expected) => {
    expect(rendererEntryUrl(isPackaged, raw)).toBe(expected)
    expect(devServerUrl(isPackaged, raw)?.href ?? APP_ENTRY_URL).toBe(expected)
  })
})
