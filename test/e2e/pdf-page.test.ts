/**
 * Issue 3 in Chromium: a registrar PDF whose page 1 is a cover letter and page 2 the
 * certificate. Dropped on the 域名证书 slot it uses page 1; in the editor the user picks
 * page 2 (the crop drawn on page 1 is cleared), applies, and the stored copy is page 2. A PDF
 * stored before page counts still gets the choice; a blank page says why it cannot be used.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'
import sharp from 'sharp'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Material } from '../../core/model'
import { makeIndividual, makeSite } from '../support/factories'
import {
  assertPrerequisites,
  byId,
  dropFile,
  holdInvoke,
  launchBrowser,
  openSession,
  type Session,
} from './browser'

let browser: Browser
let session: Session
let page: Page
let pdfPath: string

/** A4 pages: 1 white with black text (the cover letter), 2 filled red (the certificate). */
async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const cover = doc.addPage([595, 842])
  cover.drawText('Cover letter', { x: 72, y: 740, size: 28, font, color: rgb(0, 0, 0) })
  for (let i = 0; i < 12; i++) {
    cover.drawText('Please find the domain certificate on the next page.', {
      x: 72,
      y: 680 - i * 30,
      size: 14,
      font,
    })
  }
  const certificate = doc.addPage([595, 842])
  certificate.drawRectangle({ x: 0, y: 0, width: 595, height: 842, color: rgb(0.85, 0.05, 0.05) })
  return Buffer.from(await doc.save())
}

/** A4 pages: 1 the cover letter, 2 blank (nothing drawn), 3 the red certificate. */
async function blankSecondPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage([595, 842]).drawText('Cover letter', { x: 72, y: 740, size: 28, font, color: rgb(0, 0, 0) })
  doc.addPage([595, 842])
  const certificate = doc.addPage([595, 842])
  certificate.drawRectangle({ x: 0, y: 0, width: 595, height: 842, color: rgb(0.85, 0.05, 0.05) })
  return Buffer.from(await doc.save())
}

/** Mean red, green and blue of a material's stored compressed copy. */
async function meanRgb(material: Material | undefined): Promise<[number, number, number]> {
  const jpeg = await session.bridge.services.files.read(material?.compressedFile ?? '')
  const { channels } = await sharp(jpeg).stats()
  return [channels[0]?.mean ?? 0, channels[1]?.mean ?? 0, channels[2]?.mean ?? 0]
}

const certificate = (): Material | undefined =>
  session.bridge.services.repo.workspace().materials.find((m) => m.slot === 'domain-certificate')

/** Mean colour of the picture on the crop stage, sampled through a canvas in the page. */
function stageColour(): Promise<number[]> {
  return page.locator('.crop-image').evaluate(async (el) => {
    const img = el as HTMLImageElement
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = 16
    canvas.height = 16
    const ctx = canvas.getContext('2d')
    if (!ctx) return []
    ctx.drawImage(img, 0, 0, 16, 16)
    const data = ctx.getImageData(0, 0, 16, 16).data
    const sum = [0, 0, 0]
    for (let i = 0; i < data.length; i += 4)
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (data[i + c] ?? 0)
    return sum.map((s) => Math.round(s / 256))
  })
}

beforeAll(async () => {
  assertPrerequisites()
  browser = await launchBrowser()
  session = await openSession(browser)
  page = session.page
  const dir = join(session.dataDir, 'inputs')
  mkdirSync(dir, { recursive: true })
  pdfPath = join(dir, '域名证书-含封面.pdf')
  writeFileSync(pdfPath, await twoPagePdf())
  // The subject and site are stored directly: this test is about the material, not the forms.
  const subject = makeIndividual()
  session.bridge.services.repo.commit({ subjects: [subject], sites: [makeSite(subject.id)], materials: [] })
  await page.reload()
})

afterAll(async () => {
  await session?.close()
  await browser?.close()
})

