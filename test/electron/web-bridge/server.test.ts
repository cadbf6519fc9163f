/** The loopback test bridge: same contract as the preload, and closed to everyone but its page. */
import { request } from 'node:http'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../../electron/web-bridge/server'
import { isInsideTempDir } from '../../../electron/web-bridge/guard'
import { makeIndividual, makeSite } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
let bridge: Bridge | undefined
afterEach(async () => {
  await bridge?.close()
  bridge = undefined
})

function renderer(root: string): string {
  const rendererDir = join(root, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="./app.js"></script></head></html>',
  )
  writeFileSync(join(rendererDir, 'app.js'), 'console.log("app")')
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'assets', 'index-D5ATwENY.js'), 'console.log("hashed")')
  return rendererDir
}

async function start(): Promise<Bridge> {
  const root = tempDir()
  const rendererDir = renderer(root)
  writeFileSync(join(root, 'secret.txt'), 'top secret')
  bridge = await startBridge({ dataDir: join(root, 'data'), rendererDir })
  return bridge
}

/** What the bridge's own page sends: its origin, same-origin fetch metadata and the token header. */
function own(b: Bridge, extra: Record<string, string> = {}): Record<string, string> {
  return {
    origin: new URL(b.url).origin,
    'sec-fetch-site': 'same-origin',
    'x-bridge-token': b.token,
    'content-type': 'application/json',
    ...extra,
  }
}

const LOAD = '/__bridge/invoke/workspace:load'

function call(
  b: Bridge,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
) {
  const url = new URL(path, b.url)
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: url.pathname + url.search,
          method: init.method ?? 'GET',
          headers: { host: url.host, ...init.headers },
        },
        (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
        },
      )
      req.on('error', reject)
      req.end(init.body)
    },
  )
}

/** What the page's pathsForFiles does with a dropped file: uploads it and gets its path back. */
async function upload(b: Bridge, file: string): Promise<string> {
  const res = await call(b, '/__bridge/upload', {
    method: 'POST',
    headers: own(b, {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(basename(file)),
    }),
    body: readFileSync(file),
  })
  return (JSON.parse(res.body) as { path: string }).path
}

