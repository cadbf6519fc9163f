/** beian-desk import: the app's client import from a terminal; all or nothing, updates only when confirmed. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { generateResidentId, generateUscc } from '../../../core/validation'
import { makeIndividual } from '../../support/factories'
import { storedWorkspace } from '../../support/stored-workspace'
import { useTempDirs } from '../../support/temp-dir'
import { run, storeWorkspace } from './support'

const tempDir = useTempDirs()

const CERT_A = generateUscc({ orgBody: '34567812' })
const CERT_B = generateUscc({ orgBody: '45678123' })
const PERSON = generateResidentId({ prefix: '110105', birth: '1991-05-06', seq: 23 })
const HEADER = '客户名称,主体性质,统一社会信用代码,法定代表人,手机号码,网站名称,域名,开通时间,是否交互式'
const LINES = [
  `示例科技有限公司,单位,${CERT_A},张三,13800000000,示例官网,example.cn,2026/11/20,否`,
  `示例科技有限公司,单位,${CERT_A},张三,13800000000,示例论坛,bbs.example.cn,2026/11/21,是`,
  `样例网络有限公司,单位,${CERT_B},李四,13900000000,样例商城,shop.example.com,2026-10-01,否`,
  `王五,个人,${PERSON},,13700000000,王五的博客,wangwu.cn,,否`,
]

/** A data folder with one unrelated subject, and the table file. */
function folderAndTable(lines: readonly string[], name = '客户.csv') {
  const dir = tempDir()
  storeWorkspace(dir, { subjects: [makeIndividual({ name: '原有客户' })], sites: [], materials: [] })
  const file = join(dir, name)
  writeFileSync(file, '\uFEFF' + [HEADER, ...lines].join('\r\n') + '\r\n')
  return { dir, file }
}

