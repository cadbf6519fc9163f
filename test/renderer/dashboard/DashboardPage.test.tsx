import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FilingEvent } from '../../../core/filing/events'
import type { Workspace } from '../../../core/model'
import { localToday } from '../../../core/packet/readiness'
import { addDays } from '../../../core/validation/dates'
import { setErrorPresenter } from '../../../renderer/src/api'
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage'
import { useWorkspaceStore } from '../../../renderer/src/features/workspace/store'
import { makeIndividual, makePerson, makeSite, syntheticResidentId } from '../../support/factories'
import { installBridge } from '../support/bridge'

const today = localToday()
const idNumber = syntheticResidentId('19880808', '517')
const zhao = makeIndividual({ name: '赵一', principal: makePerson({ name: '赵一', idNumber }) })
const qian = makeIndividual({
  name: '钱二',
  principal: makePerson({ name: '钱二', idNumber: syntheticResidentId('19770707', '228') }),
})
const late = makeSite(zhao.id, {
  name: '赵氏论坛',
  mainDomain: 'zhao-bbs.cn',
  openingDate: addDays(today, -45),
})
const fresh = makeSite(zhao.id, {
  name: '赵氏茶叶',
  mainDomain: 'zhao-tea.cn',
  openingDate: addDays(today, -1),
})
const done = makeSite(qian.id, { name: '钱记', mainDomain: 'qian.cn', openingDate: addDays(today, -90) })
const ev = (
  siteId: string,
  kind: FilingEvent['kind'],
  date: string,
  over: Partial<FilingEvent> = {},
): FilingEvent => ({
  id: `${siteId}-${kind}`,
  ownerKind: 'site',
  ownerId: siteId,
  kind,
  date,
  note: '',
  operator: '',
  recordedAt: `${date}T00:00:00Z`,
  ...over,
})
const ws: Workspace = {
  subjects: [zhao, qian],
  sites: [late, fresh, done],
  materials: [],
  filingEvents: [
    ev(done.id, 'submitted', addDays(today, -60)),
    ev(done.id, 'filed', addDays(today, -50), {
      approval: { filingNumber: '11010502000001', policeUnit: '朝阳分局' },
    }),
    ev(done.id, 'badged', addDays(today, -40)),
  ],
}

beforeEach(() => {
  setErrorPresenter(() => undefined)
  installBridge((c) =>
    c === 'settings:get' ? { ok: true, value: { language: 'zh-CN', lastExportDir: '' } } : undefined,
  )
  useWorkspaceStore.setState({ workspace: ws, selection: { kind: 'dashboard' } })
})
afterEach(() => {
  cleanup()
  delete window.beian
})

const view = () =>
  render(
    <AntApp>
      <DashboardPage workspace={ws} />
    </AntApp>,
  )
const count = () => screen.getByTestId('desk-count').textContent

describe('DashboardPage', () => {
  it('lists the overdue site first in the today list and counts stages', () => {
    view()
    expect(count()).toBe('共 3 / 3 个网站')
    const today = screen.getByTestId('desk-today')
    expect(today.textContent).toContain('赵氏论坛')
    expect(today.textContent).toContain('已逾期 15 天')
    expect(today.textContent).not.toContain('赵氏茶叶')
    expect(screen.getByTestId('count-preparing').textContent).toContain('2')
    expect(screen.getByTestId('count-badged').textContent).toContain('1')
  })

  it('searches by name, 公安备案号 and the last 4 digits of an ID number', async () => {
    view()
    const search =
      screen.getByTestId('desk-search').querySelector('input') ?? screen.getByTestId('desk-search')
    for (const [q, expected] of [
      ['茶叶', '共 1 / 3 个网站'],
      ['11010502000001', '共 1 / 3 个网站'],
      [idNumber.slice(-4), '共 2 / 3 个网站'],
      [idNumber.slice(6, 10), '共 0 / 3 个网站'],
      ['', '共 3 / 3 个网站'],
    ] as const) {
      await act(async () => {
        fireEvent.change(search, { target: { value: q } })
      })
      expect(count()).toBe(expected)
    }
  })

  it('filters by stage from the counts and by overdue', async () => {
    view()
    await act(async () => {
      fireEvent.click(screen.getByTestId('count-badged'))
    })
    expect(count()).toBe('共 1 / 3 个网站')
    await act(async () => {
      fireEvent.click(screen.getByTestId('count-badged'))
    })
    await act(async () => {
      fireEvent.click(screen.getByText('已逾期'))
    })
    expect(count()).toBe('共 1 / 3 个网站')
  })

  it('opens a site from the today list', async () => {
    view()
    await act(async () => {
      fireEvent.click(screen.getByTestId('desk-today').querySelector('.desk-today-item')!)
    })
    await waitFor(() => expect(useWorkspaceStore.getState().selection).toEqual({ kind: 'site', id: late.id }))
  })
})

