/**
 * Issue 14's journey in Chromium against the real handlers and the real OCR worker: a
 * photographed synthetic ID card (generated: no real person) is imported into the 身份证正面
 * slot, the deskew main proposes is accepted in the editor, the fields read are accepted, and
 * one digit of the ID number changed by hand is flagged on the field and on the slot.
 * OCR takes a second or more per photo on a busy 2-core machine: waits are on visible state.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CARD_ASPECT, documentPhoto, placeCorners } from '../fixtures/ocr-photos'
import { truthOf } from '../fixtures/ocr-set'
import { residentIdCheckChar } from '../fixtures/identity'
import { idCardBack } from '../fixtures/generate'
import { assertPrerequisites, byId, createSite, launchBrowser, openSession, type Session } from './browser'

const SEED = 23
const OCR_WAIT = { timeout: 180_000, intervals: [500] }
const SLOT = 'slot-principal-id-front'
let browser: Browser
let session: Session
let page: Page
let photo: string
let flatBack: string
const truth = truthOf('id-front', SEED)

beforeAll(async () => {
  assertPrerequisites()
  const shot = await documentPhoto({
    face: 'id-front',
    seed: SEED,
    width: 2400,
    height: 1800,
    corners: placeCorners(1200, 900, 1500, CARD_ASPECT, 9, 0.06),
    backdrop: 'desk',
  })
  browser = await launchBrowser()
  session = await openSession(browser)
  page = session.page
  photo = join(session.dataDir, '身份证正面-拍照.jpg')
  writeFileSync(photo, shot.jpeg)
  // A flat scan of the same person's emblem side: it fills the frame, so no corners are found.
  flatBack = join(session.dataDir, '身份证反面-扫描.jpg')
  writeFileSync(flatBack, await idCardBack({ seed: SEED, width: 1400, mode: 'flat' }))
}, 120_000)

afterAll(async () => {
  await session?.close()
  await browser?.close()
})

async function createSubjectAndSite(): Promise<void> {
  await page.click(byId('new-subject'))
  await page.click(byId('subject-nature-individual'))
  // The user typed the name; the number, the expiry and the address are left to the card.
  await page.fill(byId('person-name'), truth.name as string)
  await page.click(byId('save-subject'))
  await page.locator('[data-testid^="tree-subject-"]').first().waitFor()
  await createSite(page, {
    name: '示例的博客',
    domain: 'example-ocr.cn',
    icp: '京ICP备12345678号-1',
    opening: '2026-11-20',
    ip: '47.96.21.10',
  })
  await page.locator(byId(SLOT)).waitFor()
}

/** The same number with one sequence digit changed and a valid check character again. */
function oneDigitChanged(id: string): string {
  const digit = Number(id[15])
  const first17 = id.slice(0, 15) + String((digit + 1) % 10) + id.slice(16, 17)
  return first17 + residentIdCheckChar(first17)
}

