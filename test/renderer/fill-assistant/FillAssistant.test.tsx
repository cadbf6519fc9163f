import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExportSummary } from '../../../core/api'
import type { Workspace } from '../../../core/model'
import { portalFields } from '../../../core/packet/portal-fields'
import { FillAssistant, FillAssistantView } from '../../../renderer/src/features/fill-assistant/FillAssistant'
import { forgetExports, rememberExport } from '../../../renderer/src/features/fill-assistant/last-export'
import {
  makeIndividual,
  makeMaterial,
  makePerson,
  makeSite,
  syntheticResidentId,
} from '../../support/factories'
import { installBridge } from '../support/bridge'

afterEach(() => {
  cleanup()
  forgetExports()
  delete window.beian
})

const subject = makeIndividual({
  name: '李小明',
  principal: makePerson({
    name: '李小明',
    idNumber: syntheticResidentId('19900307', '123'),
    officePhone: '010-65871234',
  }),
})
const site = makeSite(subject.id, {
  name: '小明的博客',
  mainDomain: 'example-blog.cn',
  serverIps: ['47.96.21.10'],
})
const workspace: Workspace = {
  subjects: [subject],
  sites: [site],
  materials: [
    makeMaterial('subject', subject.id, 'principal-id-front'),
    makeMaterial('site', site.id, 'domain-certificate'),
  ],
}
const steps = portalFields(subject, site)
const summary: ExportSummary = {
  target: '/home/u/导出/小明的博客-公安备案材料',
  format: 'folder',
  files: [
    {
      slot: 'principal-id-front',
      file: '1_开办主体/01_身份证正面.jpg',
      bytes: 9,
      width: 1,
      height: 1,
      sha256: '',
    },
    {
      slot: 'domain-certificate',
      file: '2_网站基本信息/04_域名证书.jpg',
      bytes: 9,
      width: 1,
      height: 1,
      sha256: '',
    },
  ],
}

const view = () =>
  render(
    <AntApp>
      <FillAssistantView site={site} subject={subject} workspace={workspace} />
    </AntApp>,
  )

describe('FillAssistantView', () => {
  it('lists the portal’s pages in order, every field with its value', () => {
    installBridge(() => undefined)
    view()
    const cards = [...document.querySelectorAll('[data-testid^="fill-step-"]')]
    expect(cards.map((c) => c.getAttribute('data-testid'))).toEqual(steps.map((s) => `fill-step-${s.key}`))
    expect(cards[0]?.textContent).toContain('第 1 页：开办主体')
    for (const field of steps.flatMap((s) => s.fields)) {
      const row = screen.getByTestId(`fill-field-${field.key}`)
      expect(row.textContent).toContain(field.label)
      expect(screen.getByTestId(`fill-field-${field.key}-value`).textContent).toBe(
        field.value || '（未填写）',
      )
    }
    // Fields in each card keep the portal order.
    const principalRows = [...screen.getByTestId('fill-step-principal').querySelectorAll('.fill-row')]
    expect(principalRows.map((r) => r.getAttribute('data-testid'))).toEqual(
      steps[1]?.fields.map((f) => `fill-field-${f.key}`),
    )
  })

  it('copies a value through main and shows the 已复制 tick on that field only', async () => {
    const invoke = installBridge((channel) =>
      channel === 'system:copyText' ? { ok: true, value: true } : undefined,
    )
    view()
    fireEvent.click(screen.getByTestId('fill-field-principal.idNumber-copy'))
    await screen.findByTestId('fill-field-principal.idNumber-copied')
    expect(invoke).toHaveBeenCalledWith('system:copyText', { text: subject.principal.idNumber })
    expect(screen.getByTestId('fill-field-principal.idNumber-copied').textContent).toContain('已复制')
    expect(screen.queryByTestId('fill-field-principal.name-copied')).toBeNull()
    fireEvent.click(screen.getByTestId('fill-field-site.mainDomain-copy'))
    await screen.findByTestId('fill-field-site.mainDomain-copied')
    expect(invoke).toHaveBeenLastCalledWith('system:copyText', { text: 'example-blog.cn' })
    expect(screen.queryByTestId('fill-field-principal.idNumber-copied')).toBeNull()
  })

  it('says so when neither main nor the page can copy', async () => {
    installBridge((channel) => (channel === 'system:copyText' ? { ok: true, value: false } : undefined))
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new Error('denied')) },
    })
    document.execCommand = () => false
    view()
    fireEvent.click(screen.getByTestId('fill-field-principal.name-copy'))
    await waitFor(() =>
      expect(screen.getByTestId('fill-field-principal.name').textContent).toContain('无法写入剪贴板'),
    )
    expect(screen.queryByTestId('fill-field-principal.name-copied')).toBeNull()
  })

  it('lists each page’s materials; after an export their paths and 打开所在文件夹 through main', async () => {
    const invoke = installBridge((channel) =>
      channel === 'system:showItemInFolder' ? { ok: true, value: true } : undefined,
    )
    view()
    const subjectMaterials = screen.getByTestId('fill-materials-subject')
    expect(subjectMaterials.textContent).toContain('身份证正面')
    expect(screen.getByTestId('fill-material-principal-id-back').textContent).toContain('缺少')
    expect(screen.getByTestId('fill-not-exported-subject')).toBeTruthy()
    expect(screen.queryByTestId('fill-materials-principal')).toBeNull()
    act(() => rememberExport(site.id, summary))
    expect(screen.getByTestId('fill-material-principal-id-front-path').textContent).toBe(
      '/home/u/导出/小明的博客-公安备案材料/1_开办主体/01_身份证正面.jpg',
    )
    expect(screen.getByTestId('fill-material-domain-certificate-path').textContent).toContain(
      '2_网站基本信息/04_域名证书.jpg',
    )
    expect(screen.queryByTestId('fill-material-principal-id-back-path')).toBeNull()
    // A folder export: the step's folder with its first file selected.
    fireEvent.click(screen.getByTestId('fill-reveal-site'))
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('system:showItemInFolder', {
        path: '/home/u/导出/小明的博客-公安备案材料/2_网站基本信息/04_域名证书.jpg',
      }),
    )
  })

  it('opens from its button in a drawer titled with the site', async () => {
    installBridge(() => undefined)
    render(
      <AntApp>
        <FillAssistant site={site} subject={subject} workspace={workspace} />
      </AntApp>,
    )
    expect(screen.queryByTestId('fill-assistant')).toBeNull()
    fireEvent.click(screen.getByTestId('fill-assistant-open'))
    await screen.findByTestId('fill-assistant')
    expect(screen.getByText('填报助手：小明的博客')).toBeTruthy()
  })
})
