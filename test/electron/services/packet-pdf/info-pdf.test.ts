import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { Person, Subject } from '../../../../core/model'
import { portalFields } from '../../../../core/packet/portal-fields'
import { generateUscc } from '../../../../core/validation'
import {
  buildInfoPdf,
  type ChecklistItem,
  type InfoPdfInput,
} from '../../../../electron/main/services/packet-pdf/info-pdf'
import { makePerson, makeSite, syntheticResidentId } from '../../../support/factories'
import { ink, pdfInfo, pdfText, renderPage, squash, type Gray } from './render'

const LONG_DETAIL =
  '中关村大街 27 号中关村大厦 8 层 801 室（东侧电梯上楼右转第三间，前台登记后进入，快递请放一楼收发室）'

function organization(principal: Person): Subject {
  return {
    id: 'org1',
    nature: 'organization',
    orgKind: 'enterprise',
    name: '北京星河数码科技有限公司',
    certType: 'uscc-certificate',
    certNumber: generateUscc({ orgBody: '73829105' }),
    investor: '星河控股集团有限公司',
    officeAddress: {
      divisionCodes: ['110000', '110100', '110108'],
      divisionNames: ['北京市', '市辖区', '海淀区'],
      detail: LONG_DETAIL,
    },
    officePhone: '010-62345678',
    principal,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
  }
}

const principal = makePerson({
  name: '王建国',
  idNumber: syntheticResidentId('19751203', '456'),
  idExpiry: 'long-term',
  officePhone: '010-62345679',
})
const officer = makePerson({
  name: '赵敏',
  idNumber: syntheticResidentId('19880214', '028'),
  mobile: '13800138000',
  email: 'zhaomin@example.com',
})
const subject = organization(principal)
const site = makeSite(subject.id, {
  name: '星河数码官网',
  extraDomains: ['www.xinghe-digital.cn', '星河数码.中国'],
  serverIps: ['47.95.1.10', '2408:4000::1'],
  interactive: true,
  serviceTypes: ['www', '论坛BBS'],
  preApprovals: ['新闻'],
  securityOfficer: { sameAsPrincipal: false, person: officer },
})
const steps = portalFields(subject, site)

const jpeg = async (w: number, h: number, colour: string): Promise<Uint8Array> =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: colour } })
      .jpeg()
      .toBuffer(),
  )

async function materials(withThumbs: boolean): Promise<ChecklistItem[]> {
  const thumb = withThumbs ? await jpeg(300, 190, '#1d3557') : undefined
  return [
    {
      label: '单位证件',
      state: 'ready',
      notes: [],
      fileName: '1_开办主体/01_单位证件.jpg',
      thumbnail: thumb,
    },
    {
      label: '主体负责人身份证正面',
      state: 'advisory',
      notes: ['图片偏暗，请确认文字清晰。'],
      fileName: '1_开办主体/02_主体负责人身份证正面.jpg',
      thumbnail: thumb,
    },
    {
      label: '主体负责人身份证反面',
      state: 'blocked',
      notes: ['图片太小，门户无法辨认。'],
      thumbnail: thumb,
    },
    { label: '主体负责人手持身份证照', state: 'missing', notes: [] },
  ]
}

const input = async (over: Partial<InfoPdfInput> = {}): Promise<InfoPdfInput> => ({
  siteName: site.name,
  date: '2026-12-07',
  now: new Date('2026-12-07T08:00:00Z'),
  draft: false,
  steps,
  materials: await materials(true),
  findings: [
    { severity: 'warning', text: '网站：开通已超过 30 日，请尽快提交。' },
    { severity: 'error', text: '开办主体：办公电话格式不对，请写成“区号-号码”。' },
  ],
  ...over,
})

const pages = (pdf: Uint8Array): Gray[] =>
  [...Array(pdfInfo(pdf).pages).keys()].map((i) => renderPage(pdf, i + 1))
const CENTRE = { x0: 0.3, y0: 0.35, x1: 0.7, y1: 0.65 }

