/**
 * Issue 4 in Chromium: a 企业 subject with its legal representative and a site with two
 * domains. The portal's rules fire on the classic mistakes (a person's name for a company, an
 * ID number in the licence field, 010-00000000, an address without a door number, a private
 * server IP) and clear once the value is right; every field survives a restart. An interactive
 * site with its own security officer asks for that person's details and the 安全评估报告.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateUscc } from '../../core/validation'
import { syntheticResidentId } from '../support/factories'
import {
  addTag,
  assertPrerequisites,
  byId,
  choose,
  launchBrowser,
  openSession,
  typeDate,
  type Session,
} from './browser'

let browser: Browser
let session: Session
let page: Page
const uscc = generateUscc({ department: '9', category: '1', division: '110105', orgBody: '5M3K7Q2D' })

beforeAll(async () => {
  assertPrerequisites()
  browser = await launchBrowser()
  session = await openSession(browser)
  page = session.page
})

afterAll(async () => {
  await page?.screenshot({ path: 'test-results/organization-last.png' })
  await session?.close()
  await browser?.close()
})

/** The rule's message appears for the bad value, then disappears for the good one. */
async function firesThenClears(
  field: string,
  bad: string,
  good: string,
  message: RegExp,
  kind: 'error' | 'warning' = 'error',
) {
  await page.fill(byId(field), bad)
  await expect
    .poll(() => page.locator(byId(`${field}-${kind}`)).textContent(), { timeout: 10_000 })
    .toMatch(message)
  await page.fill(byId(field), good)
  await expect.poll(() => page.locator(byId(`${field}-${kind}`)).count()).toBe(0)
}