describe('beian-desk import', () => {
  it('--dry-run prints every row with its findings and writes nothing', async () => {
    const { dir, file } = folderAndTable(LINES)
    const before = readFileSync(join(dir, 'config.json'))
    const listing = readdirSync(dir).sort()
    const r = await run(['import', file, '--data-dir', dir, '--dry-run'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('文件 客户.csv（utf-8-bom），4 行数据')
    expect(r.out).toContain('第 2 行  示例科技有限公司 / 示例官网 example.cn：新建主体，新建网站')
    expect(r.out).toContain('第 3 行  示例科技有限公司 / 示例论坛 bbs.example.cn：同上一主体，新建网站')
    expect(r.out).toContain('第 5 行  王五 / 王五的博客 wangwu.cn：新建主体，新建网站')
    // The forms' findings for each row (e.g. the materials are not there yet, missing fields).
    expect(r.out).toMatch(/第 2 行[^\n]*\n( {4}! (资料错误|提示)：[^\n]+\n)+第 3 行/)
    expect(r.out).toContain('试运行，没有写入：可以导入 3 个新主体、4 个新网站')
    expect(readFileSync(join(dir, 'config.json'))).toEqual(before)
    expect(readdirSync(dir).sort()).toEqual(listing)
  })

  it('imports in one write and prints what was added', async () => {
    const { dir, file } = folderAndTable(LINES)
    const r = await run(['import', file, '--data-dir', dir])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toContain('已导入：新建主体 3 个，更新主体 0 个；新建网站 4 个，更新网站 0 个；跳过 0 行。')
    const ws = storedWorkspace(dir)
    expect(ws.subjects.map((s) => s.name).sort()).toEqual(
      ['原有客户', '王五', '样例网络有限公司', '示例科技有限公司'].sort(),
    )
    expect(ws.sites.find((s) => s.mainDomain === 'bbs.example.cn')).toMatchObject({
      interactive: true,
      openingDate: '2026-11-21',
    })
    expect(readdirSync(dir)).not.toContain('writer.lock')
  })

  it('updates an existing subject (same certificate number) only with --confirm-updates', async () => {
    const { dir, file } = folderAndTable(LINES)
    expect((await run(['import', file, '--data-dir', dir])).code).toBe(0)
    const again = join(dir, '更新.csv')
    writeFileSync(
      again,
      [
        HEADER,
        `样例网络有限公司,单位,${CERT_B},李四,13911112222,样例商城,shop.example.com,2026-10-01,否`,
      ].join('\n'),
    )
    const phoneOf = () => storedWorkspace(dir).subjects.find((s) => s.certNumber === CERT_B)?.principal.mobile
    const oldPhone = phoneOf()

    const skipped = await run(['import', again, '--data-dir', dir])
    expect(skipped.code).toBe(0)
    expect(skipped.out).toContain(
      '第 2 行  样例网络有限公司 / 样例商城 shop.example.com：不会导入：已有主体，未加 --confirm-updates',
    )
    expect(skipped.out).toContain(
      '有 1 个已有主体与表格中的行证件号码相同。没有加 --confirm-updates，这些行不会导入',
    )
    expect(skipped.out).toContain(`  样例网络有限公司（${CERT_B}）：第 2 行`)
    expect(skipped.out).toContain('更新主体 0 个')
    expect(phoneOf()).toBe(oldPhone)

    const confirmed = await run(['import', again, '--data-dir', dir, '--confirm-updates'])
    expect(confirmed.code).toBe(0)
    expect(confirmed.out).toContain('第 2 行  样例网络有限公司 / 样例商城 shop.example.com：更新已有主体')
    expect(confirmed.out).toContain('更新主体 1 个')
    expect(confirmed.out).not.toContain('--confirm-updates，这些行不会导入')
    expect(phoneOf()).toBe('13911112222')
    expect(storedWorkspace(dir).subjects.filter((s) => s.certNumber === CERT_B)).toHaveLength(1)
  })

  it('refuses the whole file when a row must be fixed, with exit code 1 (Chinese and English)', async () => {
    const bad = [...LINES, `赵六,个人,${PERSON},,13600000000,赵六的博客,zhaoliu.cn,,也许`]
    const { dir, file } = folderAndTable(bad)
    const before = readFileSync(join(dir, 'config.json'))
    const r = await run(['import', file, '--data-dir', dir])
    expect(r.code).toBe(1)
    expect(r.out).toContain('第 6 行  赵六 / 赵六的博客 zhaoliu.cn：无法导入')
    expect(r.out).toContain('    ✗ 需改正：“交互式”一栏应填“是”或“否”，而不是“也许”。')
    expect(r.err).toBe('有 1 行需要先改正，本次没有导入任何内容。请修改表格后重新导入。\n')
    expect(readFileSync(join(dir, 'config.json'))).toEqual(before)
    const en = await run(['import', file, '--data-dir', dir, '--lang', 'en', '--dry-run'])
    expect(en.code).toBe(1)
    expect(en.out).toContain('Line 6  赵六 / 赵六的博客 zhaoliu.cn: cannot be imported')
    expect(en.err).toBe(
      '1 row(s) must be fixed first; nothing was imported. Fix the table and import again.\n',
    )
  })

  it('reads an XLSX workbook the same way', async () => {
    const { dir } = folderAndTable([])
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('客户')
    for (const line of [HEADER, ...LINES.slice(2)]) sheet.addRow(line.split(','))
    const file = join(dir, '客户.xlsx')
    await book.xlsx.writeFile(file)
    const r = await run(['import', file, '--data-dir', dir])
    expect(r.code).toBe(0)
    expect(r.out).toContain('文件 客户.xlsx（xlsx），2 行数据')
    expect(r.out).toContain('已导入：新建主体 2 个，更新主体 0 个；新建网站 2 个')
    expect(
      storedWorkspace(dir)
        .sites.map((s) => s.mainDomain)
        .sort(),
    ).toEqual(['shop.example.com', 'wangwu.cn'])
  })

  it('gives the preview as JSON, and explains a missing file argument', async () => {
    const { dir, file } = folderAndTable(LINES)
    const r = await run(['import', file, '--data-dir', dir, '--dry-run', '--json'])
    const out = JSON.parse(r.out) as {
      dryRun: boolean
      applied: unknown
      blockingRows: number
      rows: { line: number }[]
      counts: { newSites: number }
    }
    expect(out).toMatchObject({ dryRun: true, applied: null, blockingRows: 0, counts: { newSites: 4 } })
    expect(out.rows.map((row) => row.line)).toEqual([2, 3, 4, 5])
    const none = await run(['import', '--data-dir', dir])
    expect(none.code).toBe(2)
    expect(none.err).toContain('请给出要导入的表格文件（CSV 或 XLSX）。')
  })
})