describe('web bridge', () => {
  it('listens on loopback only and injects its client before the app module', async () => {
    const b = await start()
    expect(new URL(b.url).hostname).toBe('127.0.0.1')
    const page = await call(b, '/')
    expect(page.body.indexOf('/__bridge/client.js')).toBeLessThan(page.body.indexOf('./app.js'))
    const client = await call(b, '/__bridge/client.js')
    expect(client.status).toBe(200)
    expect(client.body).toContain('installBridge(')
    expect(client.body).not.toMatch(/^\s*export /m)
  })

  it('serves the hashed bundle as the app:// scheme does: cached for good, the page never', async () => {
    const b = await start()
    const hashed = await call(b, '/assets/index-D5ATwENY.js')
    expect(hashed.body).toContain('hashed')
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await call(b, '/')).headers['cache-control']).toBe('no-store')
    expect((await call(b, '/app.js')).headers['cache-control']).toBe('no-store')
  })

  it('gives the token only in the page URL fragment, never in a served file', async () => {
    const b = await start()
    expect(new URL(b.pageUrl).hash).toBe(`#bridge-token=${b.token}`)
    // What another local origin can fetch or load with <script src>: none of it holds the token.
    for (const path of ['/', '/index.html', '/app.js', '/__bridge/client.js', '/missing.js']) {
      const res = await call(b, path, {
        headers: { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' },
      })
      expect(res.body, path).not.toContain(b.token)
      expect(res.headers['access-control-allow-origin'], path).toBeUndefined()
    }
  })

  it('answers contract calls with result objects through the real handlers', async () => {
    const b = await start()
    const headers = own(b)
    const load = await call(b, LOAD, { method: 'POST', headers, body: '{}' })
    expect(JSON.parse(load.body)).toEqual({ ok: true, value: { subjects: [], sites: [], materials: [] } })
    const bad = await call(b, '/__bridge/invoke/subjects:save', {
      method: 'POST',
      headers,
      body: JSON.stringify({ req: { id: '../x' } }),
    })
    const result = JSON.parse(bad.body) as { ok: boolean; error: { code: string; message: string } }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('ipc/invalid-request')
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('refuses calls without the token, from another Host, to unknown channels and outside the renderer', async () => {
    const b = await start()
    const { 'x-bridge-token': _token, ...noToken } = own(b)
    expect((await call(b, LOAD, { method: 'POST', headers: noToken, body: '{}' })).status).toBe(401)
    expect(
      (await call(b, LOAD, { method: 'POST', headers: own(b, { 'x-bridge-token': 'nope' }), body: '{}' }))
        .status,
    ).toBe(401)
    const rebinding = await call(b, '/', { headers: { host: 'evil.example:80' } })
    expect(rebinding.status).toBe(403)
    expect(
      (await call(b, '/__bridge/invoke/fs:read', { method: 'POST', headers: own(b), body: '{}' })).status,
    ).toBe(404)
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await call(b, path)
      expect(res.status, path).not.toBe(200)
      expect(res.body).not.toContain('top secret')
    }
  })

  it('hands scripted dialog answers to the handlers in order', async () => {
    const b = await start()
    const headers = own(b)
    b.queueDialog(['/tmp/a.jpg'])
    const picked = await call(b, '/__bridge/invoke/dialog:pickImages', {
      method: 'POST',
      headers,
      body: JSON.stringify({ req: { multiple: false } }),
    })
    expect(JSON.parse(picked.body)).toEqual({ ok: true, value: ['/tmp/a.jpg'] })
    expect(picked.headers['x-bridge-scripted']).toBe('1')
    const unscripted = await call(b, '/__bridge/invoke/dialog:pickImages', {
      method: 'POST',
      headers,
      body: JSON.stringify({ req: { multiple: true } }),
    })
    expect(unscripted.headers['x-bridge-scripted']).toBe('0')
  })

  it("streams a batch run's batch:started and batch:progress events to the page", async () => {
    const b = await start()
    const dir = tempDir()
    const good = join(dir, '正面.png')
    writeFileSync(
      good,
      await sharp({ create: { width: 320, height: 200, channels: 3, background: '#d8e4f0' } })
        .png()
        .toBuffer(),
    )
    const bad = join(dir, '说明.txt')
    writeFileSync(bad, '这不是图片')
    const events: { event: string; payload: { index: number; ok?: boolean; code?: string } }[] = []
    const url = new URL('/__bridge/events', b.url)
    const stream = request({
      host: '127.0.0.1',
      port: url.port,
      path: url.pathname,
      headers: { host: url.host, 'x-bridge-token': b.token },
    })
    const connected = new Promise<void>((resolve) => {
      stream.on('response', (res) => {
        let buffer = ''
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString()
          if (buffer.includes(': connected')) resolve()
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (block.startsWith('data: ')) events.push(JSON.parse(block.slice(6)) as (typeof events)[number])
          }
        })
      })
    })
    stream.end()
    await connected
    const headers = own(b)
    // As the page does it: files dropped (uploaded), the output folder from a scripted dialog.
    const paths = [await upload(b, good), await upload(b, bad)]
    const outDir = join(dir, 'out')
    b.queueDialog(outDir)
    await call(b, '/__bridge/invoke/dialog:pickExportTarget', {
      method: 'POST',
      headers,
      body: JSON.stringify({ req: { format: 'folder', suggestedName: '压缩后', purpose: 'batch' } }),
    })
    const req = { batchId: 'web1', paths, outDir, maxBytes: 512_000 }
    const answer = await call(b, '/__bridge/invoke/batch:compress', {
      method: 'POST',
      headers,
      body: JSON.stringify({ req }),
    })
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { batchId: 'web1', cancelled: false } })
    await expect.poll(() => events.filter((e) => e.event === 'batch:progress').length).toBe(2)
    stream.destroy()
    for (const index of [0, 1]) {
      expect(events.filter((e) => e.payload.index === index).map((e) => e.event)).toEqual([
        'batch:started',
        'batch:progress',
      ])
    }
    expect(events.find((e) => e.event === 'batch:progress' && e.payload.index === 1)?.payload).toMatchObject({
      ok: false,
      code: 'image/not-image',
    })
  })
})

