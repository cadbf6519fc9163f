/**
 * Issue 3 in Chromium: the 批量压缩 page takes many files dropped from the desktop, follows
 * each file through `batch:started` / `batch:progress` (等待中 → 处理中 → 完成 / 失败), and
 * writes one JPEG under the cap per picture into the chosen folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handheld, idCardFront } from '../fixtures/generate'
import {
  assertPrerequisites,
  byId,
  dragFilesOver,
  dropFiles,
  launchBrowser,
  openSession,
  type DropItem,
  type Session,
} from './browser'

let browser: Browser
let session: Session
let page: Page
let files: DropItem[]

beforeAll(async () => {
  assertPrerequisites()
  // Drawn before the first compression blocks the SVG loader process-wide.
  const front = await idCardFront({ seed: 31, width: 3000, height: 1900 })
  const hand = await sharp(await handheld({ seed: 32, width: 1600, height: 1200 }))
    .png()
    .toBuffer()
  files = [
    { bytes: front, name: '身份证正面.jpg', type: 'image/jpeg' },
    { bytes: hand, name: '手持照.png', type: 'image/png' },
    { bytes: Buffer.from('这不是图片'), name: '说明.txt', type: 'text/plain' },
  ]
  browser = await launchBrowser()
  session = await openSession(browser)
  page = session.page
})

afterAll(async () => {
  await session?.close()
  await browser?.close()
})

/** Every data-status each batch row has shown, recorded in the page as it changes. */
async function recordRowStatuses(): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {}
    const record = () => {
      document.querySelectorAll<HTMLElement>('[data-testid="batch-file"]').forEach((row, i) => {
        const list = (seen[i] ??= [])
        const status = row.dataset.status ?? ''
        if (list.at(-1) !== status) list.push(status)
      })
    }
    new MutationObserver(record).observe(document.body, { subtree: true, attributes: true, childList: true })
    record()
    ;(window as unknown as { rowStatuses: typeof seen }).rowStatuses = seen
  })
}

describe('批量压缩: drop many files, follow each one', () => {
  it('shows a drop zone and adds every dropped file', async () => {
    await page.click(byId('nav-batch'))
    const zone = page.locator(byId('batch-drop'))
    await expect.poll(() => zone.textContent()).toContain('点击或把图片拖到这里')
    await page.screenshot({ path: 'test-results/batch-empty.png' })
    await dropFiles(page, byId('batch-drop'), files)
    await expect.poll(() => page.locator(byId('batch-file')).count(), { timeout: 30_000 }).toBe(3)
    const names = await page.locator('.batch-file-name').allTextContents()
    expect(names).toEqual(['身份证正面.jpg', '手持照.png', '说明.txt'])
    expect(await zone.getAttribute('data-mode')).toBe('more')
  })

  it('highlights the zone while files are dragged over it', async () => {
    await dragFilesOver(page, byId('batch-drop'), files.slice(0, 1))
    await expect.poll(() => page.getAttribute(byId('batch-drop'), 'data-over')).toBe('true')
    expect(await page.textContent(byId('batch-drop'))).toContain('松开鼠标，添加这些图片')
    const out = join(session.dataDir, 'batch-out')
    session.bridge.queueDialog(out)
    await page.click(byId('batch-outdir'))
    await expect.poll(() => page.textContent(byId('batch-outdir-path'))).toBe(out)
    await page.mouse.move(0, 0)
    await page.waitForTimeout(400) // the start button finishes its enabled transition
    await page.screenshot({ path: 'test-results/batch-drop.png' })
    await page.dispatchEvent(byId('batch-drop'), 'dragleave', {
      dataTransfer: await page.evaluateHandle(() => {
        const t = new DataTransfer()
        t.items.add(new File(['x'], 'x.jpg'))
        return t
      }),
    })
    await expect.poll(() => page.getAttribute(byId('batch-drop'), 'data-over')).toBe('false')
  })

  it('follows each file from 等待中 through 处理中 to 完成 or 失败 and writes the JPEGs', async () => {
    await recordRowStatuses()
    await page.click(byId('batch-start'))
    await page
      .locator('[data-testid="batch-file"][data-status="working"]')
      .first()
      .waitFor({ timeout: 30_000 })
    await page.screenshot({ path: 'test-results/batch-running.png' })
    await page.locator(byId('batch-results')).waitFor({ timeout: 120_000 })
    const seen = await page.evaluate(
      () => (window as unknown as { rowStatuses: Record<string, string[]> }).rowStatuses,
    )
    // The pictures (each takes a while) showed "working" from batch:started. Rows only move
    // forward; the last one may be replaced by the results table before it shows its end.
    expect(seen['0']?.slice(0, 2)).toEqual(['waiting', 'working'])
    expect(seen['1']?.slice(0, 2)).toEqual(['waiting', 'working'])
    const rank: Record<string, number> = { waiting: 0, working: 1, done: 2, failed: 2 }
    for (const statuses of Object.values(seen)) {
      const ranks = statuses.map((st) => rank[st])
      expect(ranks).toEqual([...new Set(ranks)].sort())
    }
    expect(seen['2']).not.toContain('done')

    const results = await page.textContent(byId('batch-results'))
    expect(results).toContain('说明.txt')
    expect(results).toMatch(/不是|无法识别|图片/)
    const out = join(session.dataDir, 'batch-out')
    expect(existsSync(out)).toBe(true)
    const written = readdirSync(out).sort()
    expect(written).toEqual(['手持照.jpg', '身份证正面.jpg'].sort())
    for (const name of written) expect(readFileSync(join(out, name)).length).toBeLessThanOrEqual(512_000)
    expect(await page.getAttribute(byId('batch-drop'), 'data-mode')).toBe('next')
    await page.screenshot({ path: 'test-results/batch-results.png' })
  })

  it('says in the result row when only the first frame of an animated GIF was used', async () => {
    const w = 900
    const h = 600
    const frames = Buffer.alloc(w * h * 2 * 3)
    for (let i = 0; i < frames.length; i++) frames[i] = (i * 7 + (i > frames.length / 2 ? 90 : 0)) % 256
    const gif = await sharp(frames, { raw: { width: w, height: h * 2, channels: 3, pageHeight: h } })
      .gif()
      .toBuffer()
    await dropFiles(page, byId('batch-drop'), [{ bytes: gif, name: '动图.gif', type: 'image/gif' }])
    await expect
      .poll(() => page.locator('.batch-file-name').allTextContents(), { timeout: 30_000 })
      .toEqual(['动图.gif'])
    await page.click(byId('batch-start'))
    const note = page.locator(byId('batch-note'))
    await note.first().waitFor({ timeout: 120_000 })
    expect(await note.allTextContents()).toEqual([expect.stringContaining('只使用了第一帧')])
  })
})