describe('the table', () => {
  it('puts the most urgent row first and opens a site on click', async () => {
    view()
    const rows = await screen.findAllByTestId('desk-row')
    expect(rows[0]?.textContent).toContain('赵氏论坛')
    expect(rows[0]?.textContent).toContain('已逾期 15 天')
    await act(async () => {
      fireEvent.click(rows[rows.length - 1]!)
    })
    await waitFor(() => expect(useWorkspaceStore.getState().selection).toEqual({ kind: 'site', id: done.id }))
  })
})

describe('column sort', () => {
  it('sorts by stage when its header is clicked, urgency otherwise', async () => {
    view()
    const rowsText = async () => (await screen.findAllByTestId('desk-row')).map((r) => r.textContent ?? '')
    expect((await rowsText())[0]).toContain('赵氏论坛')
    const header = screen.getAllByText('阶段').find((el) => el.closest('th'))!
    // First click: ascending, second: descending (已挂标 is the furthest stage).
    for (let i = 0; i < 2; i++) {
      await act(async () => {
        fireEvent.click(header)
      })
    }
    const rows = await rowsText()
    expect(rows[0]).toContain('钱记')
    expect(rows[0]).toContain('已挂标')
  })
})

describe('bulk recording', () => {
  it('records 已提交 for the selected sites and lists the refused ones with main’s reason', async () => {
    const invoke = installBridge((c, req) => {
      if (c === 'settings:get') return { ok: true, value: { language: 'zh-CN', lastExportDir: '' } }
      if (c === 'filing:record') {
        const r = req as { ownerId: string; kind: string; date: string }
        if (r.ownerId === done.id)
          return {
            ok: false,
            error: { code: 'filing/refused', message: '这个网站已经备案并挂标，不能再次提交。' },
          }
        const e = ev(r.ownerId, 'submitted', r.date)
        return { ok: true, value: { event: e, warnings: [], filingEvents: [...(ws.filingEvents ?? []), e] } }
      }
      return undefined
    })
    view()
    const boxes = (await screen.findAllByTestId('desk-row')).map((row) =>
      row.querySelector('input[type="checkbox"]')!,
    )
    for (const box of boxes) {
      await act(async () => {
        fireEvent.click(box)
      })
    }
    expect(useWorkspaceStore.getState().selection).toEqual({ kind: 'dashboard' }) // ticking did not open a site
    await act(async () => {
      fireEvent.click(screen.getByTestId('bulk-run'))
    })
    await waitFor(() =>
      expect(screen.getByTestId('bulk-outcome').textContent).toContain('已记录 2 个网站，1 个未记录'),
    )
    expect(screen.getByTestId('bulk-outcome').textContent).toContain('钱记：这个网站已经备案并挂标')
    expect(
      invoke.mock.calls.filter(([c]) => c === 'filing:record').map(([, r]) => (r as { kind: string }).kind),
    ).toEqual(['submitted', 'submitted', 'submitted'])
  })
})
