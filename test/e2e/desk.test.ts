/**
 * Issue 10 in Chromium: an agency imports a CSV of 20 clients (UTF-8 with BOM, one column the
 * wizard cannot guess), records filing events on the site's 备案进度 tab (one site returned and
 * resubmitted, one interactive site called to a 面审, one approved with its 公安备案号 and the
 * badge copied), sees the today list and the overdue sites, filters the dashboard and exports
 * the filtered rows as CSV. Screenshots of the dashboard, a timeline and the badge go to
 * test-results/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localToday } from '../../core/packet/readiness'
import { syntheticCompany, syntheticPerson } from '../fixtures/identity'
import {
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
const OUT = 'test-results'

/** Local date `days` from today, ISO. */
function dayOffset(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return localToday(d)
}

const TRADES = [
  '星河',
  '云帆',
  '青禾',
  '远山',
  '明川',
  '长风',
  '松石',
  '白鹭',
  '晨曦',
  '锦程',
  '石榴',
  '知行',
  '海棠',
  '北辰',
]
const GIVEN = ['李雪梅', '王志强', '张海燕', '刘建军', '陈静怡', '杨晓东']

type Client = { name: string; domain: string; opening: string; interactive: boolean }

/** 14 companies and 6 individuals; four sites opened more than 30 days ago, one exactly 30. */
function clients(): { rows: string[][]; list: Client[] } {
  const header = [
    '主体名称',
    '主体性质',
    '单位类别',
    '证件号码',
    '办公电话',
    '详细地址',
    '负责人姓名',
    '负责人证件号码',
    '移动号码', // not a header the wizard knows: mapped by hand
    '负责人邮箱',
    '网站名称',
    '网站域名',
    'ICP备案号',
    '开通日期',
    '交互式',
    '服务器IP',
    '接入服务商',
  ]
  const rows: string[][] = [header]
  const list: Client[] = []
  for (let i = 0; i < 20; i++) {
    const company = i < 14
    const person = syntheticPerson(1000 + i)
    const name = company ? `北京${TRADES[i]}网络科技有限公司` : (GIVEN[i - 14] ?? '')
    const cert = company ? syntheticCompany(2000 + i).uscc : person.residentId
    const domain = `desk${i + 1}-${company ? 'co' : 'me'}.cn`
    const opening = i < 4 ? dayOffset(-45 + i) : i === 4 ? dayOffset(-30) : dayOffset(-3)
    const interactive = i === 6
    list.push({ name, domain, opening, interactive })
    rows.push([
      name,
      company ? '单位' : '个人',
      company ? '企业' : '',
      cert,
      `010-6587${String(1200 + i)}`,
      person.address,
      company ? syntheticPerson(3000 + i).name : name,
      company ? syntheticPerson(3000 + i).residentId : person.residentId,
      `139${String(58_203_700 + i)}`,
      `client${i + 1}@example.com`,
      `${name.replace(/网络科技有限公司$/, '')}的网站`,
      domain,
      `京ICP备2026${String(10_000 + i)}号-1`,
      opening.replace(/-/g, '/'),
      interactive ? '是' : '否',
      `203.0.113.${10 + i}`,
      '阿里云',
    ])
  }
  return { rows, list }
}

const csvCell = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)

beforeAll(async () => {
  assertPrerequisites()
  mkdirSync(OUT, { recursive: true })
  browser = await launchBrowser()
  session = await openSession(browser)
  page = session.page
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.bridge.url })
})

afterAll(async () => {
  await page?.screenshot({ path: `${OUT}/desk-last.png` })
  await session?.close()
  await browser?.close()
})

const { rows, list } = clients()
const [overdue1, overdue2, , , dueToday, , interactiveSite] = list as [
  Client,
  Client,
  Client,
  Client,
  Client,
  Client,
  Client,
]
const returnedSite = list[8] as Client
const approvedSite = list[10] as Client
const FILING_NUMBER = '11010502031234'

async function openDashboard(): Promise<void> {
  await page.click(byId('nav-dashboard'))
  await page.locator(byId('dashboard')).waitFor()
}

/** From the dashboard: search the client, open its site, switch to 备案进度. */
async function openFiling(client: Client): Promise<void> {
  await openDashboard()
  await page.fill(`${byId('desk-search')} input`, client.domain)
  await expect.poll(() => page.textContent(byId('desk-count'))).toContain('共 1 / 20')
  await page.locator(byId('desk-row')).first().click()
  await page.click(byId('tab-filing'))
  await page.locator(byId('filing-panel')).waitFor()
}

/** Picks the event kind, fills the date of today and the operator, and records it. */
async function record(kind: string, fill: () => Promise<void> = async () => undefined): Promise<void> {
  const before = await page.locator(byId('filing-event')).count()
  await choose(page, 'filing-kind', kind)
  await page.fill(byId('filing-operator'), '代理小周')
  await fill()
  await page.click(byId('filing-submit'))
  await expect.poll(() => page.locator(byId('filing-event')).count(), { timeout: 10_000 }).toBe(before + 1)
}

async function stageText(): Promise<string> {
  return (
    (await page
      .locator(`${byId('filing-panel')} ${byId('stage-tag')}`)
      .first()
      .textContent()) ?? ''
  )
}

