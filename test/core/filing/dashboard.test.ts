import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../../../core/filing/calendar'
import { PACKAGE_SCHEDULES } from '../../../core/filing/chinese-days-data'
import {
  buildRows,
  countByStage,
  filterRows,
  matchesQuery,
  sortByUrgency,
  todayList,
  type ReadinessOf,
} from '../../../core/filing/dashboard'
import type { Workspace } from '../../../core/model'
import { materialReadiness, siteFindings } from '../../../core/packet/readiness'
import {
  makeIndividual,
  makeMaterial,
  makePerson,
  makeSite,
  syntheticResidentId,
} from '../../support/factories'
import { play, SITE_PATHS, TODAY } from './fixtures'

const cal = buildCalendar(PACKAGE_SCHEDULES)
const stub: ReadinessOf = () => ({ materialsReady: 1, materialsTotal: 4, errors: 2, warnings: 0 })

function agency() {
  const a = makeIndividual({
    principal: makePerson({ name: '赵一', idNumber: syntheticResidentId('19850101', '301') }),
  })
  a.name = '赵一'
  const b = makeIndividual({
    principal: makePerson({ name: '钱二', idNumber: syntheticResidentId('19920202', '402') }),
  })
  b.name = '钱二'
  const sites = [
    makeSite(a.id, {
      name: '赵氏茶叶',
      mainDomain: 'zhao-tea.cn',
      icpNumber: '京ICP备20000001号-1',
      openingDate: '2026-11-30',
    }),
    makeSite(a.id, {
      name: '赵氏论坛',
      mainDomain: 'zhao-bbs.cn',
      openingDate: '2025-01-01',
      interactive: true,
    }),
    makeSite(b.id, { name: '钱记', mainDomain: 'qian.com.cn', openingDate: '2026-11-01', interactive: true }),
    makeSite(b.id, {
      name: '钱记商城',
      hasOwnDomain: false,
      mainDomain: '',
      homeUrl: 'http://47.95.1.10/shop',
      openingDate: '',
    }),
  ]
  let ws: Workspace = { subjects: [a, b], sites, materials: [] }
  ws = play(ws, { ownerKind: 'site', ownerId: sites[2]!.id }, SITE_PATHS.badged)
  ws = play(ws, { ownerKind: 'site', ownerId: sites[1]!.id }, SITE_PATHS.returned)
  const ids = {
    a: a.id,
    b: b.id,
    tea: sites[0]!.id,
    bbs: sites[1]!.id,
    qian: sites[2]!.id,
    shop: sites[3]!.id,
  }
  return { ws, ids }
}

describe('buildRows', () => {
  const { ws, ids } = agency()
  const rows = buildRows(ws, TODAY, cal, stub)
  const row = (id: string) => rows.find((r) => r.siteId === id)!

  it('one row per site with its client, stage, next deadline and last event', () => {
    expect(rows).toHaveLength(4)
    expect(row(ids.tea)).toMatchObject({
      client: '赵一',
      stage: 'preparing',
      stageLabel: '准备中',
      urgency: 'later',
    })
    expect(row(ids.tea).next).toMatchObject({ kind: 'file-by', date: '2026-12-30', daysLeft: 23 })
    expect(row(ids.tea).readiness).toEqual({ materialsReady: 1, materialsTotal: 4, errors: 2, warnings: 0 })
    expect(row(ids.bbs)).toMatchObject({ stage: 'returned', urgency: 'overdue' })
    expect(row(ids.bbs).lastEventLabel).toBe('2026-11-04 退回')
    expect(row(ids.qian)).toMatchObject({ stage: 'badged', next: null, urgency: 'none' })
    expect(row(ids.qian).filingNumber).toMatch(/^110105/)
    expect(row(ids.shop)).toMatchObject({ domain: 'http://47.95.1.10/shop', next: null })
  })

  it('skips sites whose subject is gone', () => {
    expect(
      buildRows({ ...ws, subjects: ws.subjects.slice(1) }, TODAY, cal, stub).map((r) => r.client),
    ).toEqual(['钱二', '钱二'])
  })

  it('counts materials and findings as core/packet does, for every site', () => {
    const tea = ws.sites.find((s) => s.id === ids.tea)!
    const zhao = ws.subjects.find((s) => s.id === ids.a)!
    // A shared phone between two subjects adds a cross-record warning.
    const shared = {
      ...ws.subjects[1]!,
      principal: { ...ws.subjects[1]!.principal, mobile: zhao.principal.mobile },
    }
    const withMore: Workspace = {
      ...ws,
      subjects: [ws.subjects[0]!, shared],
      sites: [
        ...ws.sites,
        makeSite(ids.a, { name: '', mainDomain: 'bad domain', openingDate: '2030-01-01' }),
      ],
      materials: [
        makeMaterial('site', tea.id, 'domain-certificate'),
        makeMaterial('subject', ids.a, 'principal-id-front'),
      ],
    }
    for (const r of buildRows(withMore, TODAY, cal)) {
      const site = withMore.sites.find((s) => s.id === r.siteId)!
      const subject = withMore.subjects.find((s) => s.id === r.subjectId)!
      const findings = siteFindings(withMore, r.siteId, TODAY)
      const m = materialReadiness(subject, site, withMore.materials)
      expect([r.readiness?.materialsReady, r.readiness?.materialsTotal]).toEqual([m.ready, m.total])
      expect([r.readiness?.errors, r.readiness?.warnings]).toEqual([
        findings.filter((f) => f.severity === 'error').length,
        findings.filter((f) => f.severity !== 'error').length,
      ])
    }
    expect(siteFindings(withMore, ids.qian, TODAY).some((f) => f.code === 'workspace.shared-contact')).toBe(
      true,
    )
    const teaRow = buildRows(withMore, TODAY, cal).find((r) => r.siteId === ids.tea)!
    expect(teaRow.readiness?.materialsReady).toBe(2)
    expect(buildRows(withMore, TODAY, cal).some((r) => (r.readiness?.errors ?? 0) > 0)).toBe(true)
    expect(buildRows(withMore, TODAY, cal, null).every((r) => r.readiness === null)).toBe(true)
  })
})

