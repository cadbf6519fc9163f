/**
 * Settings → 数据加密 → 工作区迁移包 in Chromium over the test bridge: a workspace with a site is
 * exported through main's save dialog, an import into it is refused (not empty), and a new,
 * empty workspace imports the archive and opens it at the next start. Screenshots go to
 * test-results/.
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storedWorkspace } from '../support/stored-workspace'
import { individualSite, storeWorkspace } from '../electron/cli/support'
import { assertPrerequisites, byId, launchBrowser, openSession } from './browser'

const SHOTS = join('test-results', 'archive')
const PASS = '搬家时用的迁移包口令'
let browser: Browser

beforeAll(async () => {
  assertPrerequisites()
  mkdirSync(SHOTS, { recursive: true })
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser.close()
})

describe('settings → 数据加密 → 工作区迁移包', () => {
  it('exports a workspace, refuses to import over it, and imports it into an empty one', async () => {
    const oldDir = mkdtempSync(join(tmpdir(), 'beian-e2e-'))
    const site = await individualSite(oldDir)
    storeWorkspace(oldDir, { subjects: [site.subject], sites: [site.site], materials: site.materials })
    const old = await openSession(browser, oldDir)
    await old.page.click(byId('nav-encryption'))
    await old.page.locator(byId('archive-settings')).waitFor()
    await old.page.fill(byId('arc-pass-1'), PASS)
    await old.page.fill(byId('arc-pass-2'), PASS)
    await old.page.click(byId('arc-export'))
    const done = old.page.locator(byId('arc-export-done'))
    await done.waitFor()
    await expect(done.textContent()).resolves.toContain('.bdxa')
    await old.page.screenshot({ path: join(SHOTS, 'exported.png') })
    const archive = join(oldDir, 'exports', readdirSync(join(oldDir, 'exports'))[0] as string)
    expect(archive.endsWith('.bdxa')).toBe(true)

    // This workspace has a site: the app will not import over it.
    old.bridge.queueDialog(archive)
    await old.page.fill(byId('arc-import-pass'), PASS)
    await old.page.click(byId('arc-import'))
    await expect.poll(() => old.page.textContent(byId('arc-error'))).toContain('空的工作区')
    await old.close()

    const fresh = await openSession(browser)
    const newDir = fresh.dataDir
    await fresh.page.click(byId('nav-encryption'))
    await fresh.page.locator(byId('archive-settings')).waitFor()
    fresh.bridge.queueDialog(archive)
    await fresh.page.fill(byId('arc-import-pass'), `${PASS}？`)
    await fresh.page.click(byId('arc-import'))
    await expect.poll(() => fresh.page.textContent(byId('arc-error'))).toContain('迁移包口令不正确')
    fresh.bridge.queueDialog(archive)
    await fresh.page.fill(byId('arc-import-pass'), PASS)
    await fresh.page.click(byId('arc-import'))
    const imported = fresh.page.locator(byId('arc-import-done'))
    await imported.waitFor()
    await expect(imported.textContent()).resolves.toContain('重新启动')
    await fresh.page.screenshot({ path: join(SHOTS, 'imported.png') })
    await fresh.close()

    // The next start opens the imported workspace.
    const again = await openSession(browser, newDir)
    await expect.poll(() => again.page.textContent('body')).toContain(site.site.name)
    await again.close()
    expect(storedWorkspace(newDir)).toEqual(storedWorkspace(oldDir))
  }, 180_000)
})