describe('buildInfoPdf', () => {
  it('is A4 with searchable text: every field value, page numbers and the date on every page', async () => {
    const pdf = await buildInfoPdf(await input())
    const info = pdfInfo(pdf)
    expect(info.pageSize).toMatch(/^595\.28 x 841\.89 pts/)
    expect(info.pages).toBeGreaterThanOrEqual(2)
    const text = squash(pdfText(pdf))
    for (const field of steps.flatMap((s) => s.fields)) {
      expect(text, `${field.label}`).toContain(squash(field.value))
      expect(text).toContain(squash(field.label))
    }
    for (const value of [
      principal.idNumber,
      officer.idNumber,
      subject.certNumber,
      LONG_DETAIL,
      '2408:4000::1',
      '星河数码.中国',
    ]) {
      expect(text).toContain(squash(value))
    }
    for (let p = 1; p <= info.pages; p++) {
      const pageText = squash(pdfText(pdf, p))
      expect(pageText).toContain(`第${p}/${info.pages}页`)
      expect(pageText).toContain('生成于2026-12-07')
    }
    expect(text).not.toContain('草稿')
    for (const page of pages(pdf)) expect(page.warnings).toBe('')
  })

  it('wraps long values inside the right margin', async () => {
    const pdf = await buildInfoPdf(await input())
    for (const page of pages(pdf)) {
      expect(ink(page)).toBeGreaterThan(0.002)
      expect(ink(page, { x0: (595.28 - 46) / 595.28, y0: 0, x1: 1, y1: 1 })).toBe(0)
      expect(ink(page, { x0: 0, y0: 0, x1: 46 / 595.28, y1: 1 })).toBe(0)
    }
  })

  it('lists the materials as a checklist with their state, file and notes, and the open findings, errors first', async () => {
    const text = pdfText(await buildInfoPdf(await input()))
    expect(squash(text)).toContain('所需材料（已就绪2/4）')
    for (const s of [
      '已就绪',
      '已就绪（有提醒）',
      '不能使用',
      '缺少',
      '文件：1_开办主体/01_单位证件.jpg',
      '图片太小，门户无法辨认。',
      '未导入',
    ]) {
      expect(text).toContain(s)
    }
    const errorAt = text.indexOf('【须改正】开办主体：办公电话')
    const warningAt = text.indexOf('【提醒】网站：开通已超过')
    expect(errorAt).toBeGreaterThan(0)
    expect(warningAt).toBeGreaterThan(errorAt)
    expect(squash(pdfText(await buildInfoPdf(await input({ findings: [] }))))).toContain(
      '待处理的问题（0）没有待处理的问题。',
    )
  })

  it('draws the thumbnails where the checklist places them', async () => {
    const checklistOnly = { steps: [], findings: [] }
    const withThumbs = renderPage(
      await buildInfoPdf(await input({ ...checklistOnly, materials: await materials(true) })),
      1,
    )
    const without = renderPage(
      await buildInfoPdf(await input({ ...checklistOnly, materials: await materials(false) })),
      1,
    )
    // Thumbnail column: 22–106 pt from the left margin (50 pt).
    const column = { x0: 74 / 595.28, y0: 0.1, x1: 154 / 595.28, y1: 0.7 }
    expect(ink(withThumbs, column)).toBeGreaterThan(ink(without, column) + 0.2)
    // The label column is the same in both.
    const labels = { x0: 170 / 595.28, y0: 0.1, x1: 0.9, y1: 0.7 }
    expect(Math.abs(ink(withThumbs, labels) - ink(without, labels))).toBeLessThan(0.002)
  })

  it('puts a 草稿 mark across the centre of every page when forced, and only then', async () => {
    const plain = await buildInfoPdf(await input())
    const draft = await buildInfoPdf(await input({ draft: true }))
    const [a, b] = [pages(plain), pages(draft)]
    expect(b.length).toBe(a.length)
    b.forEach((page, i) => {
      const before = a[i] as Gray
      expect(ink(page, CENTRE)).toBeGreaterThan(ink(before, CENTRE) + 0.02)
    })
    const text = pdfText(draft)
    expect(text).toContain('草稿：还有未补齐或未改正的项目')
    for (let p = 1; p <= b.length; p++) expect(pdfText(draft, p)).toContain('草稿')
  })

  it('centres the mark: on a page without content only the middle changes', async () => {
    const empty = { steps: [], materials: [], findings: [] }
    const plain = renderPage(await buildInfoPdf(await input(empty)), 1)
    const draft = renderPage(await buildInfoPdf(await input({ ...empty, draft: true })), 1)
    expect(ink(draft, CENTRE) - ink(plain, CENTRE)).toBeGreaterThan(0.025)
    // Below the header and above the footer, away from the centre: unchanged.
    for (const band of [
      { x0: 0, y0: 0.29, x1: 1, y1: 0.33 },
      { x0: 0, y0: 0.68, x1: 1, y1: 0.9 },
      { x0: 0, y0: 0.35, x1: 0.15, y1: 0.65 },
      { x0: 0.85, y0: 0.35, x1: 1, y1: 0.65 },
    ]) {
      expect(Math.abs(ink(draft, band) - ink(plain, band))).toBeLessThan(0.001)
    }
  })

  it('flows onto more pages as the content grows, with a footer on each', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      severity: 'warning' as const,
      text: `网站：第 ${i + 1} 条提醒，${LONG_DETAIL}`,
    }))
    const pdf = await buildInfoPdf(await input({ findings: many }))
    const count = pdfInfo(pdf).pages
    expect(count).toBeGreaterThan(pdfInfo(await buildInfoPdf(await input())).pages)
    expect(squash(pdfText(pdf, count))).toContain(`第${count}/${count}页`)
    expect(squash(pdfText(pdf))).toContain(squash(`第 30 条提醒，${LONG_DETAIL}`))
  })
})
