/**
 * Request checks of the loopback test bridge, as small pure functions: who may call it
 * (Host, Origin, Fetch Metadata), how the token travels (one header, never the query string),
 * what a body may be, and which data folders it may run on.
 */
import { timingSafeEqual } from 'node:crypto'
import { existsSync, realpathSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve, sep } from 'node:path'

/** A refusal: an HTTP status and a stable code; never exception text. */
export type Refusal = { status: number; code: string }

export class BridgeRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code)
  }
}

export const TOKEN_HEADER = 'x-bridge-token'
/** The page URL's fragment key: `#bridge-token=…`. A fragment is never sent to any server. */
export const TOKEN_FRAGMENT = 'bridge-token'

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * Checks every `/__bridge/` request before it is routed. Browsers send `Origin` on every POST
 * and `Sec-Fetch-Site` on every request: a page on another origin (another local port
 * included) is refused even before the token is looked at.
 */
export function checkBridgeRequest(
  method: string,
  url: URL,
  headers: IncomingHttpHeaders,
  origin: string,
  token: string,
): Refusal | null {
  if (method === 'OPTIONS') return { status: 403, code: 'bridge/no-cors' }
  if (url.search !== '') return { status: 400, code: 'bridge/query-not-allowed' }
  const from = headers.origin
  if (from !== undefined && from !== origin) return { status: 403, code: 'bridge/foreign-origin' }
  if (method !== 'GET' && from === undefined) return { status: 403, code: 'bridge/foreign-origin' }
  const site = headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return { status: 403, code: 'bridge/foreign-origin' }
  const given = headers[TOKEN_HEADER]
  if (typeof given !== 'string' || !sameToken(given, token)) return { status: 401, code: 'bridge/bad-token' }
  return null
}

/** A POST body must declare the media type its route expects. */
export function checkContentType(
  headers: IncomingHttpHeaders,
  expected: 'application/json' | 'application/octet-stream',
): Refusal | null {
  return mediaType(headers) === expected ? null : { status: 415, code: 'bridge/unsupported-media-type' }
}

/** An invoke body: JSON text of an object with an optional `req`. */
export function parseInvokeBody(body: Buffer): { req?: unknown } {
  let value: unknown
  try {
    value = JSON.parse(body.toString('utf8'))
  } catch {
    throw new BridgeRefusal(400, 'bridge/bad-json')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BridgeRefusal(400, 'bridge/bad-json')
  return value as { req?: unknown }
}

/** The real path of `path`, also when its last parts do not exist yet. */
function realPathOf(path: string): string {
  const full = resolve(path)
  if (existsSync(full)) return realpathSync(full)
  const parent = dirname(full)
  return parent === full ? full : join(realPathOf(parent), basename(full))
}

/** True when `dir` lies strictly inside the OS temp folder (symlinks resolved). */
export function isInsideTempDir(dir: string): boolean {
  const temp = realpathSync(tmpdir())
  return realPathOf(dir).startsWith(temp + sep)
}

export function dataDirRefusal(dir: string): string {
  return (
    `测试桥只在系统临时目录（${tmpdir()}）下的数据目录上运行，以免改动真实工作区；${resolve(dir)} 不在其中。` +
    '确需使用该目录时，请加 --force 或设置环境变量 BEIAN_BRIDGE_FORCE=1。\n' +
    `The test bridge runs only on a data folder inside the OS temp folder (${tmpdir()}), so it never touches a real workspace; ` +
    `${resolve(dir)} is not. To use it anyway, pass --force or set BEIAN_BRIDGE_FORCE=1.`
  )
}
