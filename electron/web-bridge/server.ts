/**
 * Loopback test bridge: serves the built renderer and implements the IPC contract over HTTP
 * on 127.0.0.1 with a random per-run token, backed by the real main-process handlers and a
 * `conf` store opened with the app's own options. A development and test tool only: it is
 * not in electron-builder's file list and never ships.
 *
 * No served file contains the token: the page gets it once in the URL fragment (`pageUrl`),
 * which never reaches a server, and sends it in one header. guard.ts holds the checks.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'
import { DROPPED_FILES_CHANNEL, isChannel, isEventName, type EventName, type Events } from '../../core/api'
import { safeFileName } from '../../core/packet/file-names'
import { bundleCacheControl } from '../main/bundle-cache'
import { applyPendingImport } from '../main/services/archive/pending'
import { createServices, type Services } from '../main/services/container'
import { openConfStore } from '../main/services/conf-store'
import { DEFAULT_SCOPE, PathGrants } from '../main/services/path-grants'
import { dispatch } from '../main/ipc/dispatch'
import { handlersFor } from '../main/ipc/index'
import type { ArchiveDialogs } from '../main/ipc/archive'
import type { TableDialogs } from '../main/ipc/client-import'
import type { RevealingDialogs } from '../main/ipc/system'
import type { HandlerContext } from '../main/ipc/types'
import {
  BridgeRefusal,
  checkBridgeRequest,
  checkContentType,
  dataDirRefusal,
  isInsideTempDir,
  parseInvokeBody,
  TOKEN_FRAGMENT,
  TOKEN_HEADER,
  type Refusal,
} from './guard'

export type BridgeOptions = {
  dataDir: string
  rendererDir: string
  divisionsDir?: string
  port?: number
  /** Run on a data folder outside the OS temp folder (dev-web's --force). */
  force?: boolean
}
export type Bridge = {
  /** The origin, `http://127.0.0.1:<port>/`, without the token. */
  url: string
  /** The page to open: `url` with the token in the fragment (`#bridge-token=…`). */
  pageUrl: string
  token: string
  services: Services
  /**
   * Scripts the next native dialog answer: image paths, an export or table target, a table
   * file to import, or null (cancelled).
   */
  queueDialog(answer: string[] | string | null): void
  /** Paths main asked the file manager to reveal (system:showItemInFolder), in order. */
  revealed: string[]
  /** Texts put on the clipboard through main (system:copyText), in order. */
  copied: string[]
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}
const MAX_UPLOAD = 80 * 1024 * 1024

/** The client, the same for every run: it reads the token from the page's URL fragment. */
async function clientScript(): Promise<string> {
  const source = await readFile(fileURLToPath(new URL('./client.ts', import.meta.url)), 'utf8')
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'chrome120' })
  // The module's only export becomes a local function; run it with the names it needs (no token).
  const names = [TOKEN_FRAGMENT, TOKEN_HEADER].map((n) => JSON.stringify(n)).join(', ')
  return `(() => {\n${code.replace(/^export\s+/m, '')}\ninstallBridge(${names})\n})()\n`
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) reject(new BridgeRefusal(413, 'bridge/too-large'))
      else chunks.push(chunk)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  })
  res.end(body)
}

/** Every refusal and failure is a code, never exception text. */
function refuse(res: ServerResponse, { status, code }: Refusal): void {
  if (res.headersSent) return void res.end()
  send(res, status, JSON.stringify({ ok: false, error: { code } }), 'application/json')
}

