/**
 * 保留期限 in Chromium over the test bridge: a site badged long ago; turning the setting on in
 * 数据加密 lists its ID photos at once, the desk shows the notice, and 删除 + 确认删除 removes the
 * photos (files and records) while the domain certificate stays. A screenshot goes to test-results/.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeSiteEvent } from '../support/factories'
import { storedWorkspace } from '../support/stored-workspace'
import { individualSite, storeWorkspace } from '../electron/cli/support'
import { assertPrerequisites, byId, choose, launchBrowser, openSession } from './browser'

const SHOTS = join('test-results', 'retention')
let browser: Browser

beforeAll(async () => {
  assertPrerequisites()
  mkdirSync(SHOTS, { recursive: true })
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser.close()
})

describe('保留期限', () => {
  it('lists the ID photos when turned on and deletes them only after 删除 and 确认删除', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-e2e-'))
    const { subject, site, materials } = await individualSite(dir)
    const filingEvents = [
      makeSiteEvent(site.id, 'submitted', '2025-01-02'),
      makeSiteEvent(site.id, 'filed', '2025-01-10'),
      makeSiteEvent(site.id, 'badged', '2025-01-15'),
    ]
    storeWorkspace(dir, { subjects: [subject], sites: [site], materials, filingEvents })
    const s = await openSession(browser, dir)
    const { page } = s

    await page.click(byId('nav-encryption'))
    await page.locator(byId('retention-settings')).waitFor()
    await choose(page, 'retention-days', '挂标后 90 天')
    const preview = page.locator(`${byId('retention-settings')} ${byId('retention-items')} li`)
    await expect.poll(() => preview.count()).toBe(3)
    // Closed by its own button: under load an Escape can go to the select's closing dropdown.
    await page.locator('.ant-drawer-close').click()
    await page.locator(byId('retention-settings')).waitFor({ state: 'detached' })

    await page.click(byId('nav-dashboard'))
    const notice = page.locator(`${byId('dashboard')} ${byId('retention-notice')}`)
    await notice.waitFor()
    await expect(notice.textContent()).resolves.toContain('3 张身份证照片已到保留期限')
    await expect(notice.textContent()).resolves.toContain(
      '小明的博客 · 李小明 · 身份证正面 · 挂标 2025-01-15',
    )
    await page.screenshot({ path: join(SHOTS, 'notice.png') })
    await notice.locator(byId('retention-delete')).click()
    // Nothing is gone before the confirmation.
    expect(materials.every((m) => existsSync(join(dir, m.compressedFile)))).toBe(true)
    await page.getByRole('button', { name: '确认删除' }).click()
    await page.locator(`${byId('dashboard')} ${byId('retention-done')}`).waitFor()

    const ids = materials.filter((m) => m.slot.includes('-id-'))
    const cert = materials.find((m) => m.slot === 'domain-certificate')
    expect(ids.map((m) => existsSync(join(dir, m.compressedFile)))).toEqual([false, false, false])
    expect(cert && existsSync(join(dir, cert.compressedFile))).toBe(true)
    await s.close()
    const ws = storedWorkspace(dir)
    expect(ws.materials.map((m) => m.slot)).toEqual(['domain-certificate'])
    expect(ws.retentionRemovals?.length).toBe(3)
  }, 120_000)
})
