import { describe, expect, it } from 'vitest'
import {
  detectMapping,
  emptyMapping,
  fieldOfHeader,
  mappingProblems,
  parseSheetDate,
  planImport,
  tableFromCells,
  TEMPLATE_HEADERS,
  type ImportTable,
} from '../../../core/client-import'
import type { Workspace } from '../../../core/model'
import { generateResidentId, generateUscc } from '../../../core/validation'

const TODAY = '2026-12-07'
const uscc = (body: string) => generateUscc({ orgBody: body })
const personId = (seq: number) => generateResidentId({ prefix: '110105', birth: '1990-01-02', seq })

let ids = 0
/** Ids unique across the whole file, as randomUUID gives in main. */
function ctx() {
  return { newId: () => `id${++ids}`, now: '2026-12-07T00:00:00.000Z' }
}
const EMPTY: Workspace = { subjects: [], sites: [], materials: [] }

function table(headers: string[], ...rows: string[][]): ImportTable {
  const out = tableFromCells([headers, ...rows])
  if (!out.ok) throw new Error(out.message)
  return out.table
}

describe('column mapping', () => {
  it.each([
    ['客户名称', 'subjectName'],
    ['主办单位名称', 'subjectName'],
    ['统一社会信用代码', 'certNumber'],
    ['证件号码（统一社会信用代码或身份证号）', 'certNumber'],
    ['负责人证件号码', 'principalIdNumber'],
    ['法定代表人', 'principalName'],
    ['手机号码', 'principalMobile'],
    ['域名', 'domain'],
    [' 网址 ', 'domain'],
    ['ICP 备案号', 'icpNumber'],
    ['ＩＣＰ备案号', 'icpNumber'],
    ['开通时间', 'openingDate'],
    ['是否交互式', 'interactive'],
    ['备注', null],
  ])('%s → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field)
  })

  it('maps the template headers one to one and the first of two synonyms wins', () => {
    const mapping = detectMapping(TEMPLATE_HEADERS)
    expect(Object.values(mapping)).toEqual(TEMPLATE_HEADERS.map((_, i) => i))
    expect(detectMapping(['客户', '主体名称']).subjectName).toBe(0)
  })

  it('refuses a mapping without the subject name or with a column used twice', () => {
    const headers = ['a', 'b']
    expect(mappingProblems(emptyMapping(), headers)[0]).toContain('主体名称')
    const twice = { ...emptyMapping(), subjectName: 0, siteName: 0 }
    expect(mappingProblems(twice, headers).join()).toContain('同时对应')
    expect(mappingProblems({ ...emptyMapping(), subjectName: 5 }, headers).join()).toContain('不在表格中')
  })
})

