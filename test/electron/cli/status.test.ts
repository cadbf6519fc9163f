/** beian-desk status: the dashboard's rows in a terminal, filtered like the dashboard, most urgent first. */
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../support/temp-dir'
import { dayFromToday, deskWorkspace } from './desk-support'
import { run } from './support'

const tempDir = useTempDirs()

type StatusJson = {
  total: number
  shown: number
  overdue: number
  dueWithinWeek: number
  counts: Record<string, number>
  rows: {
    siteId: string
    client: string
    domain: string
    icpNumber: string
    stage: string
    next: { kind: string; date: string; daysLeft: number } | null
    materials: { ready: number; total: number } | null
    findings: { errors: number; warnings: number } | null
  }[]
}

/** 小明的博客 opened 40 days ago (10 days overdue), 小明的相册 25 days ago (5 left), 小红的书店 submitted 30 days ago. */
async function agency() {
  const dir = tempDir()
  const sites = deskWorkspace(dir)
  const submitted = await run([
    'event',
    '--data-dir',
    dir,
    '--site',
    'hong-books.cn',
    '--stage',
    'submitted',
    '--date',
    dayFromToday(-30),
  ])
  expect(submitted.code).toBe(0)
  return { dir, ...sites }
}

describe('beian-desk status', () => {
  it('prints the dashboard table, most urgent first, with a summary line', async () => {
    const { dir } = await agency()
    const r = await run(['status', '--data-dir', dir])
    expect(r.code).toBe(0)
    const lines = r.out.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^客户\s+网站\s+域名\s+ICP 备案号\s+阶段\s+下一个期限\s+剩余\s+材料\s+问题$/)
    // The review (expected within 5 working days of a submission 30 days ago) is the most overdue.
    expect(lines[1]).toMatch(
      /^李小红\s+小红的书店\s+hong-books\.cn\s+京ICP备12345678号-1\s+已提交\s+预计审核结果.*已逾期 \d+ 天/,
    )
    expect(lines[2]).toContain('小明的博客')
    expect(lines[2]).toContain(`备案期限（开通后30日内） ${dayFromToday(-10)}`)
    expect(lines[2]).toContain('已逾期 10 天')
    expect(lines[2]).toMatch(/准备中.*0\/4\s+\d+ 错误 \d+ 提示$/)
    expect(lines[3]).toContain('小明的相册')
    expect(lines[3]).toContain('还剩 5 天')
    expect(lines[4]).toBe(
      '合计：显示 3 个网站（共 3 个）；已逾期 2 个，7 天内到期 1 个。按阶段：准备中 2，已提交 1',
    )
    // Columns line up by display width (Chinese characters are two columns wide).
    const at = (line: string, text: string) =>
      [...line.slice(0, line.indexOf(text))].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0)
    expect(at(lines[1] as string, 'hong-books.cn')).toBe(at(lines[3] as string, 'ming-photos.cn'))
  })

  it('filters by stage (key or Chinese label), overdue and days left', async () => {
    const { dir, overdue, soon, later } = await agency()
    const ids = async (...args: string[]) => {
      const r = await run(['status', '--data-dir', dir, '--json', ...args])
      expect(r.code).toBe(0)
      return (JSON.parse(r.out) as StatusJson).rows.map((row) => row.siteId)
    }
    expect(await ids('--stage', 'submitted')).toEqual([later.id])
    expect(await ids('--stage', '准备中')).toEqual([overdue.id, soon.id])
    expect(await ids('--stage', 'preparing,submitted')).toEqual([later.id, overdue.id, soon.id])
    expect(await ids('--overdue')).toEqual([later.id, overdue.id])
    expect(await ids('--due-within', '4')).toEqual([later.id, overdue.id])
    expect(await ids('--due-within', '5', '--stage', 'preparing')).toEqual([overdue.id, soon.id])
    const none = await run(['status', '--data-dir', dir, '--stage', 'badged'])
    expect(none.code).toBe(0)
    expect(none.out).toBe(
      '没有符合条件的网站。\n合计：显示 0 个网站（共 3 个）；已逾期 0 个，7 天内到期 0 个。按阶段：—\n',
    )
  })

  it('gives the rows as JSON with deadlines, materials and findings, and changes nothing', async () => {
    const { dir, soon } = await agency()
    const before = readdirSync(dir).sort()
    const r = await run(['status', '--data-dir', dir, '--json'])
    expect(readdirSync(dir).sort()).toEqual(before)
    const out = JSON.parse(r.out) as StatusJson
    expect(out).toMatchObject({ total: 3, shown: 3, overdue: 2, dueWithinWeek: 1 })
    expect(out.counts).toMatchObject({ preparing: 2, submitted: 1, filed: 0 })
    expect(out.rows[2]).toMatchObject({
      siteId: soon.id,
      client: '王小明',
      domain: 'ming-photos.cn',
      icpNumber: '京ICP备12345678号-2',
      stage: 'preparing',
      next: { kind: 'file-by', date: dayFromToday(5), daysLeft: 5 },
      materials: { ready: 0, total: 4 },
    })
    expect(out.rows[2]?.findings?.errors).toBeGreaterThan(0)
  })

  it('has --help in Chinese and English, and is listed in the usage', async () => {
    const zh = await run(['status', '--help'])
    expect(zh.code).toBe(0)
    expect(zh.out).toContain('--due-within N   只看 N 天内到期的（含已逾期）')
    const en = await run(['help', 'status', '--lang', 'en'])
    expect(en.out).toContain('--overdue        only overdue sites')
    const usage = await run(['--help'])
    for (const line of [
      'beian-desk status --data-dir',
      'beian-desk import <表格>',
      'beian-desk event --data-dir',
      'beian-desk backups restore',
    ])
      expect(usage.out).toContain(line)
    expect(usage.out).toContain('3 数据文件损坏已恢复、需要确认')
  })

  it('refuses an unknown stage or day count with exit code 2, in Chinese and English', async () => {
    const { dir } = await agency()
    const zh = await run(['status', '--data-dir', dir, '--stage', 'done'])
    expect(zh.code).toBe(2)
    expect(zh.err).toContain('不认识的阶段 “done”。可用的阶段：preparing, submitted')
    const en = await run(['status', '--data-dir', dir, '--due-within', 'soon', '--lang', 'en'])
    expect(en.code).toBe(2)
    expect(en.err).toContain('--due-within must be a whole number of days, 0 or more, not "soon".')
    expect(en.err).toContain('See beian-desk status --help.')
    const table = await run(['status', '--data-dir', dir, '--lang', 'en'])
    expect(table.out).toMatch(/^Client\s+Site\s+Domain/)
    expect(table.out).toContain('10 d overdue')
    expect(table.out).toContain(
      'Summary: 3 site(s) shown of 3; 2 overdue, 1 due within 7 days. By stage: preparing 2, submitted 1',
    )
  })
})
