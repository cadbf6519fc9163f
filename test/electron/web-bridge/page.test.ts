/**
 * The bridge in a real browser (Debian Chromium): its own page gets the token from the URL
 * fragment and hides it, and a page on another local origin can neither read the token nor
 * change the workspace (issue 12: "a page on another local origin read the token and deleted
 * a site").
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../../electron/web-bridge/server'
import { assertPrerequisites, launchBrowser } from '../../e2e/browser'
import { makeIndividual, makeSite } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
let browser: Browser
let bridge: Bridge | undefined
let attacker: Server | undefined

beforeAll(async () => {
  assertPrerequisites()
  browser = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  await bridge?.close()
  bridge = undefined
  await new Promise<void>((done) => (attacker ? attacker.close(() => done()) : done()))
  attacker = undefined
})

async function seededBridge(): Promise<{ b: Bridge; siteId: string }> {
  const root = tempDir()
  const rendererDir = join(root, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="./app.js"></script></head><body></body></html>',
  )
  writeFileSync(join(rendererDir, 'app.js'), 'document.body.dataset.app = "ready"')
  bridge = await startBridge({ dataDir: join(root, 'data'), rendererDir })
  const subject = makeIndividual()
  const site = makeSite(subject.id)
  bridge.services.repo.commit({ subjects: [subject], sites: [site], materials: [] })
  return { b: bridge, siteId: site.id }
}

/** Another web server on loopback, as any local dev server or tool would be. */
async function attackerOrigin(html: string): Promise<string> {
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  await new Promise<void>((ok) => attacker?.listen(0, '127.0.0.1', ok))
  return `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`
}

describe('web bridge in Chromium', () => {
  it('its own page takes the token from the fragment, drops it from the address and keeps working after a reload', async () => {
    const { b } = await seededBridge()
    const page = await browser.newPage()
    try {
      await page.goto(b.pageUrl)
      await expect.poll(() => page.evaluate<string | undefined>('document.body.dataset.app')).toBe('ready')
      expect(page.url()).toBe(b.url)
      expect(await page.content()).not.toContain(b.token)
      const load = () => page.evaluate<unknown>("window.beian.invoke('workspace:load')")
      expect(await load()).toMatchObject({ ok: true, value: { sites: [expect.anything()] } })
      await page.reload()
      expect(await load()).toMatchObject({ ok: true })
    } finally {
      await page.close()
    }
  })

  it('a page on another local origin cannot get the token or delete a site', async () => {
    const { b, siteId } = await seededBridge()
    // The attacker's page spies on fetch and EventSource, then loads the bridge's client script
    // and makes it talk: whatever token the script holds shows up in a URL or a header.
    const origin = await attackerOrigin(`<html><body>
      <script>
        window.seen = []
        const realFetch = window.fetch
        window.fetch = (url, init) => {
          window.seen.push(String(url) + ' ' + JSON.stringify((init && init.headers) || {}))
          return realFetch(url, init)
        }
        const RealEventSource = window.EventSource
        window.EventSource = function (url, options) {
          window.seen.push(String(url))
          return new RealEventSource(url, options)
        }
      </script>
      <script src="${b.url}__bridge/client.js"></script>
    </body></html>`)
    const page = await browser.newPage()
    try {
      await page.goto(origin)
      // A string, not a function: this file is type-checked without the DOM library.
      const outcome = await page.evaluate<Record<string, string>>(`(async () => {
        const bridgeUrl = ${JSON.stringify(b.url)}
        const knownToken = ${JSON.stringify(b.token)}
        const body = JSON.stringify({ req: { id: ${JSON.stringify(siteId)} } })
        const target = bridgeUrl + '__bridge/invoke/sites:delete'
        if (window.beian) await window.beian.invoke('workspace:load').catch(() => undefined)
        const stolen = (window.seen.join(' ').match(/[0-9a-f]{48}/) || [''])[0]
        const attempt = async (run) => {
          try {
            const res = await run()
            return res.type === 'opaque' ? 'opaque' : res.status + ':' + (await res.text())
          } catch {
            return 'blocked'
          }
        }
        return {
          stolen,
          html: document.documentElement.outerHTML,
          storage: JSON.stringify({ ...sessionStorage }),
          readPage: await attempt(() => fetch(bridgeUrl)),
          readClient: await attempt(() => fetch(bridgeUrl + '__bridge/client.js')),
          simplePost: await attempt(() =>
            fetch(target, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
          ),
          // With a stolen token: in the query string, with a body a no-cors request may carry.
          stolenInQuery: await attempt(() => fetch(target + '?token=' + stolen, { method: 'POST', mode: 'no-cors', body })),
          queryToken: await attempt(() => fetch(target + '?token=' + knownToken, { method: 'POST', mode: 'no-cors', body })),
          // Even a page that somehow knew the token is refused at the CORS preflight.
          withToken: await attempt(() =>
            fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bridge-token': knownToken }, body }),
          ),
        }
      })()`)
      expect(outcome.stolen).not.toBe(b.token)
      expect(outcome.html).not.toContain(b.token)
      expect(outcome.storage).not.toContain(b.token)
      expect(outcome.readPage).toBe('blocked')
      expect(outcome.readClient).toBe('blocked')
      expect(outcome.simplePost).toBe('opaque')
      expect(outcome.stolenInQuery).toBe('opaque')
      expect(outcome.queryToken).toBe('opaque')
      expect(outcome.withToken).toBe('blocked')
      expect(b.services.repo.workspace().sites.map((s) => s.id)).toEqual([siteId])
    } finally {
      await page.close()
    }
  })
})
