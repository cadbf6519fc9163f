/**
 * The privileged `app://bundle/` scheme that serves the built renderer (out/renderer) in place
 * of `file://` (security checklist item 18). Requests that could leave the bundle — `..`
 * segments (plain or percent-encoded), encoded slashes, absolute or drive paths, symlinks
 * pointing outside — are refused. Every response carries the CSP as a header as well.
 *
 * Takes Electron's `protocol` as a parameter and imports no `electron` at runtime, so the
 * request handler is tested in plain Node against a temporary directory.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { bundleCacheControl } from './bundle-cache'

export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * Same policy as the `<meta>` in renderer/index.html. `style-src 'unsafe-inline'` is needed by
 * antd's CSS-in-JS, which injects `<style>` elements at runtime; scripts stay `'self'` only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The electron-vite dev server URL, honoured only when the app is not packaged and
 * `ELECTRON_RENDERER_URL` is an http(s) URL on a loopback host; otherwise null.
 */
export function devServerUrl(isPackaged: boolean, raw: string | undefined): URL | null {
  if (isPackaged || !raw) return null
  try {
    const url = new URL(raw)
    const web = url.protocol === 'http:' || url.protocol === 'https:'
    return web && LOOPBACK_HOSTS.has(url.hostname) && !url.username && !url.password ? url : null
  } catch {
    return null
  }
}

/** What the main window loads: `app://bundle/index.html`, or the dev server in development. */
export function rendererEntryUrl(isPackaged: boolean, rawDevUrl: string | undefined): string {
  return devServerUrl(isPackaged, rawDevUrl)?.href ?? APP_ENTRY_URL
}

/** Registers the scheme as privileged. Must run before `app` is ready. No `bypassCSP`. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache (standard schemes only): V8 keeps the compiled bundle between starts, as for https.
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/** Serves `rootDir` on `app://bundle/`. Call after `app` is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir))
}

export function createAppProtocolHandler(rootDir: string): (request: { url: string }) => Promise<Response> {
  const root = resolve(rootDir)
  return async (request) => {
    const file = await resolveBundleFile(root, request.url)
    if (file.status !== 200) return textResponse(file.status)
    const body = await readFile(file.path)
    const type = MIME_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream'
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        ...securityHeaders(),
        'Content-Type': type,
        'Cache-Control': bundleCacheControl(relative(root, file.path).split(sep).join('/')),
      },
    })
  }
}

type Resolved = { status: 200; path: string } | { status: 400 | 403 | 404 }

/** Maps an `app://bundle/...` URL to a regular file inside `root`, or says why not. */
export async function resolveBundleFile(root: string, rawUrl: string): Promise<Resolved> {
  const relPath = bundleRelativePath(rawUrl)
  if (relPath === 'bad-request') return { status: 400 }
  if (relPath === 'forbidden') return { status: 403 }
  const candidate = resolve(root, relPath)
  if (!isInside(root, candidate)) return { status: 403 }
  try {
    // Follow symlinks and check the real target is still inside the real bundle root.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)])
    if (!isInside(realRoot, realFile)) return { status: 403 }
    const info = await stat(realFile)
    return info.isFile() ? { status: 200, path: realFile } : { status: 404 }
  } catch {
    return { status: 404 }
  }
}

/** The decoded path below the bundle root, checked segment by segment. */
function bundleRelativePath(rawUrl: string): string | 'bad-request' | 'forbidden' {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return 'bad-request'
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return 'forbidden'
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return 'bad-request'
  }
  if (decoded.includes('\0')) return 'bad-request'
  const path = decoded.replace(/^\/+/, '') || 'index.html'
  const segments = path.split(/[/\\]/)
  if (segments.some((s) => s === '..' || s === '.')) return 'forbidden'
  // An absolute path after decoding (`//etc/passwd`, `C:\…`, `\\server\share`) is refused.
  if (decoded.startsWith('//') || /[\\:]/.test(path) || isAbsolute(path)) return 'forbidden'
  return path
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  }
}

function textResponse(status: 400 | 403 | 404): Response {
  const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[status]
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
