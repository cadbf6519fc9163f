/** 保留期限: the desk's notice lists what is due and deletes only after 删除 and its confirmation. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RetentionDue } from '../../../../core/filing/retention'
import { setErrorPresenter } from '../../../../renderer/src/api'
import { RetentionNotice } from '../../../../renderer/src/features/settings/RetentionNotice'
import { RetentionSettings } from '../../../../renderer/src/features/settings/RetentionSettings'
import { useLanguageStore } from '../../../../renderer/src/i18n'
import { installBridge, type Answer } from '../../support/bridge'

const DUE: RetentionDue[] = [
  {
    materialId: 'm1',
    slot: 'principal-id-front',
    label: '身份证正面',
    subjectId: 's1',
    subjectName: '李小明',
    personName: '李小明',
    uses: [
      { siteId: 'w1', siteName: '小明的博客', badgedOn: '2026-03-01' },
      { siteId: 'w2', siteName: '小明的相册', badgedOn: '2026-05-01' },
    ],
    badgedOn: '2026-05-01',
    dueOn: '2026-05-31',
  },
]
const EMPTY_WS = { subjects: [], sites: [], materials: [] }

describe('RetentionNotice', () => {
  let answers: Record<string, Answer>
  let invoke: ReturnType<typeof installBridge>
  beforeEach(() => {
    setErrorPresenter(() => undefined)
    answers = { 'retention:due': { ok: true, value: DUE } }
    invoke = installBridge((channel) => answers[channel])
  })
  afterEach(() => {
    cleanup()
    useLanguageStore.setState({ language: 'zh-CN' })
  })

  it('lists site, person, photo and badge date, and deletes nothing until the confirmation', async () => {
    answers['retention:apply'] = { ok: true, value: { removed: 1, workspace: EMPTY_WS } }
    render(<RetentionNotice />)
    const items = await screen.findByTestId('retention-items')
    expect(items.textContent).toBe(
      '小明的博客、小明的相册 · 李小明 · 身份证正面 · 挂标 2026-05-01（2026-05-31 到期）',
    )
    expect(screen.getByText('1 张身份证照片已到保留期限')).toBeTruthy()
    fireEvent.click(screen.getByTestId('retention-delete'))
    expect(await screen.findByText('确定删除这 1 张照片吗？删除后无法恢复。')).toBeTruthy()
    expect(invoke.mock.calls.some(([c]) => c === 'retention:apply')).toBe(false)
    answers['retention:due'] = { ok: true, value: [] }
    fireEvent.click(screen.getByRole('button', { name: '确认删除' }))
    await waitFor(() => expect(screen.getByTestId('retention-done').textContent).toContain('1 张'))
    expect(invoke).toHaveBeenCalledWith('retention:apply', { materialIds: ['m1'] })
    expect(screen.queryByTestId('retention-notice')).toBeNull()
  })

  it('暂不 hides the notice without deleting, for the rest of the session', async () => {
    const { unmount } = render(<RetentionNotice />)
    fireEvent.click(await screen.findByTestId('retention-later'))
    expect(screen.queryByTestId('retention-notice')).toBeNull()
    unmount()
    render(<RetentionNotice />)
    await act(async () => undefined)
    expect(screen.queryByTestId('retention-notice')).toBeNull()
    expect(invoke.mock.calls.some(([c]) => c === 'retention:apply')).toBe(false)
  })

  it('shows nothing when nothing is due', async () => {
    answers['retention:due'] = { ok: true, value: [] }
    const { container } = render(<RetentionNotice />)
    await act(async () => undefined)
    expect(container.textContent).toBe('')
  })

  it('in English', async () => {
    useLanguageStore.setState({ language: 'en' })
    render(<RetentionNotice preview />)
    expect((await screen.findByTestId('retention-items')).textContent).toContain('badge placed 2026-05-01')
  })
})

describe('RetentionSettings', () => {
  let answers: Record<string, Answer>
  let invoke: ReturnType<typeof installBridge>
  beforeEach(() => {
    setErrorPresenter(() => undefined)
    answers = {
      'settings:get': { ok: true, value: { language: 'zh-CN', lastExportDir: '' } },
      'retention:due': { ok: true, value: DUE },
    }
    invoke = installBridge((channel) => answers[channel])
  })
  afterEach(() => cleanup())

  it('is off by default; choosing a period saves it and shows at once what would be deleted', async () => {
    render(<RetentionSettings />)
    await waitFor(() => expect(screen.getByTestId('retention-days').textContent).toContain('不删除（默认）'))
    expect(screen.queryByTestId('retention-notice')).toBeNull()
    answers['settings:set'] = { ok: true, value: { language: 'zh-CN', lastExportDir: '', retentionDays: 90 } }
    fireEvent.mouseDown(screen.getByRole('combobox'))
    fireEvent.click(await screen.findByText('挂标后 90 天'))
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('settings:set', { retentionDays: 90 }))
    expect(await screen.findByTestId('retention-notice')).toBeTruthy()
    // The preview has no 暂不: deleting still needs 删除 and its confirmation.
    expect(screen.queryByTestId('retention-later')).toBeNull()
    expect(invoke.mock.calls.some(([c]) => c === 'retention:apply')).toBe(false)
  })
})