describe('企业 journey: the rules fire and clear', () => {
  it('fills a 企业 subject and its legal representative', async () => {
    await page.click(byId('new-subject'))
    await page.click(byId('subject-nature-organization'))
    await choose(page, 'subject-orgKind', '企业')
    await page.click(byId('save-subject')) // a save attempt shows what is still missing
    await firesThenClears('subject-name', '张三', '北京星河云科技有限公司', /有限公司|全称/, 'warning')
    await choose(page, 'subject-certType', '统一社会信用代码')
    await firesThenClears('subject-certNumber', syntheticResidentId('19800101', '271'), uscc, /身份证/)
    await firesThenClears('subject-officePhone', '010-00000000', '010-65871234', /假|真实/)
    await page.fill(byId('subject-investor'), '王建国')
    await choose(page, 'subject-address-province', '北京市')
    await choose(page, 'subject-address-city', '市辖区')
    await choose(page, 'subject-address-county', '朝阳区')
    await firesThenClears('subject-address-detail', '建国路', '建国路 88 号 3 号楼 1201 室', /门牌|号/)

    await page.fill(byId('person-name'), '王建国')
    await page.fill(byId('person-idNumber'), syntheticResidentId('19750615', '193'))
    await typeDate(page, 'person-idExpiry', '2036-06-30')
    await page.fill(byId('person-mobile'), '13958203746')
    await page.fill(byId('person-email'), 'wangjianguo@example.com')
    await page.fill(byId('person-officePhone'), '010-65871235')
    await choose(page, 'person-address-province', '北京市')
    await choose(page, 'person-address-city', '市辖区')
    await choose(page, 'person-address-county', '海淀区')
    await page.fill(byId('person-address-detail'), '中关村大街 27 号 5 单元 302 室')
    await page.click(byId('save-subject'))
    await page.locator('[data-testid^="tree-subject-"]').first().waitFor()
    // The field messages still shown (none), so a failure names the field, not just a count.
    await expect
      .poll(() => page.locator('[data-testid$="-error"]').evaluateAll((els) => els.map((e) => e.textContent)))
      .toEqual([])
    await expect.poll(() => page.locator(byId('subject-findings-summary')).count()).toBe(0)
  })

  it('fills a site with two domains and refuses a private server IP', async () => {
    await page.click(byId('new-site'))
    await page.fill(byId('site-name'), '星河云官网')
    await page.fill(byId('site-mainDomain'), 'xinghe-cloud.cn')
    await addTag(page, 'site-extraDomains', 'xinghe-cloud.com.cn')
    await page.fill(byId('site-icpNumber'), '京ICP备20261234号-1')
    await typeDate(page, 'site-openingDate', '2026-11-20')
    await addTag(page, 'site-serverIps', '192.168.1.10')
    await expect
      .poll(() => page.locator(byId('site-serverIps-error')).textContent(), { timeout: 10_000 })
      .toMatch(/公网|内网|私有/)
    await page
      .locator(`${byId('site-serverIps')} .ant-select-selection-item-remove`)
      .first()
      .click()
    await addTag(page, 'site-serverIps', '47.96.21.11')
    await expect.poll(() => page.locator(byId('site-serverIps-error')).count()).toBe(0)
    await choose(page, 'site-accessProvider-name', '阿里云计算有限公司')
    await choose(page, 'site-registrar-name', '阿里云计算有限公司')
    await page.click(byId('save-site'))
    await page.locator('[data-testid^="tree-site-"]').first().waitFor()
    // 单位 need the unit certificate, the legal representative's set, the security person's set and the domain certificate.
    await expect.poll(() => page.textContent(byId('readiness'))).toMatch(/0\s*\/\s*8/)
  })

  it('stores every field and shows it again after a restart', async () => {
    const stored = session.bridge.services.repo.workspace()
    expect(stored.subjects).toHaveLength(1)
    const subject = stored.subjects[0]
    expect(subject).toMatchObject({
      nature: 'organization',
      orgKind: 'enterprise',
      name: '北京星河云科技有限公司',
      certType: 'uscc-certificate',
      certNumber: uscc,
      investor: '王建国',
      officePhone: '010-65871234',
      officeAddress: { divisionNames: ['北京市', '市辖区', '朝阳区'], detail: '建国路 88 号 3 号楼 1201 室' },
      principal: {
        name: '王建国',
        idExpiry: '2036-06-30',
        mobile: '13958203746',
        email: 'wangjianguo@example.com',
      },
    })
    expect(stored.sites[0]).toMatchObject({
      name: '星河云官网',
      mainDomain: 'xinghe-cloud.cn',
      extraDomains: ['xinghe-cloud.com.cn'],
      serverIps: ['47.96.21.11'],
      icpNumber: '京ICP备20261234号-1',
      openingDate: '2026-11-20',
      accessProvider: { name: '阿里云计算有限公司' },
      registrar: { name: '阿里云计算有限公司' },
    })
    const dataDir = session.dataDir
    await session.close()
    session = await openSession(browser, dataDir)
    page = session.page
    await page.locator('[data-testid^="tree-subject-"]').first().click()
    await expect.poll(() => page.inputValue(byId('subject-name'))).toBe('北京星河云科技有限公司')
    expect(await page.inputValue(byId('subject-certNumber'))).toBe(uscc)
    expect(await page.inputValue(byId('person-email'))).toBe('wangjianguo@example.com')
    await page.screenshot({ path: 'test-results/organization-subject.png' })
  })

  it('an interactive 管制物品 site with its own security officer asks for that person, the 安全评估报告 and the permit', async () => {
    await page.click(byId('new-site'))
    await page.fill(byId('site-name'), '星河云社区')
    await page.fill(byId('site-mainDomain'), 'xinghe-bbs.cn')
    await page.fill(byId('site-icpNumber'), '京ICP备20261234号-2')
    await typeDate(page, 'site-openingDate', '2026-11-21')
    await addTag(page, 'site-serverIps', '47.96.21.12')
    await choose(page, 'site-accessProvider-name', '阿里云计算有限公司')
    await choose(page, 'site-registrar-name', '阿里云计算有限公司')
    await page.locator(byId('site-interactive')).getByText('是', { exact: true }).click()
    await page.locator(byId('site-interactive-materials')).waitFor()
    await page.locator(byId('site-offersControlledGoods')).getByText('是', { exact: true }).click()
    await choose(page, 'site-controlledGoods', '管制器具')
    await page.keyboard.press('Escape')
    await page.click(byId('security-same'))
    await page.fill(byId('security-name'), '刘洋')
    await page.fill(byId('security-idNumber'), syntheticResidentId('19881212', '456'))
    await typeDate(page, 'security-idExpiry', '2034-03-31')
    await page.fill(byId('security-mobile'), '13652718460')
    await page.fill(byId('security-email'), 'liuyang@example.com')
    await page.click(byId('save-site'))
    await page.locator('[data-testid^="tree-site-"]').nth(1).waitFor()
    // 8 as before plus the 安全评估报告 and the 管制物品 permit; the security officer's set is the site's own.
    await expect.poll(() => page.textContent(byId('readiness'))).toMatch(/0\s*\/\s*10/)
    await expect.poll(() => page.getByText('安全评估报告', { exact: true }).count()).toBeGreaterThan(0)
    await expect
      .poll(() => page.getByText('管制物品信息发布许可证件', { exact: true }).count())
      .toBeGreaterThan(0)
    const site = session.bridge.services.repo.workspace().sites.find((s) => s.name === '星河云社区')
    expect(site).toMatchObject({
      interactive: true,
      offersControlledGoods: true,
      controlledGoods: ['管制器具'],
      securityOfficer: { sameAsPrincipal: false, person: { name: '刘洋', mobile: '13652718460' } },
    })
    await page.screenshot({ path: 'test-results/organization-interactive-site.png' })
  })
})
