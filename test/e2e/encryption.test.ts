/**
 * Settings → 数据加密 in Chromium over the test bridge (no keychain there, like Linux
 * basic_text): not encrypted at first with the reason, a passphrase set, the recovery key shown
 * once, and the material files then sealed; the next start shows the workspace as locked (its
 * store is sealed), asks for the passphrase, refuses a wrong one and opens with the right one.
 * Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertPrerequisites, byId, launchBrowser, openSession, type Session } from './browser'

const SHOTS = join('test-results', 'encryption')
let browser: Browser
let session: Session

beforeAll(async () => {
  assertPrerequisites()
  mkdirSync(SHOTS, { recursive: true })
  browser = await launchBrowser()
  session = await openSession(browser)
}, 60_000)

afterAll(async () => {
  await session.close()
  await browser.close()
})

describe('settings → 数据加密', () => {
  it('sets a passphrase and shows the recovery key once', async () => {
    const { page } = session
    await page.click(byId('nav-encryption'))
    const panel = page.locator(byId('encryption-settings'))
    await panel.waitFor()
    await expect(panel.textContent()).resolves.toContain('未加密')
    await expect(panel.textContent()).resolves.toContain('没有可用的系统钥匙串')
    await page.screenshot({ path: join(SHOTS, 'not-encrypted.png') })
    await page.fill(byId('enc-pass-1'), '短口令')
    await expect(panel.textContent()).resolves.toContain('至少需要 8 个字符')
    await page.fill(byId('enc-pass-1'), '只有我知道的一句话')
    await page.fill(byId('enc-pass-2'), '只有我知道的一句话')
    await page.click(byId('enc-pass-save'))
    await page.locator(byId('enc-recovery-show')).waitFor()
    await expect(page.textContent(byId('enc-protection'))).resolves.toBe('口令')
    await page.click(byId('enc-recovery-show'))
    const code = await page.textContent(byId('enc-recovery-code'))
    expect(code).toMatch(/([0-9A-Z]{4}-){7}[0-9A-Z]{4}/)
    await page.screenshot({ path: join(SHOTS, 'recovery-key.png') })
  }, 120_000)

  it('asks for the passphrase at the next start; a wrong one is refused, the right one unlocks', async () => {
    // A new main on the same data folder: the key is locked again, as when the app restarts.
    const dataDir = session.dataDir
    await session.close()
    session = await openSession(browser, dataDir)
    const { page } = session
    const prompt = page.locator(byId('startup-unlock'))
    await page.locator(byId('enc-unlock-secret')).waitFor()
    // The store is sealed: until unlocked the window says so, never an empty workspace.
    await expect(page.locator(byId('workspace-locked')).isVisible()).resolves.toBe(true)
    // The screenshot after the modal's zoom-in (its motion classes gone); the test itself does not wait on it.
    await expect.poll(() => page.locator('.ant-modal[class*="zoom"]').count()).toBe(0)
    await page.screenshot({ path: join(SHOTS, 'startup-unlock.png') })
    await page.fill(byId('enc-unlock-secret'), '不是这个口令')
    await page.click(byId('enc-unlock'))
    await page.locator('.ant-message-notice, .ant-notification-notice', { hasText: '口令' }).first().waitFor()
    await expect(page.locator(byId('enc-unlock-secret')).isVisible()).resolves.toBe(true)
    await page.fill(byId('enc-unlock-secret'), '只有我知道的一句话')
    await page.click(byId('enc-unlock'))
    await page.locator('.ant-message-notice', { hasText: '已解锁' }).first().waitFor()
    await expect.poll(() => prompt.isVisible()).toBe(false)
    await expect.poll(() => page.locator(byId('workspace-locked')).count()).toBe(0)
    await page.click(byId('nav-encryption'))
    await expect(page.textContent(byId('encryption-settings'))).resolves.toContain('已加密')
  }, 120_000)

  it('locks now from the drawer, unlocks there again, and keeps the auto-lock minutes chosen', async () => {
    const { page } = session
    await page.click(byId('enc-autolock-minutes'))
    await page.locator('.ant-select-item-option', { hasText: '闲置 15 分钟后' }).click()
    await expect.poll(() => page.textContent(byId('enc-autolock-minutes'))).toContain('闲置 15 分钟后')
    await page.screenshot({ path: join(SHOTS, 'auto-lock.png') })
    await page.click(byId('enc-lock-now'))
    const drawer = page.locator(byId('encryption-settings'))
    await expect.poll(() => drawer.textContent()).toContain('已加密，尚未解锁')
    await drawer.locator(byId('enc-unlock-secret')).fill('只有我知道的一句话')
    await drawer.locator(byId('enc-unlock')).click()
    await expect.poll(() => page.locator(byId('enc-autolock')).isVisible()).toBe(true)
    // The choice is stored in main's settings, not only in the window.
    await page.reload()
    await page.click(byId('nav-encryption'))
    await expect.poll(() => page.textContent(byId('enc-autolock-minutes'))).toContain('闲置 15 分钟后')
  }, 120_000)
})