describe('table from cells', () => {
  it('skips leading and inner empty rows and keeps sheet line numbers', () => {
    const out = tableFromCells([[''], ['主体名称', '网站名称'], ['', ''], ['甲公司', '甲站']])
    expect(out).toMatchObject({ ok: true, table: { headers: ['主体名称', '网站名称'], rows: [{ line: 4 }] } })
  })
  it('skips a title row above the header', () => {
    const out = tableFromCells([
      ['2026 年客户名单', '', ''],
      ['客户名称', '域名', '备注'],
      ['甲公司', 'a.cn', ''],
    ])
    expect(out).toMatchObject({
      ok: true,
      table: { headers: ['客户名称', '域名', '备注'], rows: [{ line: 3 }] },
    })
  })
  it.each([
    [[], 'import/empty'],
    [[['', '']], 'import/empty'],
    [
      [
        ['foo', 'bar'],
        ['1', '2'],
      ],
      'import/no-header',
    ],
    [[['主体名称']], 'import/no-rows'],
    [[['主体名称'], ...Array.from({ length: 5001 }, (_, i) => [`客户${i}`])], 'import/too-many-rows'],
  ])('refuses %#', (cells, code) => {
    const out = tableFromCells(cells)
    expect(out.ok).toBe(false)
    if (!out.ok) {
      expect(out.code).toBe(code)
      expect(out.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})

describe('sheet dates', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026-03-05 00:00:00', '2026-03-05'],
    ['46086', '2026-03-05'],
    ['2026-02-30', null],
    ['next week', null],
  ])('%s → %s', (text, iso) => expect(parseSheetDate(text)).toBe(iso))
})

const HEADERS = [
  '主体名称',
  '主体性质',
  '证件号码',
  '负责人姓名',
  '手机',
  '网站名称',
  '域名',
  '开通日期',
  '交互式',
]

describe('planImport', () => {
  it('groups rows by certificate number into one subject with several sites, with findings', () => {
    const cert = uscc('12345678')
    const t = table(
      HEADERS,
      ['示例科技有限公司', '单位', cert, '张三', '13800000000', '示例官网', 'example.cn', '2026/11/20', '否'],
      ['示例科技有限公司', '', cert, '', '', '示例论坛', 'bbs.example.cn', '', '是'],
    )
    const plan = planImport(EMPTY, t, detectMapping(t.headers), 'all', ctx(), TODAY)
    expect(plan.blockingRows).toBe(0)
    expect(plan.counts).toMatchObject({ newSubjects: 1, newSites: 2, updatedSubjects: 0 })
    expect(plan.rows.map((r) => r.subjectAction)).toEqual(['new', 'same-as-above'])
    expect(plan.workspace.subjects).toHaveLength(1)
    const [subject] = plan.workspace.subjects
    expect(subject).toMatchObject({
      nature: 'organization',
      orgKind: 'enterprise',
      certNumber: cert,
      certType: 'uscc-certificate',
    })
    expect(
      plan.workspace.sites.map((s) => [s.subjectId, s.mainDomain, s.interactive, s.openingDate]),
    ).toEqual([
      [subject?.id, 'example.cn', false, '2026-11-20'],
      [subject?.id, 'bbs.example.cn', true, ''],
    ])
    // The forms' validators ran: the office phone and address are missing.
    expect(plan.rows[0]?.findings.some((f) => f.severity === 'error')).toBe(true)
  })

  it('an individual takes the name and ID number as the principal', () => {
    const id = personId(12)
    const t = table(HEADERS, ['李四', '个人', id, '', '', '李四的博客', 'lisi.cn', '', ''])
    const plan = planImport(EMPTY, t, detectMapping(t.headers), 'all', ctx(), TODAY)
    expect(plan.workspace.subjects[0]).toMatchObject({
      nature: 'individual',
      principal: { name: '李四', idNumber: id },
    })
  })

  it('marks blocking problems: empty name, unknown nature, bad date, bad yes/no, duplicate site', () => {
    const t = table(
      HEADERS,
      ['', '单位', '', '', '', '', '', '', ''],
      ['甲公司', '合伙', '', '', '', '', '', '', ''],
      ['乙公司', '', '', '', '', '站', 'b.cn', '明天', '也许'],
      ['丙公司', '', '', '', '', '站', 'c.cn', '', ''],
      ['丙公司', '', '', '', '', '站二', 'C.CN', '', ''],
    )
    const plan = planImport(EMPTY, t, detectMapping(t.headers), 'all', ctx(), TODAY)
    const problems = plan.rows.map((r) => r.problems.join(' '))
    expect(problems[0]).toContain('主体名称')
    expect(problems[1]).toContain('合伙')
    expect(problems[2]).toContain('明天')
    expect(problems[2]).toContain('也许')
    expect(problems[3]).toBe('')
    expect(problems[4]).toContain('第 5 行')
    expect(plan.blockingRows).toBe(4)
  })

  it('matches an existing subject by certificate number and updates it only when confirmed', () => {
    const cert = uscc('87654321')
    const first = planImport(
      EMPTY,
      table(HEADERS, ['旧名称有限公司', '单位', cert, '王五', '', '官网', 'old.cn', '', '']),
      detectMapping(HEADERS),
      'all',
      ctx(),
      TODAY,
    ).workspace
    const existing = first.subjects[0]
    if (!existing) throw new Error('no subject')
    const t = table(HEADERS, [
      '新名称有限公司',
      '',
      ` ${cert.toLowerCase()} `,
      '',
      '13900000000',
      '新站',
      'new.cn',
      '',
      '',
    ])

    const skipped = planImport(first, t, detectMapping(HEADERS), new Set(), ctx(), TODAY)
    expect(skipped.rows[0]).toMatchObject({
      subjectAction: 'skip',
      siteAction: 'skip',
      matchedSubjectId: existing.id,
    })
    expect(skipped.matches).toEqual([
      { subjectId: existing.id, name: '旧名称有限公司', certNumber: cert, lines: [2] },
    ])
    expect(skipped.workspace.subjects).toEqual(first.subjects)
    expect(skipped.workspace.sites).toEqual(first.sites)

    const updated = planImport(first, t, detectMapping(HEADERS), new Set([existing.id]), ctx(), TODAY)
    expect(updated.counts).toMatchObject({ updatedSubjects: 1, newSubjects: 0, newSites: 1 })
    expect(updated.workspace.subjects).toHaveLength(1)
    expect(updated.workspace.subjects[0]).toMatchObject({
      id: existing.id,
      name: '新名称有限公司',
      createdAt: existing.createdAt,
      principal: { name: '王五', mobile: '13900000000' },
    })
    expect(updated.workspace.sites.map((s) => s.mainDomain)).toEqual(['old.cn', 'new.cn'])
  })

  it('updates an existing site of a confirmed subject when the domain is the same', () => {
    const cert = uscc('11223344')
    const first = planImport(
      EMPTY,
      table(HEADERS, ['甲有限公司', '', cert, '', '', '官网', 'a.cn', '', '否']),
      detectMapping(HEADERS),
      'all',
      ctx(),
      TODAY,
    ).workspace
    const id = first.subjects[0]?.id ?? ''
    const again = planImport(
      first,
      table(HEADERS, ['甲有限公司', '', cert, '', '', '官网', 'https://A.cn/', '2026-10-01', '是']),
      detectMapping(HEADERS),
      new Set([id]),
      ctx(),
      TODAY,
    )
    expect(again.rows[0]?.siteAction).toBe('update')
    expect(again.workspace.sites).toHaveLength(1)
    expect(again.workspace.sites[0]).toMatchObject({
      id: first.sites[0]?.id,
      interactive: true,
      openingDate: '2026-10-01',
    })
  })

  it('notes a new subject named like an existing one', () => {
    const first = planImport(
      EMPTY,
      table(HEADERS, ['丁有限公司', '', '', '', '', '', '', '', '']),
      detectMapping(HEADERS),
      'all',
      ctx(),
      TODAY,
    ).workspace
    const plan = planImport(
      first,
      table(HEADERS, ['丁有限公司', '', '', '', '', '', '', '', '']),
      detectMapping(HEADERS),
      'all',
      ctx(),
      TODAY,
    )
    expect(plan.rows[0]?.notes.join()).toContain('同名')
    expect(plan.workspace.subjects).toHaveLength(2)
  })
})
