/**
 * End-to-end harness: the built renderer served by the loopback bridge (real handlers, real
 * sharp, a temporary data directory) in Debian's Chromium driven by playwright-core.
 * Fails, never skips, when Chromium or the build is missing.
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startBridge, type Bridge } from '../../electron/web-bridge/server'
import { expect } from 'vitest'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const RENDERER_DIR = resolve('out/renderer')

export type Session = {
  bridge: Bridge
  browser: Browser
  page: Page
  dataDir: string
  close(): Promise<void>
}

export function assertPrerequisites(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium" (or set CHROMIUM_PATH).`,
    )
  }
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run "npm run build" first (npm test does).')
  }
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The window every test page gets: the app's default size, Chinese locale. */
const PAGE_OPTIONS = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' }

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/**
 * Chromium with an on-disk profile, as Electron's default session is: its HTTP and V8 code
 * caches survive between page loads (Playwright's ordinary contexts are off the record, where
 * Chromium keeps no code cache), so a second load stands for a second start of the app.
 */
export async function launchPersistent(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    ...PAGE_OPTIONS,
  })
}

export async function openSession(
  browser: Browser,
  dataDir = mkdtempSync(join(tmpdir(), 'beian-e2e-')),
): Promise<Session> {
  const bridge = await startBridge({ dataDir, rendererDir: RENDERER_DIR })
  const page = await browser.newPage(PAGE_OPTIONS)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(bridge.pageUrl)
  return {
    bridge,
    browser,
    page,
    dataDir,
    async close() {
      await page.close()
      await bridge.close()
      if (errors.some((e) => /Content Security Policy|Refused to/.test(e)))
        throw new Error(`CSP violations: ${errors.join('\n')}`)
    },
  }
}

export type DropItem = { bytes: Buffer; name: string; type: string }

/** A DataTransfer in the page holding these files, as a drag from the desktop carries them. */
async function transferOf(page: Page, files: readonly DropItem[]) {
  return page.evaluateHandle(
    (items) => {
      // Runs in the page; typed loosely because browser.ts is also compiled with Node's lib.
      type PageTransfer = { items: { add(file: File): void } }
      const { DataTransfer } = globalThis as unknown as { DataTransfer: new () => PageTransfer }
      const transfer = new DataTransfer()
      for (const { b64, name, type } of items) {
        const raw = atob(b64)
        const data = new Uint8Array(raw.length)
        for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i)
        transfer.items.add(new File([data], name, { type }))
      }
      return transfer
    },
    files.map((f) => ({ b64: f.bytes.toString('base64'), name: f.name, type: f.type })),
  )
}

/** Drags files over an element without letting go (for the "release to add" state). */
export async function dragFilesOver(page: Page, selector: string, files: readonly DropItem[]): Promise<void> {
  const dataTransfer = await transferOf(page, files)
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer })
  await page.dispatchEvent(selector, 'dragover', { dataTransfer })
}

/** Drops files onto an element the way a user's drag from the desktop does. */
export async function dropFiles(page: Page, selector: string, files: readonly DropItem[]): Promise<void> {
  const dataTransfer = await transferOf(page, files)
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer })
  await page.dispatchEvent(selector, 'dragover', { dataTransfer })
  await page.dispatchEvent(selector, 'drop', { dataTransfer })
}

/** Drops one file onto an element. */
export async function dropFile(
  page: Page,
  selector: string,
  bytes: Buffer,
  name: string,
  type: string,
): Promise<void> {
  await dropFiles(page, selector, [{ bytes, name, type }])
}

export const byId = (id: string): string => `[data-testid="${id}"]`

/**
 * antd Select / AutoComplete: open it and pick the option with this text. The dropdown
 * animates in, and one left open by a previous field can swallow the first click, so a
 * pick that the field does not show afterwards (as its text or its input's value) closes
 * dropdowns and tries again, like a user who looks before moving on.
 */
export async function choose(page: Page, testId: string, option: string): Promise<void> {
  // The first field with this id, as page.click picks (the site's form comes before the subject's).
  const field = page.locator(byId(testId)).first()
  const shows = () =>
    field.evaluate(
      (el, text) =>
        (el.textContent ?? '').includes(text) ||
        [...el.querySelectorAll('input')].some((input) => input.value.includes(text)),
      option,
    )
  for (let attempt = 1; ; attempt++) {
    try {
      await field.click()
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
          hasText: option,
        })
        .first()
        .click({ timeout: 5_000 })
      await expect.poll(shows, { timeout: 3_000 }).toBe(true)
      return
    } catch (error) {
      if (attempt === 3) throw error
      await page.keyboard.press('Escape')
    }
  }
}

/** antd DatePicker: type the ISO date and confirm. */
export async function typeDate(page: Page, testId: string, iso: string): Promise<void> {
  await page.click(byId(testId))
  await page.keyboard.type(iso)
  await page.keyboard.press('Enter')
}

/** antd tags Select: type a value and confirm it. */
export async function addTag(page: Page, testId: string, value: string): Promise<void> {
  await page.click(byId(testId))
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
}

/**
 * Holds back the page's calls of one bridge channel whose request matches, until `release`:
 * for checking what the user sees while main is still working.
 */
export type NewSite = { name: string; domain: string; icp: string; opening: string; ip: string }

/**
 * 新建网站 under the selected subject with everything the form requires (both providers 阿里云),
 * saved; waits for the site in the tree.
 */
export async function createSite(page: Page, site: NewSite): Promise<void> {
  await page.click(byId('new-site'))
  await page.fill(byId('site-name'), site.name)
  await page.fill(byId('site-mainDomain'), site.domain)
  await page.fill(byId('site-icpNumber'), site.icp)
  await typeDate(page, 'site-openingDate', site.opening)
  await addTag(page, 'site-serverIps', site.ip)
  await page.click(byId('site-accessProvider-name'))
  await page.keyboard.type('阿里云计算有限公司')
  await page.locator('.ant-select-item-option', { hasText: '阿里云计算有限公司' }).first().click()
  await page.click(byId('site-registrar-name'))
  await page.keyboard.type('阿里云计算')
  await page.locator('.ant-select-item-option:visible', { hasText: '阿里云计算有限公司' }).last().click()
  await page.click(byId('save-site'))
  await page.locator('[data-testid^="tree-site-"]').first().waitFor()
}

export async function holdInvoke(
  page: Page,
  channel: string,
  matches: (req: unknown) => boolean,
): Promise<{ held: Promise<void>; release(): Promise<void> }> {
  const url = `**/__bridge/invoke/${encodeURIComponent(channel)}`
  let release = (): void => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  let seen = (): void => undefined
  const held = new Promise<void>((resolve) => (seen = resolve))
  const passed: Promise<void>[] = []
  await page.route(url, async (route) => {
    const body = route.request().postDataJSON() as { req?: unknown } | null
    if (!matches(body?.req)) return route.continue()
    seen()
    const sent = gate.then(() => route.continue())
    passed.push(sent)
    await sent
  })
  return {
    held,
    async release() {
      release()
      await Promise.all(passed)
      await page.unroute(url)
    },
  }
}
