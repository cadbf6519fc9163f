import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FilingEvent } from '../../../core/filing/events'
import type { Workspace } from '../../../core/model'
import { localToday } from '../../../core/packet/readiness'
import { addDays } from '../../../core/validation/dates'
import { setErrorPresenter } from '../../../renderer/src/api'
import { FilingPanel } from '../../../renderer/src/features/filing/FilingPanel'
import { useWorkspaceStore } from '../../../renderer/src/features/workspace/store'
import { makeIndividual, makeSite } from '../../support/factories'
import { installBridge } from '../support/bridge'

const today = localToday()
const subject = makeIndividual()
const site = makeSite(subject.id, { openingDate: addDays(today, -40), interactive: false })

function event(kind: FilingEvent['kind'], date: string, over: Partial<FilingEvent> = {}): FilingEvent {
  return {
    id: `e-${kind}-${date}`,
    ownerKind: 'site',
    ownerId: site.id,
    kind,
    date,
    note: '',
    operator: '小王',
    recordedAt: `${date}T01:00:00Z`,
    ...over,
  }
}

function Connected() {
  const ws = useWorkspaceStore((s) => s.workspace)
  return ws ? <FilingPanel site={site} subject={subject} workspace={ws} /> : null
}

function show(filingEvents: FilingEvent[]) {
  const ws: Workspace = { subjects: [subject], sites: [site], materials: [], filingEvents }
  useWorkspaceStore.setState({ workspace: ws })
  return render(
    <AntApp>
      <Connected />
    </AntApp>,
  )
}

const settings = { ok: true as const, value: { language: 'zh-CN', lastExportDir: '' } }

beforeEach(() => setErrorPresenter(() => undefined))
afterEach(() => {
  cleanup()
  delete window.beian
})

describe('FilingPanel', () => {
  it('shows 准备中, an empty history and the overdue filing deadline in red', async () => {
    installBridge((c) => (c === 'settings:get' ? settings : undefined))
    show([])
    expect(screen.getAllByTestId('stage-tag')[0]?.textContent).toBe('准备中')
    expect(screen.getAllByText(/还没有记录/)).toHaveLength(2) // the site's and the subject's history
    const next = screen.getByTestId('filing-next')
    expect(next.textContent).toContain('备案期限')
    expect(next.textContent).toContain('已逾期 10 天')
    expect(next.querySelector('.ant-typography-danger')).not.toBeNull()
  })

  it('records 已提交 through main and shows main’s event list', async () => {
    const recorded = event('submitted', today)
    const invoke = installBridge((c) => {
      if (c === 'settings:get') return settings
      if (c === 'filing:record')
        return { ok: true, value: { event: recorded, warnings: [], filingEvents: [recorded] } }
      return undefined
    })
    show([])
    const form = screen.getByTestId('filing-form-site')
    await act(async () => {
      fireEvent.change(form.querySelector('[data-testid="filing-note"]')!, { target: { value: '首次提交' } })
    })
    await act(async () => {
      fireEvent.click(form.querySelector('[data-testid="filing-submit"]')!)
    })
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith(
        'filing:record',
        expect.objectContaining({ kind: 'submitted', ownerId: site.id, date: today, note: '首次提交' }),
      ),
    )
    await waitFor(() => expect(screen.getAllByTestId('stage-tag')[0]?.textContent).toBe('已提交'))
    expect(screen.getAllByTestId('filing-event')).toHaveLength(1)
  })

  it('refuses in the window, before asking main, when the rules say no', async () => {
    const invoke = installBridge((c) => (c === 'settings:get' ? settings : undefined))
    // In 审核中 the first choice is 退回, which needs its reason.
    show([event('submitted', addDays(today, -3)), event('reviewing', addDays(today, -2))])
    await act(async () => {
      fireEvent.click(screen.getByTestId('filing-form-site').querySelector('[data-testid="filing-submit"]')!)
    })
    expect(screen.getByTestId('filing-errors').textContent).toContain('退回原因')
    expect(invoke).not.toHaveBeenCalledWith('filing:record', expect.anything())
  })

  it('undoes the last event after confirmation', async () => {
    const first = event('submitted', addDays(today, -3))
    const invoke = installBridge((c) => {
      if (c === 'settings:get') return settings
      if (c === 'filing:undo') return { ok: true, value: { event: first, warnings: [], filingEvents: [] } }
      return undefined
    })
    show([first])
    await act(async () => {
      fireEvent.click(screen.getByTestId('filing-undo'))
    })
    const ok = await screen.findByText('OK', {}, { timeout: 3000 })
    await act(async () => {
      fireEvent.click(ok)
    })
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('filing:undo', { ownerKind: 'site', ownerId: site.id }),
    )
    await waitFor(() => expect(screen.getAllByTestId('stage-tag')[0]?.textContent).toBe('准备中'))
  })

  it('shows the badge code of the recorded number and copies it', async () => {
    installBridge((c) => (c === 'settings:get' ? settings : undefined))
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    show([
      event('submitted', addDays(today, -5)),
      event('filed', addDays(today, -2), {
        approval: { filingNumber: '11010502000001', policeUnit: '北京市公安局朝阳分局' },
      }),
    ])
    const code = screen.getByTestId('badge-code') as HTMLTextAreaElement
    expect(code.value).toContain('href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001"')
    expect(code.value).toContain('>京公网安备11010502000001号</a>')
    expect(screen.getByTestId('badge-sample').textContent).toContain('京公网安备11010502000001号')
    expect(screen.getByTestId('filing-next').textContent).toContain('挂标期限')
    await act(async () => {
      fireEvent.click(screen.getByTestId('badge-copy'))
    })
    expect(writeText).toHaveBeenCalledWith(code.value)
    fireEvent.change(screen.getByTestId('badge-icon'), { target: { value: 'javascript:x' } })
    expect(screen.getByTestId('badge-error').textContent).toContain('不能是脚本')
  })
})