describe('PDF page choice', () => {
  it('imports a two-page PDF on page 1', async () => {
    await page.locator('[data-testid^="tree-site-"]').first().click()
    await page.locator(byId('slot-domain-certificate')).waitFor()
    await dropFile(
      page,
      byId('slot-domain-certificate'),
      readFileSync(pdfPath),
      '域名证书-含封面.pdf',
      'application/pdf',
    )
    await expect
      .poll(() => page.getAttribute(byId('slot-domain-certificate'), 'data-status'), { timeout: 60_000 })
      .not.toBe('missing')
    expect(await page.textContent(byId('slot-domain-certificate-pdf-page'))).toBe('PDF 第 1 / 2 页')
    const stored = certificate()
    expect(stored).toMatchObject({ sourceFormat: 'pdf', sourcePages: 2 })
    const [r, g, b] = await meanRgb(stored)
    expect(Math.min(r, g, b)).toBeGreaterThan(200) // the white cover letter
  })

  it('chooses page 2 in the editor, clearing the crop drawn on page 1', async () => {
    await page.click(byId('slot-domain-certificate-edit'))
    await page.locator(byId('editor-pdf-page')).waitFor()
    expect(await page.textContent(byId('editor-pdf-page-count'))).toBe('共 2 页')
    expect(await page.textContent(byId('editor-pdf-page'))).toContain('第 1 页')
    // A crop on the cover letter: Alt+Shift+← narrows it by 10 px.
    await page.locator(byId('editor-crop-rect')).press('Alt+Shift+ArrowLeft')
    expect(await page.isDisabled(byId('editor-crop-clear'))).toBe(false)
    const [r1, g1, b1] = (await stageColour()) as [number, number, number]
    expect(Math.min(r1, g1, b1)).toBeGreaterThan(200)

    // Page 2 is held back in main: the stage says it is loading, the settings stay usable.
    const hold = await holdInvoke(
      page,
      'materials:source',
      (req) => (req as { pdfPage?: number }).pdfPage === 2,
    )
    await page.click(byId('editor-pdf-page-next'))
    await hold.held
    await expect.poll(() => page.textContent(byId('editor-pdf-page'))).toContain('第 2 页')
    await page.locator('.crop-loading', { hasText: '正在载入第 2 页…' }).waitFor()
    await page.click(byId('editor-cap-400'))
    expect(await page.getAttribute(byId('editor-cap-400'), 'aria-checked')).toBe('true')
    await page.click(byId('editor-cap-512'))
    await page.waitForTimeout(300)
    await page.screenshot({ path: 'test-results/editor-pdf-page-loading.png' })
    await hold.release()
    await page.locator(byId('editor-pdf-page-reset')).waitFor()
    expect(await page.isDisabled(byId('editor-crop-clear'))).toBe(true)
    await page.locator(byId('editor-crop-rect')).waitFor()
    // The stage now shows page 2: red.
    await expect.poll(async () => (await stageColour())[0] ?? 0, { timeout: 30_000 }).toBeGreaterThan(180)
    const [, g2, b2] = (await stageColour()) as [number, number, number]
    expect(Math.max(g2, b2)).toBeLessThan(60)
    await page.waitForTimeout(400) // the select has finished its animation
    await page.screenshot({ path: 'test-results/editor-pdf-page.png' })
    // A crop on page 2 before it is applied: measured in page 2's own pixels, sent in one call.
    await page.locator(byId('editor-crop-rect')).press('Alt+Shift+ArrowLeft')
    expect(await page.isDisabled(byId('editor-crop-clear'))).toBe(false)
  })

  it('applies page 2: the stored copy is the red certificate page', async () => {
    await page.click(byId('editor-apply'))
    await expect.poll(() => certificate()?.edit.pdfPage, { timeout: 60_000 }).toBe(2)
    const stored = certificate()
    expect(stored).toMatchObject({ sourcePages: 2, edit: { pdfPage: 2 } })
    const crop = stored?.edit.crop
    expect(crop).toMatchObject({ left: 0, top: 0, height: stored?.sourceHeight })
    expect(crop?.width).toBeLessThan(stored?.sourceWidth ?? 0)
    expect(crop?.width).toBeGreaterThan((stored?.sourceWidth ?? 0) * 0.9)
    const [r, g, b] = await meanRgb(stored)
    expect(r).toBeGreaterThan(180)
    expect(Math.max(g, b)).toBeLessThan(60)
    await page.locator(byId('editor-preview-after')).waitFor({ timeout: 60_000 })
    await page.click(byId('editor-close'))
    await expect
      .poll(() => page.textContent(byId('slot-domain-certificate-pdf-page')))
      .toBe('PDF 第 2 / 2 页')
    await expect
      .poll(() =>
        page
          .locator(byId('slot-domain-certificate'))
          .locator('img')
          .evaluate((i) => (i as HTMLImageElement).naturalWidth),
      )
      .toBeGreaterThan(0)
    await page.locator(byId('slot-domain-certificate')).screenshot({ path: 'test-results/slot-pdf-page.png' })
  })

  it('reopens the editor on page 2', async () => {
    await page.click(byId('slot-domain-certificate-edit'))
    await page.locator(byId('editor-pdf-page')).waitFor()
    expect(await page.textContent(byId('editor-pdf-page'))).toContain('第 2 页')
    await page.locator(byId('editor-crop-rect')).waitFor()
    expect((await stageColour())[0]).toBeGreaterThan(180)
    expect(await page.isDisabled(byId('editor-apply'))).toBe(true)
    await page.click(byId('editor-close'))
  })

  it('offers the page choice for a PDF stored before page counts, from what main reports', async () => {
    const ws = session.bridge.services.repo.workspace()
    const old = ws.materials.map((m) => {
      if (m.slot !== 'domain-certificate') return m
      const { sourcePages: _, ...rest } = m
      return rest
    })
    session.bridge.services.repo.commit({ ...ws, materials: old })
    expect(certificate()?.sourcePages).toBeUndefined()
    await page.reload()
    await page.locator('[data-testid^="tree-site-"]').first().click()
    await page.click(byId('slot-domain-certificate-edit'))
    await page.locator(byId('editor-pdf-page')).waitFor()
    expect(await page.textContent(byId('editor-pdf-page-count'))).toBe('共 2 页')
    expect(await page.textContent(byId('editor-pdf-page'))).toContain('第 2 页')
    await page.click(byId('editor-close'))
  })

  it('says why a blank page cannot be used and lets the user pick another', async () => {
    const blankPath = join(session.dataDir, 'inputs', '域名证书-第2页空白.pdf')
    writeFileSync(blankPath, await blankSecondPagePdf())
    await dropFile(
      page,
      byId('slot-domain-certificate'),
      readFileSync(blankPath),
      '域名证书-第2页空白.pdf',
      'application/pdf',
    )
    await expect.poll(() => certificate()?.sourcePages, { timeout: 60_000 }).toBe(3)
    await page.click(byId('slot-domain-certificate-edit'))
    await page.locator(byId('editor-crop-rect')).waitFor()
    await page.click(byId('editor-pdf-page-next'))
    const alert = page.locator(byId('editor-source-error'))
    await alert.waitFor({ timeout: 30_000 })
    expect(await alert.textContent()).toContain('PDF 的这一页是空白的')
    expect(await page.locator('.crop-loading[aria-busy="true"]').count()).toBe(0)
    expect(await page.isDisabled(byId('editor-apply'))).toBe(true)
    expect(await page.isDisabled(byId('editor-pdf-page-next'))).toBe(false)
    await page.waitForTimeout(400) // the select has finished its animation
    await page.screenshot({ path: 'test-results/editor-pdf-page-error.png' })
    await page.click(byId('editor-pdf-page-next'))
    await page.locator(byId('editor-crop-rect')).waitFor({ timeout: 30_000 })
    await expect.poll(async () => (await stageColour())[0] ?? 0, { timeout: 30_000 }).toBeGreaterThan(180)
    expect(await page.isDisabled(byId('editor-apply'))).toBe(false)
    await page.click(byId('editor-close'))
  })
})
