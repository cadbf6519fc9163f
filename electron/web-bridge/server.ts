/**
 * Loopback test bridge: serves the built renderer and implements the IPC contract over HTTP
 * on 127.0.0.1 with a random per-run token, backed by the real main-process handlers and a
 * `conf` store opened with the app's own options. A development and test tool only: it is
 * not in electron-builder's file list and never ships.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'
import { isChannel, isEventName, type EventName, type Events } from '../../core/api'
import { safeFileName } from '../../core/packet/file-names'
import { createServices, type Services } from '../main/services/container'
import { openConfStore } from '../main/services/conf-store'
import { dispatch } from '../main/ipc/dispatch'
import { handlersFor } from '../main/ipc/index'
import type { Dialogs, HandlerContext } from '../main/ipc/types'

export type BridgeOptions = { dataDir: string; rendererDir: string; divisionsDir?: string; port?: number }
export type Bridge = {
  url: string
  token: string
  services: Services
  /** Scripts the next native dialog answer (image paths, or an export target / null). */
  queueDialog(answer: string[] | string | null): void
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

async function clientScript(token: string): Promise<string> {
  const source = await readFile(fileURLToPath(new URL('./client.ts', import.meta.url)), 'utf8')
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'chrome120' })
  // The module's only export becomes a local function; run it with this run's token.
  return `(() => {\n${code.replace(/^export\s+/m, '')}\ninstallBridge(${JSON.stringify(token)})\n})()\n`
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) reject(new Error('body too large'))
      else chunks.push(chunk)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra })
  res.end(body)
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const dataDir = resolve(options.dataDir)
  const rendererDir = resolve(options.rendererDir)
  mkdirSync(dataDir, { recursive: true })
  const token = randomBytes(24).toString('hex')
  const services = createServices(dataDir, openConfStore(dataDir), resolve(options.divisionsDir ?? 'assets/divisions'))
  const queue: (string[] | string | null)[] = []
  let scripted = false
  const dialogs: Dialogs = {
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
  }
  const handlers = handlersFor(services, { dialogs, openExternal: async () => false })
  const streams = new Set<ServerResponse>()
  const ctx: HandlerContext = {
    // Like main's sender.send: only the contract's events reach the page.
    emit<E extends EventName>(event: E, payload: Events[E]) {
      if (!isEventName(event)) return
      const data = `data: ${JSON.stringify({ event, payload })}\n\n`
      for (const s of streams) s.write(data)
    },
  }
  const script = await clientScript(token)
  const uploadDir = join(dataDir, '.bridge-uploads')
  let uploads = 0

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => send(res, 500, String(error)))
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    // DNS-rebinding guard: only our own loopback origin may talk to us.
    const port = (server.address() as AddressInfo).port
    if (req.headers.host !== `127.0.0.1:${port}`) return send(res, 403, 'forbidden host')
    if (url.pathname.startsWith('/__bridge/')) return bridgeRoute(url, req, res)
    return staticRoute(url.pathname, res)
  }

  async function bridgeRoute(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (url.pathname === '/__bridge/client.js') return send(res, 200, script, TYPES['.js'])
    const given = req.headers['x-bridge-token'] ?? url.searchParams.get('token')
    if (given !== token) return send(res, 401, 'bad token')
    if (url.pathname === '/__bridge/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (req.method !== 'POST') return send(res, 405, 'POST only')
    if (url.pathname === '/__bridge/upload') {
      const name = safeFileName(decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload')))
      const dir = join(uploadDir, String(++uploads))
      await mkdir(dir, { recursive: true })
      const path = join(dir, name)
      await writeFile(path, await readBody(req, MAX_UPLOAD))
      return send(res, 200, JSON.stringify({ path }), TYPES['.json'])
    }
    const channel = decodeURIComponent(url.pathname.slice('/__bridge/invoke/'.length))
    if (!url.pathname.startsWith('/__bridge/invoke/') || !isChannel(channel)) return send(res, 404, 'unknown channel')
    const body = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8') || '{}') as { req?: unknown }
    scripted = false
    const result = await dispatch(handlers, channel, body.req, ctx)
    send(res, 200, JSON.stringify(result), TYPES['.json'], { 'x-bridge-scripted': scripted ? '1' : '0' })
  }

  async function staticRoute(pathname: string, res: ServerResponse): Promise<void> {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname)
    const full = resolve(rendererDir, `.${rel}`)
    if (!full.startsWith(rendererDir + sep)) return send(res, 403, 'forbidden')
    let body: Buffer
    try {
      body = await readFile(full)
    } catch {
      return send(res, 404, 'not found')
    }
    if (full.endsWith('index.html')) {
      // A classic script runs before the deferred module scripts, like a preload.
      const html = body.toString('utf8').replace('<script', '<script src="/__bridge/client.js"></script>\n    <script')
      return send(res, 200, html, TYPES['.html'])
    }
    send(res, 200, body, TYPES[extname(full)] ?? 'application/octet-stream')
  }

  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    services,
    queueDialog: (answer) => void queue.push(answer),
    close: () =>
      new Promise<void>((done) => {
        for (const s of streams) s.end()
        server.close(() => done())
      }),
  }
}
