/**
 * The issue-2 journey in Chromium against the real handlers: create a 个人 subject and a
 * site, fill the four slots (EXIF-6 phone photo, 12 MP JPEG, PNG by drag-and-drop, 4000 px
 * scan), export a zip, and check what a portal clerk would get. Then reopen and check that
 * everything is still there.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { domainCertificate, handheld, idCardBack, idCardFront, withOrientation } from '../fixtures/generate'
import { syntheticResidentId } from '../support/factories'
import { portalFields } from '../../core/packet/portal-fields'
import { readZip } from '../support/zip'
import {
  assertPrerequisites,
  byId,
  choose,
  createSite,
  dropFile,
  launchBrowser,
  openSession,
  type Session,
  typeDate,
} from './browser'
import {
  checkFillList,
  checkInfoPdf,
  checkManifest,
  checkPrintPdf,
  checkDraftPdf,
  checkZipNames,
  renderForEyes,
  type PacketImage,
} from './packet-checks'

const CAP = 512_000
let browser: Browser
let session: Session
let page: Page
let inputs: Record<'front' | 'back' | 'handheld' | 'scan', string>
let handheldPng: Buffer

beforeAll(async () => {
  assertPrerequisites()
  browser = await launchBrowser()
  session = await openSession(browser)
  page = session.page
  const dir = join(session.dataDir, 'inputs')
  mkdirSync(dir, { recursive: true })
  const front = await withOrientation(await idCardFront({ seed: 7, width: 2400, height: 1800 }), 6)
  const back = await idCardBack({ seed: 8, width: 4000, height: 3000 })
  const hand = await sharp(await handheld({ seed: 9, width: 1600, height: 1200 }))
    .png()
    .toBuffer()
  const scan = await domainCertificate({ seed: 10, mode: 'scan', width: 4000 })
  inputs = {
    front: join(dir, '正面-手机.jpg'),
    back: join(dir, 'IMG_4000.jpg'),
    handheld: join(dir, '手持.png'),
    scan: join(dir, '域名证书扫描.jpg'),
  }
  writeFileSync(inputs.front, front)
  writeFileSync(inputs.back, back)
  writeFileSync(inputs.handheld, hand)
  handheldPng = hand
  writeFileSync(inputs.scan, scan)
})

afterAll(async () => {
  await session?.close()
  await browser?.close()
})

async function fillSubject(): Promise<void> {
  await page.click(byId('new-subject'))
  await page.click(byId('subject-nature-individual'))
  await page.fill(byId('person-name'), '李小明')
  const valid = syntheticResidentId('19900307', '123')
  const wrongCheck = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0')
  await page.fill(byId('person-idNumber'), wrongCheck)
  await expect.poll(() => page.locator(byId('person-idNumber-error')).textContent()).toMatch(/校验/)
  await page.fill(byId('person-idNumber'), valid)
  await expect.poll(() => page.locator(byId('person-idNumber-error')).count()).toBe(0)
  await typeDate(page, 'person-idExpiry', '2035-05-01')
  await page.fill(byId('person-mobile'), '13952718460')
  await page.fill(byId('person-email'), 'lixiaoming@example.com')
  await page.fill(byId('person-officePhone'), '010-65871234')
  await choose(page, 'person-address-province', '北京市')
  await choose(page, 'person-address-city', '市辖区')
  await choose(page, 'person-address-county', '朝阳区')
  await page.fill(byId('person-address-detail'), '建国路 88 号 3 号楼 1201 室')
  await page.click(byId('save-subject'))
  await page.locator('[data-testid^="tree-subject-"]').first().waitFor()
}

async function fillSite(): Promise<void> {
  await createSite(page, {
    name: '小明的博客',
    domain: 'example-blog.cn',
    icp: '京ICP备12345678号-1',
    opening: '2026-11-20',
    ip: '47.96.21.10',
  })
  await page.locator(byId('slot-domain-certificate')).waitFor()
}

async function pickInto(slot: string, path: string): Promise<void> {
  session.bridge.queueDialog([path])
  await page.click(byId(`slot-${slot}-pick`))
  await expect
    .poll(() => page.getAttribute(byId(`slot-${slot}`), 'data-status'), { timeout: 60_000 })
    .not.toBe('missing')
}

describe('个人 journey: materials to packet', () => {
  it('opens on a welcome guide whose steps are not greyed out', async () => {
    await page.locator(byId('welcome-steps')).waitFor()
    const classes = await page
      .locator(`${byId('welcome-steps')} .ant-steps-item`)
      .evaluateAll((els) => els.map((e) => e.className))
    expect(classes).toHaveLength(3)
    for (const c of classes) expect(c).not.toContain('ant-steps-item-wait')
    await page.screenshot({ path: 'test-results/welcome.png' })
  })

  it('does not save an empty new subject', async () => {
    await page.click(byId('new-subject'))
    await page.click(byId('save-subject'))
    await page.locator('.ant-message-notice', { hasText: '还不能保存' }).waitFor()
    expect(await page.locator('[data-testid^="tree-subject-"]').count()).toBe(0)
  })

  it('fills the subject, the site and the four slots', async () => {
    await fillSubject()
    await fillSite()
    expect(await page.getAttribute(byId('slot-principal-id-front'), 'data-status')).toBe('missing')
    await pickInto('principal-id-front', inputs.front)
    await pickInto('principal-id-back', inputs.back)
    await dropFile(page, byId('slot-principal-id-handheld'), handheldPng, '手持.png', 'image/png')
    await expect
      .poll(() => page.getAttribute(byId('slot-principal-id-handheld'), 'data-status'), { timeout: 60_000 })
      .not.toBe('missing')
    await pickInto('domain-certificate', inputs.scan)
    for (const slot of [
      'principal-id-front',
      'principal-id-back',
      'principal-id-handheld',
      'domain-certificate',
    ]) {
      expect(await page.getAttribute(byId(`slot-${slot}`), 'data-status')).not.toBe('missing')
      const size = await page.textContent(byId(`slot-${slot}-size`))
      expect(Number(size?.match(/(\d+)\s*KB/)?.[1])).toBeLessThanOrEqual(512)
    }
    await expect.poll(() => page.textContent(byId('readiness'))).toMatch(/4\s*\/\s*4/)
    // Every thumbnail has loaded before the picture of the main screen is taken.
    await expect
      .poll(() =>
        page
          .locator('[data-testid^="slot-"] img')
          .evaluateAll(
            (imgs) =>
              imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)
                .length,
          ),
      )
      .toBe(4)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page
      .locator('main, .ant-layout-content')
      .first()
      .evaluate((el) => el.scrollTo(0, 0))
    await page.screenshot({ path: 'test-results/main-screen.png', fullPage: false })
  })

  it('exports a zip a clerk can upload: portal names, ≤ 512,000 bytes, upright, no EXIF', async () => {
    const target = join(session.dataDir, 'out', '小明的博客.zip')
    session.bridge.queueDialog(target)
    await page.click(byId('export-zip'))
    await page.locator(byId('export-result')).waitFor({ timeout: 60_000 })
    // Next steps: 打开文件夹 goes through main, which reveals exactly the zip just written (the
    // bridge records the reveal); no "无法打开文件夹" fallback; the portal link is offered.
    await page.click(byId('export-reveal'))
    await expect.poll(() => session.bridge.revealed).toEqual([target])
    expect(await page.locator(byId('export-next-failed')).count()).toBe(0)
    expect(await page.textContent(byId('export-portal'))).toContain('打开公安备案平台')
    await page.locator(byId('export-result')).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/export-panel.png' })
    const entries = await readZip(target)
    const names = entries.map((e) => e.name.split('/').pop())
    // The four pictures in portal order first; manifest.json (and the packet's other documents) after them.
    expect(names.slice(0, 4)).toEqual([
      '01_身份证正面.jpg',
      '02_身份证反面.jpg',
      '03_本人手持身份证照.jpg',
      '04_域名证书.jpg',
    ])
    expect(names).toContain('manifest.json')
    const manifestEntry = entries.find((e) => e.name.endsWith('/manifest.json'))
    const manifest = JSON.parse(manifestEntry?.data.toString('utf8') ?? '{}') as {
      files: { file: string; bytes: number }[]
    }
    for (const entry of entries.slice(0, 4)) {
      expect(entry.data.length).toBeLessThanOrEqual(CAP)
      const meta = await sharp(entry.data).metadata()
      expect(meta.format).toBe('jpeg')
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.orientation ?? 1).toBe(1)
      expect(manifest.files.find((f) => entry.name.endsWith(f.file))?.bytes).toBe(entry.data.length)
    }
    // The EXIF-6 photo was stored portrait; upright it is a landscape card photo.
    const front = await sharp(entries[0]?.data).metadata()
    expect(front.width).toBeGreaterThan(front.height ?? Infinity)
  })

  it('exports the whole packet: both PDFs (text and rendered pages), 填写清单.txt, the manifest and the zip names', async () => {
    const target = join(session.dataDir, 'out', '小明的博客.zip')
    const entries = await readZip(target)
    const base = '小明的博客'
    const materials = [
      '1_开办主体/01_身份证正面.jpg',
      '1_开办主体/02_身份证反面.jpg',
      '1_开办主体/03_本人手持身份证照.jpg',
      '2_网站基本信息/04_域名证书.jpg',
    ]
    checkZipNames(entries, base, materials)
    checkManifest(entries, base, '小明的博客')
    const file = (name: string): Buffer => {
      const entry = entries.find((e) => e.name === `${base}/${name}`)
      if (!entry) throw new Error(`${name} is not in the zip`)
      return entry.data
    }
    const ws = session.bridge.services.repo.workspace()
    const site = ws.sites[0]
    const subject = ws.subjects.find((s) => s.id === site?.subjectId)
    if (!site || !subject) throw new Error('no site')
    const steps = portalFields(subject, site)
    checkFillList(file('填写清单.txt'), steps)
    const labels = ['身份证正面', '身份证反面', '本人手持身份证照', '域名证书']
    const images: PacketImage[] = materials.map((path, i) => ({
      label: labels[i] ?? '',
      path,
      jpeg: file(path),
    }))
    const info = file('备案信息.pdf')
    const print = file('材料打印.pdf')
    // What was typed in the forms above, found in the PDF's text in full.
    const typed = [
      '李小明',
      subject.principal.idNumber,
      '13952718460',
      'lixiaoming@example.com',
      '010-65871234',
      '建国路 88 号 3 号楼 1201 室',
      'example-blog.cn',
      '京ICP备12345678号-1',
      '47.96.21.10',
      '阿里云计算有限公司',
    ]
    // The pages as PNG under test-results/packet/ for a person to look at.
    renderForEyes(info, 'test-results/packet', 'info')
    renderForEyes(print, 'test-results/packet', 'print')
    await checkInfoPdf(info, steps, typed, images)
    await checkPrintPdf(print, images)
  })

  it('填报助手: the portal’s pages in order, copy through main with a tick, the zip’s files and 打开所在文件夹', async () => {
    const target = join(session.dataDir, 'out', '小明的博客.zip')
    await page.click(byId('fill-assistant-open'))
    await page.locator(byId('fill-assistant')).waitFor()
    const titles = await page.locator('[data-testid^="fill-step-"] .ant-card-head-title').allTextContents()
    expect(titles).toEqual([
      '第 1 页：开办主体',
      '第 2 页：开办者信息（主体负责人）',
      '第 3 页：网站基本信息',
      '第 4 页：网站负责人',
    ])
    const ws = session.bridge.services.repo.workspace()
    const idNumber = ws.subjects[0]?.principal.idNumber ?? ''
    expect(await page.textContent(byId('fill-field-principal.idNumber-value'))).toBe(idNumber)
    expect(await page.textContent(byId('fill-field-site.serverIps.1-value'))).toBe('47.96.21.10')
    await page.click(byId('fill-field-principal.idNumber-copy'))
    await page.locator(byId('fill-field-principal.idNumber-copied')).waitFor()
    await page.click(byId('fill-field-site.mainDomain-copy'))
    await page.locator(byId('fill-field-site.mainDomain-copied')).waitFor()
    expect(session.bridge.copied).toEqual([idNumber, 'example-blog.cn'])
    expect(await page.textContent(byId('fill-material-principal-id-front-path'))).toContain(
      `${target} › 1_开办主体/01_身份证正面.jpg`,
    )
    expect(await page.textContent(byId('fill-material-domain-certificate-path'))).toContain(
      '2_网站基本信息/04_域名证书.jpg',
    )
    const before = session.bridge.revealed.length
    await page.click(byId('fill-reveal-site'))
    await expect.poll(() => session.bridge.revealed.slice(before)).toEqual([target])
    await page.locator(byId('fill-step-principal')).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/fill-assistant.png' })
    await page.locator(byId('fill-materials-site')).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/fill-assistant-materials.png' })
    await page.keyboard.press('Escape')
    await page.locator(byId('fill-assistant')).waitFor({ state: 'hidden' })
  })

  it('rotates a photo and re-fits it to the 400 KB preset in the editor', async () => {
    await page.click(byId('slot-principal-id-back-edit'))
    await page.click(byId('editor-rotate-right'))
    await page.click(byId('editor-cap-400'))
    await page.click(byId('editor-apply'))
    const back = () =>
      session.bridge.services.repo.workspace().materials.find((m) => m.slot === 'principal-id-back')
    await expect.poll(() => back()?.edit.rotate, { timeout: 60_000 }).toBe(90)
    const edited = back()
    expect(edited?.maxBytes).toBe(400_000)
    expect(edited?.bytes).toBeLessThanOrEqual(400_000)
    expect(edited?.height).toBeGreaterThan(edited?.width ?? Infinity)
    await page.locator(byId('editor-preview-after')).waitFor({ timeout: 60_000 })
    await page.screenshot({ path: 'test-results/editor.png' })
    await page.click(byId('editor-close'))
  })

  it('puts a watermark in the bottom-right corner by default, from the editor', async () => {
    await page.click(byId('slot-principal-id-front-edit'))
    await page.click(byId('editor-watermark-switch'))
    expect(await page.getAttribute(byId('editor-watermark-corner'), 'aria-checked')).toBe('true')
    expect(await page.textContent(byId('editor-watermark-placement'))).toMatch(/右下角.*底部横条.*满铺/)
    await page.locator(byId('editor-crop-rect')).waitFor()
    // The "applied" toast of the previous step has gone and the switch has finished moving.
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0)
    await page.waitForTimeout(400)
    await page.screenshot({ path: 'test-results/editor-watermark.png' })
    await page.click(byId('editor-apply'))
    const front = () =>
      session.bridge.services.repo.workspace().materials.find((m) => m.slot === 'principal-id-front')
    await expect.poll(() => front()?.edit.watermarkPlacement, { timeout: 60_000 }).toBe('corner')
    expect(front()?.edit.watermark).toBe('仅供公安备案使用')
    expect(front()?.bytes).toBeLessThanOrEqual(CAP)
    await page.locator(byId('editor-preview-after')).waitFor({ timeout: 60_000 })
    await page.click(byId('editor-close'))
    await expect.poll(() => page.textContent(byId('slot-principal-id-front'))).toContain('水印：右下角')
  })

  it('keeps everything after closing and reopening', async () => {
    const dataDir = session.dataDir
    await session.close()
    session = await openSession(browser, dataDir)
    page = session.page
    await page.locator('[data-testid^="tree-site-"]').first().click()
    await expect.poll(() => page.textContent(byId('readiness'))).toMatch(/4\s*\/\s*4/)
    expect(await page.getAttribute(byId('slot-principal-id-back'), 'data-status')).not.toBe('missing')
  })

  it('counts a too-small ID photo as not ready everywhere, and export refuses it without repeating the list', async () => {
    const tiny = join(session.dataDir, 'inputs', '小图.jpg')
    writeFileSync(
      tiny,
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer(),
    )
    session.bridge.queueDialog([tiny])
    await page.click(byId('slot-principal-id-back-pick'))
    await expect
      .poll(() => page.getAttribute(byId('slot-principal-id-back'), 'data-status'), { timeout: 60_000 })
      .toBe('blocked')
    await expect.poll(() => page.textContent(byId('readiness'))).toMatch(/已就绪 3\/4/)
    const siteId = session.bridge.services.repo.workspace().sites[0]?.id ?? ''
    expect(await page.textContent(byId(`tree-count-${siteId}`))).toBe('3/4')
    expect(await page.textContent(byId('export-precheck'))).toContain('身份证反面 — 不可用')
    session.bridge.queueDialog(join(session.dataDir, 'out', '不该写出.zip'))
    await page.click(byId('export-zip'))
    const refused = page.locator(byId('export-missing'))
    await refused.waitFor({ timeout: 60_000 })
    expect(await refused.textContent()).toContain('请先处理上方列出的材料和错误')
    expect(await refused.textContent()).not.toContain('不能使用')
    await page.locator(byId('slot-principal-id-back')).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/site-blocked.png' })
  })

  it('after the refusal, exports a 草稿 packet: 草稿 on every page of both PDFs, in the list and the manifest', async () => {
    const target = join(session.dataDir, 'out', '草稿.zip')
    session.bridge.queueDialog(target)
    await page.click(byId('export-draft-zip'))
    await page.locator(byId('export-result')).waitFor({ timeout: 60_000 })
    const entries = await readZip(target)
    const file = (name: string): Buffer => {
      const entry = entries.find((e) => e.name === `草稿/${name}`)
      if (!entry) throw new Error(`${name} is not in the draft zip`)
      return entry.data
    }
    expect(JSON.parse(file('manifest.json').toString('utf8'))).toMatchObject({ draft: true })
    expect(file('填写清单.txt').toString('utf8')).toContain('【草稿】')
    checkDraftPdf(file('备案信息.pdf'), { pinkOnEveryPage: true })
    // Over a photo the mark is not pink; its text is on every page (the mark and the footer).
    checkDraftPdf(file('材料打印.pdf'), { pinkOnEveryPage: false })
    renderForEyes(file('备案信息.pdf'), 'test-results/packet', 'draft-info')
  })

  it('names the field of each finding and explains the cited rule in a tooltip', async () => {
    await page.locator('[data-testid^="tree-subject-"]').first().click()
    await page.fill(byId('person-officePhone'), '010-00000000')
    await page.click(byId('save-subject'))
    await page.locator('.ant-message-notice', { hasText: '开办主体已保存' }).waitFor()
    await page.locator('[data-testid^="tree-site-"]').first().click()
    const findings = page.locator(byId('export-findings'))
    await findings.waitFor()
    const item = findings.locator('li', { hasText: '010-00000000' }).first()
    expect(await item.locator('.finding-where').textContent()).toBe('开办主体 · 办公电话')
    await item.locator(byId('rule-⑦')).hover()
    await expect
      .poll(() => page.locator(byId('rule-tooltip')).first().textContent())
      .toContain('办公电话：务必填写')
    await findings.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/site-findings.png' })
  })
})
