import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientImportFile } from '../../../core/api'
import { handlersFor } from '../../../electron/main/ipc/index'
import type { TableDialogs } from '../../../electron/main/ipc/client-import'
import type { Handlers } from '../../../electron/main/ipc/types'
import { decodeCsvBytes } from '../../../electron/main/services/client-import-read'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createServices } from '../../../electron/main/services/container'
import type { OpenedStore, StoreBackend } from '../../../electron/main/services/store'
import { generateResidentId, generateUscc } from '../../../core/validation'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const opened: OpenedStore[] = []
afterEach(() => {
  for (const s of opened.splice(0)) s.close()
})

/** GBK bytes for a string, from the decoder's own table (Node's TextEncoder writes only UTF-8). */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>()
  const decoder = new TextDecoder('gbk')
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([hi, lo]))
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo])
    }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x80) out.push(code)
    else {
      const bytes = table.get(ch)
      if (!bytes) throw new Error(`no GBK code for ${ch}`)
      out.push(...bytes)
    }
  }
  return new Uint8Array(out)
}

type Picks = { file: string | null; target: string | null }
function setup(dir = tempDir()) {
  const store = openConfStore(dir)
  opened.push(store)
  const picks: Picks = { file: null, target: null }
  const tableDialogs: TableDialogs = {
    pickTableFile: async () => picks.file,
    pickTableTarget: async () => picks.target,
  }
  const services = createServices(dir, store, 'assets/divisions')
  const dialogs = { pickImages: async () => [], pickExportTarget: async () => null }
  const handlers = handlersFor(services, { dialogs, openExternal: async () => false, tableDialogs })
  return { dir, store, picks, handlers, services }
}

const ctx = { emit: () => undefined }
const call = async <C extends keyof Handlers>(h: Handlers, c: C, req: Parameters<Handlers[C]>[0]) =>
  (await (h[c] as (r: typeof req, x: typeof ctx) => unknown)(req, ctx)) as Awaited<ReturnType<Handlers[C]>>

const CERT_A = generateUscc({ orgBody: '12345678' })
const CERT_B = generateUscc({ orgBody: '23456789' })
const PERSON = generateResidentId({ prefix: '110105', birth: '1990-01-02', seq: 17 })
const HEADER = '客户名称,主体性质,统一社会信用代码,法定代表人,手机号码,网站名称,域名,开通时间,是否交互式'
const LINES = [
  `示例科技有限公司,单位,${CERT_A},张三,13800000000,示例官网,example.cn,2026/11/20,否`,
  `示例科技有限公司,单位,${CERT_A},张三,13800000000,示例论坛,bbs.example.cn,2026/11/21,是`,
  `样例网络有限公司,单位,${CERT_B},李四,13900000000,样例商城,shop.example.com,2026-10-01,否`,
  `王五,个人,${PERSON},,13700000000,王五的博客,wangwu.cn,,否`,
]

async function openFile(
  s: ReturnType<typeof setup>,
  name: string,
  bytes: Uint8Array | string,
): Promise<ClientImportFile> {
  const path = join(s.dir, name)
  writeFileSync(path, bytes)
  s.picks.file = path
  const file = await call(s.handlers, 'clientImport:open', undefined)
  if (!file) throw new Error('cancelled')
  return file
}

