/**
 * The 单位 side of OCR in Chromium against the real handlers and the real OCR worker: a scanned
 * synthetic business licence (generated: no real company) in the subject's certificate slot
 * offers its credit code, 法定代表人 and 住所 for the 单位 form; accepting fills the form, the
 * typed name agrees, and a credit code changed by hand is flagged on the field.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateUscc } from '../../core/validation'
import { flatFace } from '../fixtures/ocr-photos'
import { truthOf } from '../fixtures/ocr-set'
import { assertPrerequisites, byId, createSite, launchBrowser, openSession, type Session } from './browser'

const SEED = 31
const OCR_WAIT = { timeout: 180_000, intervals: [500] }
const SLOT = 'slot-subject-certificate'
const truth = truthOf('licence', SEED)
let browser: Browser
let session: Session
let page: Page
let scan: string

beforeAll(async () => {
  assertPrerequisites()
  const face = await flatFace('licence', SEED, 2000)
  const jpeg = await sharp(face.data, { raw: { width: face.width, height: face.height, channels: 4 } })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 90 })
    .toBuffer()
  browser = await launchBrowser()
  session = await openSession(browser)
  page = session.page
  scan = join(session.dataDir, '营业执照-扫描.jpg')
  writeFileSync(scan, jpeg)
}, 120_000)

afterAll(async () => {
  await session?.close()
  await browser?.close()
})

async function createOrganizationAndSite(): Promise<void> {
  await page.click(byId('new-subject'))
  await page.click(byId('subject-nature-organization'))
  // The user typed the name only; the rest is left to the licence.
  await page.fill(byId('subject-name'), truth.name as string)
  await page.click(byId('save-subject'))
  await page.locator('[data-testid^="tree-subject-"]').first().waitFor()
  await createSite(page, {
    name: '示例官网',
    domain: 'example-licence.cn',
    icp: '京ICP备12345679号-1',
    opening: '2026-11-20',
    ip: '47.96.21.11',
  })
  await page.locator(byId(SLOT)).waitFor()
}

describe('OCR of a business licence fills the 单位 form', () => {
  it('reads the licence imported into the certificate slot and offers its fields', async () => {
    await createOrganizationAndSite()
    session.bridge.queueDialog([scan])
    await page.click(byId(`${SLOT}-pick`))
    await page.locator(byId(`${SLOT}-ocr-accept-all`)).waitFor(OCR_WAIT)
    expect(await page.getAttribute(byId(`${SLOT}-ocr-field-orgName`), 'data-state')).toBe('same')
    expect(await page.textContent(byId(`${SLOT}-ocr-field-certNumber`))).toContain(truth.uscc)
    expect(await page.textContent(byId(`${SLOT}-ocr-field-representative`))).toContain(truth.representative)
    await page.locator(byId(SLOT)).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/ocr-licence-offer.png' })
  }, 300_000)

  it('accepting fills the credit code, the person in charge and the 住所 split into divisions', async () => {
    await page.click(byId(`${SLOT}-ocr-accept-all`))
    await expect
      .poll(() => page.getAttribute(byId(`${SLOT}-ocr-field-certNumber`), 'data-state'), OCR_WAIT)
      .toBe('same')
    await page.locator('[data-testid^="tree-subject-"]').first().click()
    await expect.poll(() => page.inputValue(byId('subject-certNumber'))).toBe(truth.uscc)
    expect(await page.inputValue(byId('person-name'))).toBe(truth.representative)
    expect(await page.textContent(byId('subject-address-county'))).toContain('朝阳区')
    expect(await page.inputValue(byId('subject-address-detail'))).toMatch(/^示例大街/)
  }, 300_000)

  it('flags a different credit code typed by hand under the field', async () => {
    const other = generateUscc({ orgBody: '67812345' })
    await page.fill(byId('subject-certNumber'), other)
    const note = page.locator(byId('subject-certNumber-ocr-mismatch'))
    await expect
      .poll(() => note.textContent())
      .toBe(`图片中的统一社会信用代码为 ${truth.uscc}，与填写的不一致`)
    await page.locator(byId('subject-certNumber')).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/ocr-licence-mismatch.png' })
  }, 300_000)
})
