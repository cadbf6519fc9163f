import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it } from 'vitest'
import type { SiteRow, TodayItem } from '../../../core/filing/dashboard'
import type { Deadline } from '../../../core/filing/deadlines'
import { TodayList } from '../../../renderer/src/features/dashboard/TodayList'

/** Only the fields the list draws; the rest of a row does not matter here. */
function item(i: number): TodayItem {
  const row = { siteId: `site-${i}`, client: `客户${i}`, site: `网站${i}`, domain: `s${i}.cn` } as SiteRow
  const deadline: Deadline = {
    kind: 'file-by',
    label: '公安备案期限',
    date: '2026-12-01',
    daysLeft: -i,
    overdue: i > 0,
    soft: false,
    detail: '',
    uncoveredYears: [],
  }
  return { row, deadline }
}

const shownItems = () => screen.getByTestId('desk-today').querySelectorAll('.desk-today-item').length

describe('TodayList', () => {
  afterEach(cleanup)

  it('draws the first 20 of an agency-sized list and the rest on request, up to 200', async () => {
    render(
      <AntApp>
        <TodayList items={Array.from({ length: 245 }, (_, i) => item(i))} />
      </AntApp>,
    )
    expect(screen.getByTestId('desk-today').textContent).toContain('（245）')
    expect(shownItems()).toBe(20)
    expect(screen.getByTestId('desk-today-more').textContent).toBe('显示其余 180 项')
    await act(async () => {
      fireEvent.click(screen.getByTestId('desk-today-more'))
    })
    expect(shownItems()).toBe(200)
    expect(screen.queryByTestId('desk-today-more')).toBeNull()
  })

  it('offers no button when everything fits', () => {
    render(
      <AntApp>
        <TodayList items={Array.from({ length: 20 }, (_, i) => item(i))} />
      </AntApp>,
    )
    expect(shownItems()).toBe(20)
    expect(screen.queryByTestId('desk-today-more')).toBeNull()
  })
})