describe('search, filters, order', () => {
  const { ws, ids } = agency()
  const rows = buildRows(ws, TODAY, cal, stub)
  const names = (list: { site: string }[]) => list.map((r) => r.site).sort()

  it.each([
    ['赵一', ['赵氏茶叶', '赵氏论坛']],
    ['ZHAO-TEA', ['赵氏茶叶']],
    ['20000001', ['赵氏茶叶']],
    ['47.95.1.10', ['钱记商城']],
    ['商城', ['钱记商城']],
    ['  ', ['赵氏茶叶', '赵氏论坛', '钱记', '钱记商城']],
  ])('query %j', (q, expected) => {
    expect(names(filterRows(rows, { query: q }))).toEqual(expected)
  })

  it('finds a site by its 公安备案号', () => {
    const qian = rows.find((r) => r.siteId === ids.qian)!
    expect(names(filterRows(rows, { query: qian.filingNumber }))).toEqual(['钱记'])
  })

  it('matches the last 4 digits of an ID number, not any 4 in the middle', () => {
    const id = syntheticResidentId('19920202', '402')
    const tail = id.slice(-4)
    expect(names(filterRows(rows, { query: tail }))).toEqual(['钱记', '钱记商城'])
    expect(names(filterRows(rows, { query: id.slice(6, 10) }))).toEqual([])
    expect(matchesQuery(rows[0]!, id.slice(-3))).toBe(false)
  })

  it('filters by stage, client and due', () => {
    expect(names(filterRows(rows, { stages: ['returned', 'badged'] }))).toEqual(['赵氏论坛', '钱记'])
    expect(names(filterRows(rows, { subjectIds: [ids.b] }))).toEqual(['钱记', '钱记商城'])
    expect(names(filterRows(rows, { due: 'overdue' }))).toEqual(['赵氏论坛'])
    expect(names(filterRows(rows, { due: 'week' }))).toEqual(['赵氏论坛'])
    expect(names(filterRows(rows, { due: 'week', subjectIds: [ids.b] }))).toEqual([])
  })

  it('sorts the most urgent first and sites without a deadline last', () => {
    expect(sortByUrgency(rows).map((r) => r.site)).toEqual(['赵氏论坛', '赵氏茶叶', '钱记', '钱记商城'])
  })

  it('counts per stage', () => {
    expect(countByStage(rows)).toMatchObject({ preparing: 2, returned: 1, badged: 1, filed: 0, cancelled: 0 })
  })

  it('the today list holds what is due or overdue', () => {
    expect(todayList(rows).map((i) => i.row.site)).toEqual(['赵氏论坛'])
    expect(todayList(rows, 30).map((i) => i.row.site)).toEqual(['赵氏论坛', '赵氏茶叶'])
  })
})