describe('OCR journey: photographed ID card to filled, cross-checked fields', () => {
  it('imports the photo; the card is read in the background while the page stays usable', async () => {
    await createSubjectAndSite()
    session.bridge.queueDialog([photo])
    await page.click(byId(`${SLOT}-pick`))
    await expect.poll(() => page.getAttribute(byId(SLOT), 'data-status'), OCR_WAIT).not.toBe('missing')
    // The page answers while OCR runs: another card's button is clickable at once.
    await page.locator(byId('slot-principal-id-back-pick')).click({ trial: true, timeout: 2_000 })
    await page.locator(byId(`${SLOT}-ocr-panel`)).waitFor(OCR_WAIT)
    await page.locator(byId(SLOT)).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/ocr-slot-read.png' })
  }, 300_000)

  it('shows the deskew main found on the editor canvas; accepting straightens the card', async () => {
    await page.click(byId(`${SLOT}-edit`))
    await page.locator(byId('editor-deskew-found')).waitFor(OCR_WAIT)
    await page.locator(byId('editor-quad-stage')).waitFor()
    await expect.poll(() => page.locator('[data-testid^="editor-quad-handle-"]').count()).toBe(4)
    await page.screenshot({ path: 'test-results/ocr-deskew-proposal.png' })
    await page.click(byId('editor-deskew-accept'))
    await page.locator(byId('editor-deskew-set')).waitFor()
    await page.click(byId('editor-apply'))
    await page.locator(byId(`${SLOT}-pdf-page-perspective`)).waitFor(OCR_WAIT)
    const size = await page.textContent(`${byId(SLOT)} .slot-pixels`)
    const [w, h] = (size?.match(/(\d+)×(\d+)/)?.slice(1) ?? []).map(Number)
    expect((w ?? 0) / (h ?? 1)).toBeCloseTo(CARD_ASPECT, 1)
    // The 100 % comparison shows the straightened original beside the compressed copy.
    await page.locator(`${byId('editor-preview-before')} img`).waitFor(OCR_WAIT)
    await page.locator(`${byId('editor-preview-after')} img`).waitFor(OCR_WAIT)
    await page.screenshot({ path: 'test-results/ocr-deskew-applied.png' })
    await page.click(byId('editor-close'))
  }, 300_000)

  it('offers the number and address read, accepts them all; the name agrees with what was typed', async () => {
    const accept = page.locator(byId(`${SLOT}-ocr-accept-all`))
    await accept.waitFor(OCR_WAIT)
    expect(await page.getAttribute(byId(`${SLOT}-ocr-field-name`), 'data-state')).toBe('same')
    expect(await page.textContent(byId(`${SLOT}-ocr-field-idNumber`))).toContain(truth.idNumber)
    await page.locator(byId(SLOT)).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/ocr-offer.png' })
    await accept.click()
    await expect
      .poll(() => page.getAttribute(byId(`${SLOT}-ocr-field-idNumber`), 'data-state'), OCR_WAIT)
      .toBe('same')
    expect(await page.getAttribute(byId(`${SLOT}-ocr-field-address`), 'data-state')).toBe('same')
  }, 300_000)

  it('flags one digit changed by hand on the field and on the slot', async () => {
    await page.locator('[data-testid^="tree-subject-"]').first().click()
    const idField = page.locator(byId('person-idNumber'))
    await expect.poll(() => idField.inputValue()).toBe(truth.idNumber)
    // The address read was split into the picker's divisions (北京市 › 市辖区 › 朝阳区) and the rest.
    expect(await page.textContent(byId('person-address-county'))).toContain('朝阳区')
    expect(await page.locator(byId('person-address-detail')).inputValue()).toMatch(/^示例路/)
    const changed = oneDigitChanged(truth.idNumber as string)
    await idField.fill(changed)
    const note = page.locator(byId('person-idNumber-ocr-mismatch'))
    await expect.poll(() => note.textContent()).toBe(`图片中的号码为 ${truth.idNumber}，与填写的不一致`)
    await idField.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/ocr-mismatch-field.png' })
    await page.click(byId('save-subject'))
    await page.locator('.ant-message-notice', { hasText: '开办主体已保存' }).first().waitFor()
    await page.locator('[data-testid^="tree-site-"]').first().click()
    await expect.poll(() => page.getAttribute(byId(SLOT), 'data-ocr-mismatch')).toBe('true')
    expect(await page.textContent(byId(`${SLOT}-ocr-mismatch-idNumber`))).toContain(
      `图片中的号码为 ${truth.idNumber}，与填写的不一致`,
    )
    await page.locator(byId(SLOT)).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/ocr-mismatch-slot.png' })
  }, 300_000)

  it('without corners found, the user drags the four corners; the ID back fills 证件有效期', async () => {
    const back = 'slot-principal-id-back'
    session.bridge.queueDialog([flatBack])
    await page.click(byId(`${back}-pick`))
    await expect.poll(() => page.getAttribute(byId(back), 'data-status'), OCR_WAIT).not.toBe('missing')
    await page.click(byId(`${back}-edit`))
    // A flat scan fills the frame: main finds no sure quad (a found one would be dragged the same way).
    await page.locator(`${byId('editor-deskew-none')}, ${byId('editor-deskew-found')}`).waitFor(OCR_WAIT)
    const noneFound = await page.locator(byId('editor-deskew-none')).isVisible()
    if (noneFound) await page.click(byId('editor-deskew-manual'))
    const stage = await page.locator(byId('editor-quad-stage')).boundingBox()
    if (!stage) throw new Error('no quad stage')
    // Each corner dragged past the picture's corner lands on it (kept inside the picture).
    const targets = [
      [stage.x - 30, stage.y - 30],
      [stage.x + stage.width + 30, stage.y - 30],
      [stage.x + stage.width + 30, stage.y + stage.height + 30],
      [stage.x - 30, stage.y + stage.height + 30],
    ] as const
    for (const [i, [x, y]] of targets.entries()) {
      const handle = await page.locator(byId(`editor-quad-handle-${i}`)).boundingBox()
      if (!handle) throw new Error(`no handle ${i}`)
      await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
      await page.mouse.down()
      await page.mouse.move(x, y, { steps: 5 })
      await page.mouse.up()
    }
    await expect
      .poll(() => page.getAttribute(byId('editor-quad-handle-2'), 'aria-valuetext'))
      .toMatch(/^1400, \d+$/)
    if (!noneFound) await page.click(byId('editor-deskew-accept'))
    await page.locator(byId('editor-deskew-set')).waitFor()
    await page.screenshot({ path: 'test-results/ocr-deskew-manual.png' })
    await page.click(byId('editor-apply'))
    await page.locator(byId(`${back}-pdf-page-perspective`)).waitFor(OCR_WAIT)
    await page.click(byId('editor-close'))
    const expiry = page.locator(byId(`${back}-ocr-field-idExpiry`))
    await expiry.waitFor(OCR_WAIT)
    expect(await expiry.getAttribute('data-state')).toBe('offer')
    await page.click(byId(`${back}-ocr-accept-idExpiry`))
    await expect.poll(() => expiry.getAttribute('data-state'), OCR_WAIT).toBe('same')
    await page.locator(byId(back)).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/ocr-back-expiry.png' })
  }, 300_000)
})