/** The attacks of issue 12 ("the test bridge gives away its token"), each refused. */
describe('web bridge attacks', () => {
  async function seeded(): Promise<{ b: Bridge; siteId: string }> {
    const b = await start()
    const subject = makeIndividual()
    const site = makeSite(subject.id)
    b.services.repo.commit({ subjects: [subject], sites: [site], materials: [] })
    return { b, siteId: site.id }
  }
  const sites = (b: Bridge) => b.services.repo.workspace().sites.length
  const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code

  it('a page on another local origin cannot delete a site, even holding the token', async () => {
    const { b, siteId } = await seeded()
    const body = JSON.stringify({ req: { id: siteId } })
    for (const origin of ['http://127.0.0.1:1', 'http://localhost:5173', 'null']) {
      const res = await call(b, '/__bridge/invoke/sites:delete', {
        method: 'POST',
        headers: own(b, { origin }),
        body,
      })
      expect(res.status, origin).toBe(403)
      expect(codeOf(res.body)).toBe('bridge/foreign-origin')
    }
    // Fetch metadata says "another site" even where Origin is withheld (GET, no-cors).
    const events = await call(b, '/__bridge/events', {
      headers: { 'x-bridge-token': b.token, 'sec-fetch-site': 'same-site' },
    })
    expect(events.status).toBe(403)
    // A POST without Origin is not from a browser page of ours.
    const { origin: _o, ...noOrigin } = own(b)
    expect(
      (await call(b, '/__bridge/invoke/sites:delete', { method: 'POST', headers: noOrigin, body })).status,
    ).toBe(403)
    expect(sites(b)).toBe(1)
    // Control: the bridge's own page can.
    expect(
      (await call(b, '/__bridge/invoke/sites:delete', { method: 'POST', headers: own(b), body })).status,
    ).toBe(200)
    expect(sites(b)).toBe(0)
  })

  it('refuses CORS preflights without granting anything', async () => {
    const b = await start()
    const res = await call(b, LOAD, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST' },
    })
    expect(res.status).toBe(403)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    expect(res.headers['access-control-allow-headers']).toBeUndefined()
  })

  it('refuses the token in the query string', async () => {
    const { b, siteId } = await seeded()
    const { 'x-bridge-token': _t, ...noToken } = own(b)
    const res = await call(b, `/__bridge/invoke/sites:delete?token=${b.token}`, {
      method: 'POST',
      headers: noToken,
      body: JSON.stringify({ req: { id: siteId } }),
    })
    expect(res.status).toBe(400)
    expect(codeOf(res.body)).toBe('bridge/query-not-allowed')
    const stream = await call(b, `/__bridge/events?token=${b.token}`)
    expect(stream.status).toBe(400)
    expect(stream.headers['content-type']).not.toContain('event-stream')
    expect(sites(b)).toBe(1)
  })

  it('refuses a text/plain (or any non-JSON) body, the kind a cross-site form can send', async () => {
    const { b, siteId } = await seeded()
    const body = JSON.stringify({ req: { id: siteId } })
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ]) {
      const res = await call(b, '/__bridge/invoke/sites:delete', {
        method: 'POST',
        headers: own(b, { 'content-type': type }),
        body,
      })
      expect(res.status, type).toBe(415)
      expect(codeOf(res.body)).toBe('bridge/unsupported-media-type')
    }
    const upload = await call(b, '/__bridge/upload', {
      method: 'POST',
      headers: own(b, { 'content-type': 'text/plain', 'x-file-name': 'a.jpg' }),
      body: 'x',
    })
    expect(upload.status).toBe(415)
    expect(sites(b)).toBe(1)
  })

  it('refuses bodies that are not a JSON object, with a code and no parser text', async () => {
    const b = await start()
    for (const body of ['not json', '{"req":', '[1,2]', 'null', '"x"', '']) {
      const res = await call(b, LOAD, { method: 'POST', headers: own(b), body })
      expect(res.status, body).toBe(400)
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'bridge/bad-json' } })
    }
  })

  it('refuses paths the page made up: packet:export to any path, batch:compress of /etc/shadow, the preload-only channel', async () => {
    const { b, siteId } = await seeded()
    const headers = own(b)
    const invoke = (channel: string, req: unknown) =>
      call(b, `/__bridge/invoke/${channel}`, { method: 'POST', headers, body: JSON.stringify({ req }) })
    const loot = join(tempDir(), 'loot.zip')
    const exported = await invoke('packet:export', { siteId, format: 'zip', target: loot, force: true })
    expect(JSON.parse(exported.body)).toMatchObject({ ok: false, error: { code: 'path/not-granted' } })
    expect(existsSync(loot)).toBe(false)
    const out = tempDir()
    const probe = await invoke('batch:compress', {
      batchId: 'probe',
      paths: ['/etc/shadow'],
      outDir: out,
      maxBytes: 512_000,
    })
    const refusal = JSON.parse(probe.body) as { ok: false; error: { code: string; message: string } }
    expect(refusal).toMatchObject({ ok: false, error: { code: 'path/not-granted' } })
    expect(refusal.error.message).toMatch(/不是在本程序的对话框中选择的/)
    expect(probe.body).not.toContain('EACCES')
    const registered = await invoke('paths:registerDropped', { paths: ['/etc/shadow'] })
    expect(registered.status).toBe(404)
    expect(JSON.parse(registered.body)).toEqual({ ok: false, error: { code: 'bridge/unknown-channel' } })
  })

  it('answers failures with codes, never exception text', async () => {
    const b = await start()
    const leaks = /URIError|SyntaxError|Unexpected|malformed|at \/|node:|too large/
    const cases = [
      await call(b, '/%E0%A4%A'),
      await call(b, '/__bridge/invoke/%E0%A4%A', { method: 'POST', headers: own(b), body: '{}' }),
      await call(b, '/__bridge/upload', {
        method: 'POST',
        headers: own(b, { 'content-type': 'application/octet-stream', 'x-file-name': '%E0%A4%A' }),
        body: 'x',
      }),
      await call(b, LOAD, {
        method: 'POST',
        headers: own(b),
        body: JSON.stringify({ req: 'x'.repeat(2 * 1024 * 1024) }),
      }),
    ]
    expect(cases.map((c) => c.status)).toEqual([400, 400, 400, 413])
    for (const c of cases) {
      expect(c.body).not.toMatch(leaks)
      expect(JSON.parse(c.body)).toEqual({
        ok: false,
        error: { code: expect.stringMatching(/^bridge\/[a-z-]+$/) },
      })
    }
  })
})

