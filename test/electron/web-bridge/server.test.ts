/** The loopback test bridge: same contract as the preload, and closed to everyone but its page. */
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../../electron/web-bridge/server'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
let bridge: Bridge | undefined
afterEach(async () => {
  await bridge?.close()
  bridge = undefined
})

async function start(): Promise<Bridge> {
  const root = tempDir()
  const rendererDir = join(root, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><script type="module" src="./app.js"></script></head></html>')
  writeFileSync(join(root, 'secret.txt'), 'top secret')
  bridge = await startBridge({ dataDir: join(root, 'data'), rendererDir })
  return bridge
}

function call(b: Bridge, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(path, b.url)
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method: init.method ?? 'GET', headers: { host: url.host, ...init.headers } },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(init.body)
  })
}

describe('web bridge', () => {
  it('listens on loopback only and injects its client before the app module', async () => {
    const b = await start()
    expect(new URL(b.url).hostname).toBe('127.0.0.1')
    const page = await call(b, '/')
    expect(page.body.indexOf('/__bridge/client.js')).toBeLessThan(page.body.indexOf('./app.js'))
    const client = await call(b, '/__bridge/client.js')
    expect(client.body).toContain(b.token)
    expect(client.body).not.toMatch(/^\s*export /m)
  })

  it('answers contract calls with result objects through the real handlers', async () => {
    const b = await start()
    const headers = { 'x-bridge-token': b.token, 'content-type': 'application/json' }
    const load = await call(b, '/__bridge/invoke/workspace:load', { method: 'POST', headers, body: '{}' })
    expect(JSON.parse(load.body)).toEqual({ ok: true, value: { subjects: [], sites: [], materials: [] } })
    const bad = await call(b, '/__bridge/invoke/subjects:save', { method: 'POST', headers, body: JSON.stringify({ req: { id: '../x' } }) })
    const result = JSON.parse(bad.body) as { ok: boolean; error: { code: string; message: string } }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('ipc/invalid-request')
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('refuses calls without the token, from another Host, to unknown channels and outside the renderer', async () => {
    const b = await start()
    expect((await call(b, '/__bridge/invoke/workspace:load', { method: 'POST', body: '{}' })).status).toBe(401)
    expect((await call(b, '/__bridge/invoke/workspace:load', { method: 'POST', headers: { 'x-bridge-token': 'nope' }, body: '{}' })).status).toBe(401)
    const rebinding = await call(b, '/', { headers: { host: 'evil.example:80' } })
    expect(rebinding.status).toBe(403)
    expect((await call(b, '/__bridge/invoke/fs:read', { method: 'POST', headers: { 'x-bridge-token': b.token }, body: '{}' })).status).toBe(404)
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await call(b, path)
      expect(res.status, path).not.toBe(200)
      expect(res.body).not.toContain('top secret')
    }
  })

  it('hands scripted dialog answers to the handlers in order', async () => {
    const b = await start()
    const headers = { 'x-bridge-token': b.token, 'content-type': 'application/json' }
    b.queueDialog(['/tmp/a.jpg'])
    const picked = await call(b, '/__bridge/invoke/dialog:pickImages', { method: 'POST', headers, body: JSON.stringify({ req: { multiple: false } }) })
    expect(JSON.parse(picked.body)).toEqual({ ok: true, value: ['/tmp/a.jpg'] })
    expect(picked.headers['x-bridge-scripted']).toBe('1')
    const unscripted = await call(b, '/__bridge/invoke/dialog:pickImages', { method: 'POST', headers, body: JSON.stringify({ req: { multiple: true } }) })
    expect(unscripted.headers['x-bridge-scripted']).toBe('0')
  })

  it('streams a batch run\'s batch:started and batch:progress events to the page', async () => {
    const b = await start()
    const dir = tempDir()
    const good = join(dir, '正面.png')
    writeFileSync(good, await sharp({ create: { width: 320, height: 200, channels: 3, background: '#d8e4f0' } }).png().toBuffer())
    const bad = join(dir, '说明.txt')
    writeFileSync(bad, '这不是图片')
    const events: { event: string; payload: { index: number; ok?: boolean; code?: string } }[] = []
    const url = new URL(`/__bridge/events?token=${b.token}`, b.url)
    const stream = request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, headers: { host: url.host } })
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
    const headers = { 'x-bridge-token': b.token, 'content-type': 'application/json' }
    const req = { batchId: 'web1', paths: [good, bad], outDir: join(dir, 'out'), maxBytes: 512_000 }
    const answer = await call(b, '/__bridge/invoke/batch:compress', { method: 'POST', headers, body: JSON.stringify({ req }) })
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { batchId: 'web1', cancelled: false } })
    await expect.poll(() => events.filter((e) => e.event === 'batch:progress').length).toBe(2)
    stream.destroy()
    for (const index of [0, 1]) {
      expect(events.filter((e) => e.payload.index === index).map((e) => e.event)).toEqual(['batch:started', 'batch:progress'])
    }
    expect(events.find((e) => e.event === 'batch:progress' && e.payload.index === 1)?.payload).toMatchObject({ ok: false, code: 'image/not-image' })
  })
})
