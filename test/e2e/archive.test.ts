/**
 * Settings → 数据加密 → 工作区迁移包 in Chromium over the test bridge: a workspace with a site is
 * exported through main's save dialog, an import into it is refused (not empty), and a new,
 * empty workspace imports the archive and opens it at the next start; a large export and import
 * show their progress bar while they run. Screenshots go to test-results/.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storedWorkspace } from '../support/stored-workspace'
import { individualSite, storeWorkspace } from '../electron/cli/support'
import { assertPrerequisites, byId, launchBrowser, openSession } from './browser'

const SHOTS = join('test-results', 'archive')
const PASS = '搬家时用的迁移包口令'
/** Bytes of each of three photos in the progress test: about 1 s per pass on a shared 2-core machine. */
const BIG = 48 * 1024 ** 2
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

  it('shows the progress of a long export and of a long import', async () => {
    const oldDir = mkdtempSync(join(tmpdir(), 'beian-e2e-'))
    const site = await individualSite(oldDir)
    storeWorkspace(oldDir, { subjects: [site.subject], sites: [site.site], materials: site.materials })
    // Large photos, so each pass lasts long enough to be seen (the content is not looked at).
    for (const m of site.materials.slice(0, 3)) writeFileSync(join(oldDir, m.originalFile), randomBytes(BIG))
    const old = await openSession(browser, oldDir)
    await old.page.click(byId('nav-encryption'))
    await old.page.locator(byId('archive-settings')).waitFor()
    await old.page.fill(byId('arc-pass-1'), PASS)
    await old.page.fill(byId('arc-pass-2'), PASS)
    await old.page.click(byId('arc-export'))
    const exporting = old.page.locator(byId('arc-export-progress'))
    await expect.poll(() => exporting.textContent().catch(() => '')).toMatch(/正在写入迁移包：[1-9]/)
    await exporting.scrollIntoViewIfNeeded().catch(() => undefined)
    await old.page.screenshot({ path: join(SHOTS, 'export-progress.png') })
    await old.page.locator(byId('arc-export-done')).waitFor()
    expect(await exporting.count()).toBe(0) // the bar goes when the export is done
    const archive = join(oldDir, 'exports', readdirSync(join(oldDir, 'exports'))[0] as string)
    await old.close()

    const fresh = await openSession(browser)
    await fresh.page.click(byId('nav-encryption'))
    await fresh.page.locator(byId('archive-settings')).waitFor()
    fresh.bridge.queueDialog(archive)
    await fresh.page.fill(byId('arc-import-pass'), PASS)
    await fresh.page.click(byId('arc-import'))
    const importing = fresh.page.locator(byId('arc-import-progress'))
    await expect
      .poll(() => importing.textContent().catch(() => ''))
      .toMatch(/正在(校验迁移包|写入导入的工作区)/)
    await importing.scrollIntoViewIfNeeded().catch(() => undefined) // gone already: the shot still shows where
    await fresh.page.screenshot({ path: join(SHOTS, 'import-progress.png') })
    await fresh.page.locator(byId('arc-import-done')).waitFor()
    expect(await importing.count()).toBe(0)
    await fresh.close()
    // Hundreds of MB: not left in the temp folder.
    for (const dir of [oldDir, fresh.dataDir, `${fresh.dataDir}.incoming`])
      rmSync(dir, { recursive: true, force: true })
  }, 180_000)
})