describe('client import from files', () => {
  it('reads UTF-8 with BOM, previews with findings and commits in one write that survives a restart', async () => {
    const s = setup()
    const file = await openFile(s, '客户.csv', '\uFEFF' + [HEADER, ...LINES].join('\r\n') + '\r\n')
    expect(file).toMatchObject({ encoding: 'utf-8-bom', rowCount: 4, headers: HEADER.split(',') })
    expect(file.mapping).toMatchObject({
      subjectName: 0,
      nature: 1,
      certNumber: 2,
      principalName: 3,
      domain: 6,
    })
    const preview = await call(s.handlers, 'clientImport:preview', {
      token: file.token,
      mapping: file.mapping,
    })
    expect(preview.counts).toEqual({
      newSubjects: 3,
      updatedSubjects: 0,
      newSites: 4,
      updatedSites: 0,
      skippedRows: 0,
    })
    expect(preview.rows.every((r) => r.findings.length > 0)).toBe(true)
    const summary = await call(s.handlers, 'clientImport:commit', {
      token: file.token,
      mapping: file.mapping,
      confirmedSubjectIds: [],
    })
    expect(summary.newSites).toBe(4)
    s.store.close()
    opened.length = 0
    const again = setup(s.dir)
    const ws = await call(again.handlers, 'workspace:load', undefined)
    expect(ws.subjects.map((x) => x.name).sort()).toEqual(
      ['王五', '样例网络有限公司', '示例科技有限公司'].sort(),
    )
    expect(ws.sites.find((x) => x.mainDomain === 'bbs.example.cn')).toMatchObject({
      interactive: true,
      openingDate: '2026-11-21',
    })
    expect(ws.subjects.find((x) => x.name === '王五')).toMatchObject({
      nature: 'individual',
      certNumber: PERSON,
    })
  })

  it('reads GBK (GB18030) bytes as Excel on Chinese Windows saves them, and plain UTF-8', async () => {
    const s = setup()
    const gbkFile = await openFile(s, 'gbk.csv', gbk([HEADER, ...LINES].join('\r\n')))
    expect(gbkFile.encoding).toBe('gb18030')
    expect(gbkFile.headers[0]).toBe('客户名称')
    expect(gbkFile.sample[0]?.[0]).toBe('示例科技有限公司')
    const utf8 = await openFile(s, 'utf8.csv', [HEADER, ...LINES].join('\n'))
    expect(utf8.encoding).toBe('utf-8')
    expect(utf8.sample).toEqual(gbkFile.sample)
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x2f, 0x4e])).text).toBe('丯')
  })

  it('reads the first sheet of an XLSX with dates, numbers and rich text', async () => {
    const s = setup()
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('客户')
    sheet.addRow(HEADER.split(','))
    sheet.addRow([
      '示例科技有限公司',
      '单位',
      CERT_A,
      { richText: [{ text: '张' }, { text: '三' }] },
      13800000000,
      '示例官网',
      'example.cn',
      new Date(Date.UTC(2026, 10, 20)),
      '否',
    ])
    const file = await openFile(s, '客户.xlsx', new Uint8Array(await book.xlsx.writeBuffer()))
    expect(file.encoding).toBe('xlsx')
    expect(file.sample[0]).toEqual([
      '示例科技有限公司',
      '单位',
      CERT_A,
      '张三',
      '13800000000',
      '示例官网',
      'example.cn',
      '2026-11-20',
      '否',
    ])
  })

  it('a refused import (a row to fix) changes nothing on disk', async () => {
    const s = setup()
    const first = await openFile(s, 'ok.csv', [HEADER, LINES[0]].join('\n'))
    await call(s.handlers, 'clientImport:commit', {
      token: first.token,
      mapping: first.mapping,
      confirmedSubjectIds: [],
    })
    const before = readFileSync(join(s.dir, 'config.json'))
    const bad = await openFile(
      s,
      'bad.csv',
      [HEADER, LINES[2], `坏行公司,单位,,,,站,bad.cn,明年,否`].join('\n'),
    )
    const preview = await call(s.handlers, 'clientImport:preview', { token: bad.token, mapping: bad.mapping })
    expect(preview.blockingRows).toBe(1)
    await expect(
      call(s.handlers, 'clientImport:commit', {
        token: bad.token,
        mapping: bad.mapping,
        confirmedSubjectIds: [],
      }),
    ).rejects.toMatchObject({ code: 'import/blocking-rows', details: [expect.stringContaining('第 3 行')] })
    expect(readFileSync(join(s.dir, 'config.json'))).toEqual(before)
  })

  it('a failed store write leaves the workspace as it was', async () => {
    const dir = tempDir()
    const real = openConfStore(dir)
    opened.push(real)
    let failing = false
    const backend: StoreBackend = {
      path: real.path,
      get store() {
        return real.store
      },
      set store(value) {
        if (failing) throw new Error('disk full')
        real.store = value
      },
    }
    const services = createServices(dir, backend, 'assets/divisions')
    const file = await services.clientImport.open(join(dir, 'x.csv')).catch(() => null)
    expect(file).toBeNull()
    writeFileSync(join(dir, 'x.csv'), [HEADER, ...LINES].join('\n'))
    const ok = await services.clientImport.open(join(dir, 'x.csv'))
    failing = true
    expect(() => services.clientImport.commit(ok.token, ok.mapping, [])).toThrow('disk full')
    expect(services.repo.workspace().subjects).toEqual([])
    expect(services.clientImport.preview(ok.token, ok.mapping).counts.newSubjects).toBe(3)
  })

  it('updates an existing subject (same certificate number) only when confirmed', async () => {
    const s = setup()
    const first = await openFile(s, 'a.csv', [HEADER, LINES[0]].join('\n'))
    await call(s.handlers, 'clientImport:commit', {
      token: first.token,
      mapping: first.mapping,
      confirmedSubjectIds: [],
    })
    const existing = s.services.repo.workspace().subjects[0]
    const changed = `示例科技有限公司,单位,${CERT_A},张三丰,13800000001,新站,new.example.cn,,否`
    const next = await openFile(s, 'b.csv', [HEADER, changed].join('\n'))
    const preview = await call(s.handlers, 'clientImport:preview', {
      token: next.token,
      mapping: next.mapping,
    })
    expect(preview.matches).toEqual([
      { subjectId: existing?.id, name: '示例科技有限公司', certNumber: CERT_A, lines: [2] },
    ])
    const skipped = await call(s.handlers, 'clientImport:commit', {
      token: next.token,
      mapping: next.mapping,
      confirmedSubjectIds: [],
    })
    expect(skipped).toMatchObject({ skippedRows: 1, updatedSubjects: 0, newSites: 0 })
    expect(s.services.repo.workspace().subjects[0]?.principal.name).toBe('张三')
    const again = await openFile(s, 'b.csv', [HEADER, changed].join('\n'))
    await call(s.handlers, 'clientImport:commit', {
      token: again.token,
      mapping: again.mapping,
      confirmedSubjectIds: [existing?.id ?? ''],
    })
    const ws = s.services.repo.workspace()
    expect(ws.subjects).toHaveLength(1)
    expect(ws.subjects[0]?.principal).toMatchObject({ name: '张三丰', mobile: '13800000001' })
    expect(ws.sites.map((x) => x.mainDomain)).toEqual(['example.cn', 'new.example.cn'])
  })

  it.each([
    ['empty.csv', '', 'import/empty'],
    ['blank.csv', '\uFEFF\r\n,,\r\n', 'import/empty'],
    ['header.csv', HEADER, 'import/no-rows'],
    ['noheader.csv', 'a,b\n1,2', 'import/no-header'],
    ['old.xls', 'x', 'import/old-format'],
    ['notes.docx', 'x', 'import/unsupported'],
    ['garbage.csv', new Uint8Array([0x81, 0x20, 0x81, 0x20]), 'import/unknown-encoding'],
    ['broken.xlsx', 'not a zip', 'import/bad-xlsx'],
  ])('refuses %s with a Chinese message', async (name, bytes, code) => {
    const s = setup()
    const path = join(s.dir, name)
    writeFileSync(path, bytes)
    s.picks.file = path
    await expect(call(s.handlers, 'clientImport:open', undefined)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    })
  })

  it('refuses a file over 10 MB before reading it', async () => {
    const s = setup()
    const path = join(s.dir, 'big.csv')
    writeFileSync(path, HEADER)
    truncateSync(path, 10 * 1024 * 1024 + 1)
    s.picks.file = path
    await expect(call(s.handlers, 'clientImport:open', undefined)).rejects.toMatchObject({
      code: 'import/too-large',
    })
  })

  it('answers null when the dialog is cancelled, and an expired token is refused', async () => {
    const s = setup()
    expect(await call(s.handlers, 'clientImport:open', undefined)).toBeNull()
    const file = await openFile(s, 'a.csv', [HEADER, LINES[0]].join('\n'))
    expect(() => s.services.clientImport.preview('nope', file.mapping)).toThrow('失效')
  })
})