function failureOf(error: unknown): Refusal {
  if (error instanceof BridgeRefusal) return { status: error.status, code: error.code }
  if (error instanceof URIError) return { status: 400, code: 'bridge/bad-path' }
  return { status: 500, code: 'bridge/internal' }
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const dataDir = resolve(options.dataDir)
  const rendererDir = resolve(options.rendererDir)
  if (!options.force && !isInsideTempDir(dataDir)) throw new Error(dataDirRefusal(dataDir))
  mkdirSync(dataDir, { recursive: true })
  // As main does at start: an archive imported last session moves in before the store opens.
  applyPendingImport(dataDir)
  const token = randomBytes(24).toString('hex')
  const services = createServices(
    dataDir,
    (codec) => openConfStore(dataDir, { codec }),
    resolve(options.divisionsDir ?? 'assets/divisions'),
  )
  const queue: (string[] | string | null)[] = []
  let scripted = false
  const revealed: string[] = []
  const dialogs: RevealingDialogs = {
    async pickImages() {
      scripted = queue.length > 0
      const next = queue.shift()
      return Array.isArray(next) ? next : []
    },
    async pickExportTarget(format, suggestedName) {
      if (queue.length > 0) {
        const next = queue.shift()
        return typeof next === 'string' ? next : null
      }
      const dir = join(dataDir, 'exports')
      await mkdir(dir, { recursive: true })
      return format === 'zip' ? join(dir, `${safeFileName(suggestedName)}.zip`) : dir
    },
    // Recorded, so a test can assert the reveal happened (there is no file manager here).
    showItemInFolder: (path) => void revealed.push(path),
  }
  const tableDialogs: TableDialogs = {
    // Unscripted, the open dialog is cancelled: the bridge never picks a file by itself.
    async pickTableFile() {
      const next = queue.shift()
      return typeof next === 'string' ? next : null
    },
    async pickTableTarget(format, suggestedName) {
      if (queue.length > 0) {
        const next = queue.shift()
        return typeof next === 'string' ? next : null
      }
      const dir = join(dataDir, 'exports')
      await mkdir(dir, { recursive: true })
      return join(dir, `${safeFileName(suggestedName)}.${format}`)
    },
  }
  const archiveDialogs: ArchiveDialogs = {
    async pickArchiveTarget(suggestedName) {
      if (queue.length > 0) {
        const next = queue.shift()
        return typeof next === 'string' ? next : null
      }
      const dir = join(dataDir, 'exports')
      await mkdir(dir, { recursive: true })
      return join(dir, safeFileName(suggestedName))
    },
    // Unscripted, the open dialog is cancelled, as for tables.
    async pickArchiveFile() {
      const next = queue.shift()
      return typeof next === 'string' ? next : null
    },
  }
  // Same contract as Electron: the page may use only paths its dialogs answered and files it uploaded (dropped).
  const grants = new PathGrants()
  const copied: string[] = []
  const clipboard = { writeText: (text: string) => void copied.push(text) }
  const handlers = handlersFor(services, {
    dialogs,
    tableDialogs,
    archiveDialogs,
    clipboard,
    openExternal: async () => false,
    grants,
  })
  const streams = new Set<ServerResponse>()
  const ctx: HandlerContext = {
    // Like main's sender.send: only the contract's events reach the page.
    emit<E extends EventName>(event: E, payload: Events[E]) {
      if (!isEventName(event)) return
      const data = `data: ${JSON.stringify({ event, payload })}\n\n`
      for (const s of streams) s.write(data)
    },
  }
  const script = await clientScript()
  const uploadDir = join(dataDir, '.bridge-uploads')
  let uploads = 0

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => refuse(res, failureOf(error)))
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    // DNS-rebinding guard: only our own loopback origin may talk to us.
    const port = (server.address() as AddressInfo).port
    if (req.headers.host !== `127.0.0.1:${port}`)
      return refuse(res, { status: 403, code: 'bridge/foreign-host' })
    if (url.pathname.startsWith('/__bridge/')) return bridgeRoute(url, req, res)
    return staticRoute(url.pathname, res)
  }

  async function bridgeRoute(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (url.pathname === '/__bridge/client.js' && req.method === 'GET' && url.search === '')
      return send(res, 200, script, TYPES['.js'])
    const port = (server.address() as AddressInfo).port
    const refusal = checkBridgeRequest(
      req.method ?? 'GET',
      url,
      req.headers,
      `http://127.0.0.1:${port}`,
      token,
    )
    if (refusal) return refuse(res, refusal)
    if (url.pathname === '/__bridge/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (req.method !== 'POST') return refuse(res, { status: 405, code: 'bridge/post-only' })
    if (url.pathname === '/__bridge/upload') {
      const wrongType = checkContentType(req.headers, 'application/octet-stream')
      if (wrongType) return refuse(res, wrongType)
      const name = safeFileName(decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload')))
      const dir = join(uploadDir, String(++uploads))
      await mkdir(dir, { recursive: true })
      const path = join(dir, name)
      await writeFile(path, await readBody(req, MAX_UPLOAD))
      grants.grantDropped(DEFAULT_SCOPE, [path])
      return send(res, 200, JSON.stringify({ path }), TYPES['.json'])
    }
    const channel = decodeURIComponent(url.pathname.slice('/__bridge/invoke/'.length))
    // The page drops files through /__bridge/upload; naming a path to register is the preload's alone.
    if (
      !url.pathname.startsWith('/__bridge/invoke/') ||
      !isChannel(channel) ||
      channel === DROPPED_FILES_CHANNEL
    )
      return refuse(res, { status: 404, code: 'bridge/unknown-channel' })
    const wrongType = checkContentType(req.headers, 'application/json')
    if (wrongType) return refuse(res, wrongType)
    const body = parseInvokeBody(await readBody(req, 1024 * 1024))
    scripted = false
    const result = await dispatch(handlers, channel, body.req, ctx)
    send(res, 200, JSON.stringify(result), TYPES['.json'], { 'x-bridge-scripted': scripted ? '1' : '0' })
  }

  async function staticRoute(pathname: string, res: ServerResponse): Promise<void> {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname)
    const full = resolve(rendererDir, `.${rel}`)
    if (!full.startsWith(rendererDir + sep))
      return refuse(res, { status: 403, code: 'bridge/outside-renderer' })
    let body: Buffer
    try {
      body = await readFile(full)
    } catch {
      return refuse(res, { status: 404, code: 'bridge/not-found' })
    }
    if (full.endsWith('index.html')) {
      // A classic script runs before the deferred module scripts, like a preload.
      const html = body
        .toString('utf8')
        .replace('<script', '<script src="/__bridge/client.js"></script>\n    <script')
      return send(res, 200, html, TYPES['.html'])
    }
    send(res, 200, body, TYPES[extname(full)] ?? 'application/octet-stream', {
      'cache-control': bundleCacheControl(rel),
    })
  }

  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}/`
  return {
    url,
    pageUrl: `${url}#${TOKEN_FRAGMENT}=${token}`,
    token,
    services,
    queueDialog: (answer) => void queue.push(answer),
    revealed,
    copied,
    close: () =>
      new Promise<void>((done) => {
        for (const s of streams) s.end()
        server.close(() => done())
      }),
  }
}
