import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ClientImportFile, ClientImportPreview } from '../../../core/api'
import { detectMapping } from '../../../core/client-import/fields'
import type { PlannedRow } from '../../../core/client-import/plan'
import { setErrorPresenter } from '../../../renderer/src/api'
import { ClientImportWizard } from '../../../renderer/src/features/client-import/ClientImportWizard'
import { DashboardExportButton } from '../../../renderer/src/features/client-import/DashboardExportButton'
import { NotificationSwitch } from '../../../renderer/src/features/settings/NotificationSwitch'
import { installBridge, type Answer } from '../support/bridge'

const headers = ['客户名称', '统一社会信用代码', '网站名称', '域名', '备注']
const file: ClientImportFile = {
  token: 'tok',
  fileName: '客户.csv',
  encoding: 'utf-8-bom',
  headers,
  sample: [['示例科技有限公司', '91110108MA0000000X', '示例官网', 'example.cn', '']],
  rowCount: 2,
  mapping: detectMapping(headers),
}
const row = (over: Partial<PlannedRow>): PlannedRow => ({
  line: 2,
  subjectName: '示例科技有限公司',
  certNumber: '91110108MA0000000X',
  siteName: '示例官网',
  domain: 'example.cn',
  subjectAction: 'update',
  siteAction: 'new',
  matchedSubjectId: 'sub1',
  problems: [],
  notes: [],
  findings: [{ code: 'x', severity: 'error', message: '缺少办公电话' }],
  ...over,
})
const preview = (blocking: boolean): ClientImportPreview => ({
  rows: [
    row({}),
    row({
      line: 3,
      subjectName: '样例公司',
      subjectAction: 'new',
      matchedSubjectId: null,
      problems: blocking ? ['开通日期“明年”无法识别'] : [],
    }),
  ],
  matches: [{ subjectId: 'sub1', name: '示例科技有限公司', certNumber: '91110108MA0000000X', lines: [2] }],
  counts: { newSubjects: 1, updatedSubjects: 1, newSites: 2, updatedSites: 0, skippedRows: 0 },
  blockingRows: blocking ? 1 : 0,
})

let answers: Record<string, unknown>
let invoke: ReturnType<typeof installBridge>
beforeEach(() => {
  setErrorPresenter(() => undefined)
  answers = {
    'clientImport:open': file,
    'clientImport:preview': preview(false),
    'clientImport:commit': {
      newSubjects: 1,
      updatedSubjects: 1,
      newSites: 2,
      updatedSites: 0,
      skippedRows: 0,
    },
    'settings:get': { language: 'zh-CN', lastExportDir: '' },
  }
  invoke = installBridge((c): Answer | undefined =>
    c in answers ? { ok: true, value: answers[c] } : undefined,
  )
})
afterEach(() => {
  cleanup()
  delete window.beian
})

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId))
  })
}
const wizard = () =>
  render(
    <AntApp>
      <ClientImportWizard open onClose={vi.fn()} />
    </AntApp>,
  )

describe('ClientImportWizard', () => {
  it('goes file → columns → preview → import and sends only the confirmed updates', async () => {
    wizard()
    await click('import-pick')
    await waitFor(() => screen.getByTestId('import-mapping'))
    expect(screen.getByTestId('import-mapping').textContent).toContain('客户.csv')
    expect(screen.getByTestId('import-mapping').textContent).toContain('example.cn')
    await click('import-next')
    await waitFor(() => screen.getByTestId('import-preview'))
    expect(invoke).toHaveBeenCalledWith('clientImport:preview', { token: 'tok', mapping: file.mapping })
    expect(screen.getByTestId('import-counts').textContent).toContain('新建主体 1 个，更新主体 1 个')
    expect(screen.getByTestId('import-rows').textContent).toContain('1 个错误')
    const box = screen.getByTestId('import-matches').querySelector('input[type="checkbox"]')
    if (!box) throw new Error('no checkbox')
    expect((box as HTMLInputElement).checked).toBe(false)
    await act(async () => {
      fireEvent.click(box)
    })
    await click('import-commit')
    await waitFor(() => screen.getByTestId('import-done'))
    expect(invoke).toHaveBeenCalledWith('clientImport:commit', {
      token: 'tok',
      mapping: file.mapping,
      confirmedSubjectIds: ['sub1'],
    })
    expect(screen.getByTestId('import-done').textContent).toContain('新建主体 1 个、网站 2 个')
  })

  it('shows rows to fix and offers no import while any row blocks', async () => {
    answers['clientImport:preview'] = preview(true)
    wizard()
    await click('import-pick')
    await waitFor(() => screen.getByTestId('import-next'))
    await click('import-next')
    await waitFor(() => screen.getByTestId('import-preview'))
    expect(screen.getByTestId('import-preview').textContent).toContain('有 1 行需要先在表格中改正')
    expect(screen.getByTestId('import-rows').textContent).toContain('开通日期“明年”无法识别')
    expect(screen.getByTestId('import-commit').hasAttribute('disabled')).toBe(true)
  })

  it('stays on the first step when the dialog is cancelled', async () => {
    answers['clientImport:open'] = null
    wizard()
    await click('import-pick')
    expect(screen.getByTestId('import-file')).toBeTruthy()
    expect(screen.queryByTestId('import-mapping')).toBeNull()
  })

  it('refuses to go on while the subject name column is unmapped', async () => {
    answers['clientImport:open'] = { ...file, mapping: { ...file.mapping, subjectName: -1 } }
    wizard()
    await click('import-pick')
    await waitFor(() => screen.getByTestId('import-mapping'))
    expect(screen.getByTestId('import-mapping').textContent).toContain('请指定“主体名称”对应的列')
    expect(screen.getByTestId('import-next').hasAttribute('disabled')).toBe(true)
  })
})

describe('DashboardExportButton and NotificationSwitch', () => {
  it('exports the given rows in order as XLSX', async () => {
    answers['dashboard:export'] = '/tmp/备案进度.xlsx'
    render(
      <AntApp>
        <DashboardExportButton siteIds={['b', 'a']} />
      </AntApp>,
    )
    await click('desk-export')
    const item = await screen.findByText('导出为 Excel（.xlsx）')
    await act(async () => {
      fireEvent.click(item)
    })
    expect(invoke).toHaveBeenCalledWith('dashboard:export', { format: 'xlsx', siteIds: ['b', 'a'] })
  })

  it('turns the daily reminder off', async () => {
    answers['settings:set'] = { language: 'zh-CN', lastExportDir: '', dueNotifications: false }
    render(<NotificationSwitch />)
    const sw = screen.getByTestId('due-notifications')
    // On (absent = on) once the settings are read; the switch is disabled while they load.
    await waitFor(() => expect(sw.hasAttribute('disabled')).toBe(false))
    expect(sw.getAttribute('aria-checked')).toBe('true')
    await act(async () => {
      fireEvent.click(sw)
    })
    expect(invoke).toHaveBeenCalledWith('settings:set', { dueNotifications: false })
    expect(sw.getAttribute('aria-checked')).toBe('false')
  })
})