describe('without table dialogs (the loopback test bridge)', () => {
  it('refuses the channels that need a dialog with a Chinese message', async () => {
    const dir = tempDir()
    const store = openConfStore(dir)
    opened.push(store)
    const dialogs = { pickImages: async () => [], pickExportTarget: async () => null }
    const handlers = handlersFor(createServices(dir, store, 'assets/divisions'), {
      dialogs,
      openExternal: async () => false,
    })
    await expect(call(handlers, 'clientImport:open', undefined)).rejects.toMatchObject({
      code: 'dialog/unavailable',
    })
    await expect(call(handlers, 'dashboard:export', { format: 'csv', siteIds: [] })).rejects.toMatchObject({
      message: expect.stringContaining('对话框'),
    })
  })
})

describe('template and dashboard export', () => {
  it('writes a CSV template with BOM that maps every column, and an XLSX one', async () => {
    const s = setup()
    s.picks.target = join(s.dir, '模板')
    const csvPath = await call(s.handlers, 'clientImport:template', { format: 'csv' })
    expect(csvPath).toBe(join(s.dir, '模板.csv'))
    const bytes = readFileSync(csvPath ?? '')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    s.picks.target = join(s.dir, '模板.xlsx')
    const xlsxPath = await call(s.handlers, 'clientImport:template', { format: 'xlsx' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsxPath ?? '')
    expect(book.worksheets[0]?.getRow(1).getCell(1).value).toBe('主体名称')
    // A filled-in template imports.
    writeFileSync(join(s.dir, 'filled.csv'), `${bytes.toString('utf8')}示例科技有限公司,单位,${CERT_A}\r\n`)
    s.picks.file = join(s.dir, 'filled.csv')
    const file = await call(s.handlers, 'clientImport:open', undefined)
    expect(Object.values(file?.mapping ?? {}).every((i) => i >= 0)).toBe(true)
  })

  it('exports the given dashboard rows in their order as CSV (BOM) and XLSX', async () => {
    const s = setup()
    const file = await openFile(s, 'a.csv', [HEADER, ...LINES].join('\n'))
    await call(s.handlers, 'clientImport:commit', {
      token: file.token,
      mapping: file.mapping,
      confirmedSubjectIds: [],
    })
    const sites = s.services.repo.workspace().sites
    const order = [sites[2]?.id ?? '', sites[0]?.id ?? '']
    s.picks.target = join(s.dir, 'out.csv')
    const path = await call(s.handlers, 'dashboard:export', { format: 'csv', siteIds: order })
    const text = readFileSync(path ?? '', 'utf8')
    expect(text.startsWith('\uFEFF客户,网站,域名')).toBe(true)
    const lines = text.trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('shop.example.com')
    expect(lines[2]).toContain('example.cn')
    s.picks.target = join(s.dir, 'out')
    const xlsx = await call(s.handlers, 'dashboard:export', { format: 'xlsx', siteIds: order })
    expect(xlsx).toBe(join(s.dir, 'out.xlsx'))
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsx ?? '')
    expect(book.worksheets[0]?.rowCount).toBe(3)
    s.picks.target = null
    expect(await call(s.handlers, 'dashboard:export', { format: 'csv', siteIds: order })).toBeNull()
  })
})