describe('filing desk journey', () => {
  it('imports 20 clients from a CSV with BOM through the mapping and preview steps', async () => {
    const csv = join(session.dataDir, 'in', '客户清单.csv')
    mkdirSync(join(session.dataDir, 'in'), { recursive: true })
    writeFileSync(csv, '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8')
    session.bridge.queueDialog(csv)
    await page.click(byId('import-open'))
    await page.click(byId('import-pick'))
    const mapping = page.locator(byId('import-mapping'))
    await mapping.waitFor()
    expect(await mapping.textContent()).toContain('20')
    // The unknown header is not guessed; the user maps it.
    expect(await page.textContent(byId('map-principalMobile'))).toContain('不导入')
    expect(await page.textContent(byId('map-subjectName'))).toContain('主体名称')
    await choose(page, 'map-principalMobile', '9. 移动号码')
    expect(await page.textContent(byId('map-principalMobile'))).toContain('移动号码')
    await page.click(byId('import-next'))
    await page.locator(byId('import-preview')).waitFor()
    expect(await page.textContent(byId('import-counts'))).toMatch(/20/)
    await page.screenshot({ path: `${OUT}/desk-import-preview.png` })
    await page.click(byId('import-commit'))
    const done = await page.locator(byId('import-done')).textContent({ timeout: 20_000 })
    expect(done).toMatch(/20/)
    await page.click(byId('import-close'))
    await openDashboard()
    await expect.poll(() => page.textContent(byId('desk-count'))).toContain('共 20 / 20')
  })

  it('lists the overdue sites and the one due today', async () => {
    const today = page.locator(byId('desk-today'))
    const text = (await today.textContent()) ?? ''
    expect(text).toContain('今天要处理（5）')
    for (const c of [overdue1, overdue2, dueToday]) expect(text).toContain(c.name)
    expect(text).not.toContain(returnedSite.name)
    expect(await today.locator('.ant-typography-danger').count()).toBeGreaterThanOrEqual(4)
  })

  it('records a return with its reason, then the resubmission', async () => {
    await openFiling(returnedSite)
    await record('已提交')
    await page.click(byId('filing-submit')) // 退回 without a reason is refused
    await choose(page, 'filing-kind', '退回')
    await page.click(byId('filing-submit'))
    await expect.poll(() => page.textContent(byId('filing-errors'))).toContain('退回原因')
    await record('退回', () => page.fill(byId('filing-note'), '网站名称与 ICP 备案不一致，请修改后重新提交'))
    expect(await stageText()).toContain('退回')
    expect(await page.textContent(byId('filing-panel'))).toContain('网站名称与 ICP 备案不一致')
    await record('已提交')
    expect(await stageText()).toContain('已提交')
    const events = await page.locator(byId('filing-event')).allTextContents()
    expect(events.join('\n')).toMatch(/已提交[\s\S]*退回[\s\S]*已提交|已提交[\s\S]*退回/)
    await page
      .locator('.filing-panel .ant-card')
      .first()
      .screenshot({ path: `${OUT}/desk-timeline.png` })
  })

  it('records the 面审 of the interactive site with its date and place', async () => {
    expect(interactiveSite.interactive).toBe(true)
    await openFiling(interactiveSite)
    await record('已提交')
    await record('面审/实地检查通知', async () => {
      await typeDate(page, 'filing-interview-date', dayOffset(5))
      await page.fill(byId('filing-interview-place'), '北京市公安局朝阳分局网安支队 3 楼')
    })
    expect(await stageText()).toContain('待面审')
    expect(await page.textContent(byId('filing-panel'))).toContain(dayOffset(5))
    expect(await page.textContent(byId('filing-next'))).toContain(dayOffset(5))
  })

  it('records the approval with the 公安备案号 and copies the badge', async () => {
    await openFiling(approvedSite)
    await record('已提交')
    await record('已备案', async () => {
      await page.fill(byId('filing-number'), FILING_NUMBER)
      await page.fill(byId('filing-unit'), '北京市公安局朝阳分局')
    })
    expect(await stageText()).toContain('已备案')
    const badge = page.locator(byId('badge-preview'))
    await badge.waitFor()
    expect(await page.textContent(byId('badge-sample'))).toContain(`京公网安备${FILING_NUMBER}号`)
    await page.click(byId('badge-copy'))
    await page.locator('.ant-message', { hasText: '已复制标识代码' }).waitFor()
    // Through main's clipboard, which Electron's permission handler cannot refuse.
    const copied = session.bridge.copied.at(-1) ?? ''
    expect(copied).toContain(`https://beian.mps.gov.cn/#/query/webSearch?code=${FILING_NUMBER}`)
    expect(copied).toContain(`京公网安备${FILING_NUMBER}号`)
    await badge.scrollIntoViewIfNeeded()
    await badge.screenshot({ path: `${OUT}/desk-badge.png` })
  })

  it('filters the dashboard and exports the shown rows as CSV', async () => {
    await openDashboard()
    await page.fill(`${byId('desk-search')} input`, '')
    await expect.poll(() => page.textContent(byId('desk-count'))).toContain('共 20 / 20')
    // The toasts of the last steps gone, the page at its top: what a clerk sees first.
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0)
    await page.locator(byId('dashboard')).evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: `${OUT}/desk-dashboard.png` })
    await page.locator(byId('desk-due')).getByText('已逾期').click()
    await expect.poll(() => page.textContent(byId('desk-count'))).toMatch(/共 [45] \/ 20/)
    mkdirSync(join(session.dataDir, 'out'), { recursive: true })
    const target = join(session.dataDir, 'out', '逾期网站.csv')
    session.bridge.queueDialog(target)
    await page.click(byId('desk-export'))
    await page.locator('.ant-dropdown-menu-item', { hasText: 'CSV' }).click()
    await page.locator('.ant-message', { hasText: '已导出' }).waitFor({ timeout: 10_000 })
    const csv = readFileSync(target, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    const shown = Number(/共 (\d+)/.exec((await page.textContent(byId('desk-count'))) ?? '')?.[1])
    expect(lines.length).toBe(shown + 1)
    for (const c of [overdue1, overdue2]) expect(csv).toContain(c.domain)
    expect(csv).not.toContain(returnedSite.domain)
    expect(csv).not.toContain(approvedSite.domain)
  })
})