describe('web bridge data folder', () => {
  /** A folder outside the OS temp folder: under the repository's git-ignored .tmp/. */
  const outsideDirs: string[] = []
  // The repo's .tmp, or the home folder's when the clone itself sits in the temp folder (a CI rehearsal).
  const outsideRoot = [resolve('.tmp'), join(homedir(), '.beian-desk-test')].find((d) => !isInsideTempDir(d))
  const outside = (name: string): string => {
    if (!outsideRoot) throw new Error('no folder outside the temp folder to test with')
    const dir = join(outsideRoot, `bridge-${name}-${process.pid}`)
    outsideDirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const dir of outsideDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('refuses a data folder outside the OS temp folder unless forced, before writing anything', async () => {
    const dir = outside('refused')
    expect(isInsideTempDir(dir)).toBe(false)
    await expect(startBridge({ dataDir: dir, rendererDir: renderer(tempDir()) })).rejects.toThrow(
      /BEIAN_BRIDGE_FORCE=1/,
    )
    expect(existsSync(dir)).toBe(false)
  })

  it('sees through a symlink in the temp folder that leads outside it', async () => {
    const root = tempDir()
    const target = outside('link-target')
    mkdirSync(target, { recursive: true })
    const link = join(root, 'link')
    symlinkSync(target, link)
    expect(isInsideTempDir(join(link, 'data'))).toBe(false)
    await expect(startBridge({ dataDir: join(link, 'data'), rendererDir: renderer(root) })).rejects.toThrow(
      /--force/,
    )
    expect(existsSync(join(target, 'data'))).toBe(false)
  })

  it('accepts folders inside the temp folder, not the temp folder itself', () => {
    expect(isInsideTempDir(join(tmpdir(), 'beian-x', 'not-yet-created'))).toBe(true)
    expect(isInsideTempDir(tmpdir())).toBe(false)
    expect(isInsideTempDir(`${tmpdir()}-sibling`)).toBe(false)
  })

  it('runs outside the temp folder when forced', async () => {
    const dir = outside('forced')
    bridge = await startBridge({ dataDir: dir, rendererDir: renderer(tempDir()), force: true })
    expect((await call(bridge, LOAD, { method: 'POST', headers: own(bridge), body: '{}' })).status).toBe(200)
    expect(existsSync(join(dir, 'config.json'))).toBe(true)
  })
})
