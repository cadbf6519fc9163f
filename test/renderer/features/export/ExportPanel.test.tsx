import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ExportSummary } from '../../../../core/api'
import type { Workspace } from '../../../../core/model'
import { ExportPanel } from '../../../../renderer/src/features/export/ExportPanel'
import { ExportResult } from '../../../../renderer/src/features/export/ExportResult'
import { FindingsList, type Located } from '../../../../renderer/src/features/export/FindingsList'
import { makeIndividual, makeMaterial, makeSite } from '../../../support/factories'
import { installBridge } from '../../support/bridge'

afterEach(() => {
  cleanup()
  delete window.beian
})

const wrap = (node: React.ReactNode) => render(<AntApp>{node}</AntApp>)

describe('FindingsList', () => {
  it('names the field of each finding when the same rule fires on two fields', () => {
    const message = '这是虚构的号码，不像真实号码。请填写本人正在使用的手机号（规则⑦）。'
    const findings: Located[] = [
      { code: 'phone.fake', severity: 'error', message, field: 'principal.mobile', where: 'subject' },
      {
        code: 'phone.fake',
        severity: 'error',
        message,
        field: 'securityOfficer.person.mobile',
        where: 'site',
      },
      { code: 'site.ip', severity: 'error', message: 'IP 不对', field: 'serverIps.1', where: 'site' },
    ]
    wrap(<FindingsList findings={findings} nature="organization" onOpen={vi.fn()} />)
    const items = [...screen.getByTestId('export-findings').querySelectorAll('li')].map(
      (li) => li.textContent,
    )
    expect(items[0]).toContain('开办主体 · 法定代表人 / 主体负责人 · 手机号码')
    expect(items[1]).toContain('网站 · 网站安全负责人 · 手机号码')
    expect(items[2]).toContain('网站 · 网站 IP 地址（第 2 个）')
    expect(items[0]).not.toBe(items[1])
  })

  it('explains a cited rule with the portal guide’s text on hover', async () => {
    const finding: Located = {
      code: 'subject.office-phone-required',
      severity: 'error',
      message: '请填写办公电话（规则⑦）。',
      field: 'officePhone',
      where: 'subject',
    }
    wrap(<FindingsList findings={[finding]} nature="organization" onOpen={vi.fn()} />)
    const ref = screen.getByTestId('rule-⑦')
    expect(ref.textContent).toBe('规则⑦')
    fireEvent.mouseEnter(ref)
    const tip = await screen.findByTestId('rule-tooltip', {}, { timeout: 3000 })
    expect(tip.textContent).toContain('办公电话：务必填写')
    expect(tip.textContent).toContain('010-00000000')
  })
})

describe('ExportPanel', () => {
  const subject = makeIndividual()
  const site = makeSite(subject.id)
  const ws: Workspace = {
    subjects: [subject],
    sites: [site],
    materials: [
      makeMaterial('subject', subject.id, 'principal-id-front', { warnings: ['too-small'] }),
      makeMaterial('subject', subject.id, 'principal-id-back'),
      makeMaterial('subject', subject.id, 'principal-id-handheld'),
    ],
  }

  it('lists missing and unusable materials before, and does not repeat them when main refuses', async () => {
    const invoke = installBridge((channel) => {
      if (channel === 'dialog:pickExportTarget') return { ok: true, value: '/tmp/out' }
      if (channel === 'packet:export')
        return {
          ok: false,
          error: {
            code: 'packet/incomplete',
            message: '还不能导出：有 3 项需要先补齐或改正。',
            details: [
              '身份证正面不能使用：图片分辨率过低（长边不足 800 像素），文字可能看不清。请用原图或重新拍摄。',
              '缺少材料：域名证书',
              '网站：只有主进程知道的问题。',
            ],
          },
        } as never
      return undefined
    })
    wrap(<ExportPanel site={site} subject={subject} workspace={ws} onEditSite={vi.fn()} />)
    const precheck = screen.getByTestId('export-precheck').textContent ?? ''
    expect(precheck).toContain('身份证正面 — 不可用：分辨率过低')
    expect(precheck).toContain('域名证书')
    fireEvent.click(screen.getByTestId('export-folder'))
    const refused = await screen.findByTestId('export-missing')
    expect(invoke).toHaveBeenCalledWith('packet:export', {
      siteId: site.id,
      format: 'folder',
      target: '/tmp/out',
    })
    expect(refused.textContent).toContain('请先处理上方列出的材料和错误')
    expect(refused.textContent).toContain('只有主进程知道的问题')
    expect(refused.textContent).not.toContain('缺少材料：域名证书')
    expect(refused.textContent).not.toContain('分辨率过低')
  })

  it('after a refusal for missing items offers the 草稿 export, whose result is shown and kept for the 填报助手', async () => {
    const draft: ExportSummary = { target: '/tmp/out/草稿.zip', format: 'zip', files: [] }
    const invoke = installBridge((channel, req) => {
      if (channel === 'dialog:pickExportTarget') return { ok: true, value: '/tmp/out/草稿.zip' }
      if (channel === 'packet:export' && (req as { force?: boolean }).force) return { ok: true, value: draft }
      if (channel === 'packet:export')
        return { ok: false, error: { code: 'packet/incomplete', message: '还不能导出' } }
      return undefined
    })
    wrap(<ExportPanel site={site} subject={subject} workspace={ws} onEditSite={vi.fn()} />)
    expect(screen.queryByTestId('export-draft')).toBeNull()
    fireEvent.click(screen.getByTestId('export-zip'))
    fireEvent.click(await screen.findByTestId('export-draft-zip'))
    await screen.findByTestId('export-result')
    expect(invoke).toHaveBeenLastCalledWith('packet:export', expect.objectContaining({ force: true }))
    expect(screen.getByTestId('export-result').textContent).toContain('/tmp/out/草稿.zip')
    expect(screen.queryByTestId('export-draft')).toBeNull()
    fireEvent.click(screen.getByTestId('fill-assistant-open'))
    await screen.findByTestId('fill-assistant')
    expect(screen.getByTestId('fill-reveal-subject')).toBeTruthy()
  })

  it('offers no 草稿 export when a file itself is refused (changed or over its cap)', async () => {
    installBridge((channel) => {
      if (channel === 'dialog:pickExportTarget') return { ok: true, value: '/tmp/out' }
      if (channel === 'packet:export')
        return { ok: false, error: { code: 'packet/over-cap', message: '超过上限' } }
      return undefined
    })
    wrap(<ExportPanel site={site} subject={subject} workspace={ws} onEditSite={vi.fn()} />)
    fireEvent.click(screen.getByTestId('export-folder'))
    await screen.findByTestId('export-refused')
    expect(screen.queryByTestId('export-draft')).toBeNull()
  })
})

describe('ExportResult', () => {
  const summary: ExportSummary = { target: '/tmp/out/示例-公安备案材料', format: 'folder', files: [] }

  it('reveals the exported folder through main and opens the portal through the allow-list', async () => {
    const invoke = installBridge(() => ({ ok: true, value: true }))
    wrap(<ExportResult summary={summary} />)
    await act(async () => fireEvent.click(screen.getByTestId('export-reveal')))
    expect(invoke).toHaveBeenCalledWith('system:showItemInFolder', { path: summary.target })
    await act(async () => fireEvent.click(screen.getByTestId('export-portal')))
    expect(invoke).toHaveBeenCalledWith('external:open', { url: 'https://beian.mps.gov.cn/' })
    expect(screen.queryByTestId('export-next-failed')).toBeNull()
  })

  it('says where the packet is when the folder cannot be shown', async () => {
    installBridge((channel) =>
      channel === 'system:showItemInFolder' ? { ok: true, value: false } : undefined,
    )
    wrap(<ExportResult summary={summary} />)
    fireEvent.click(screen.getByTestId('export-reveal'))
    await waitFor(() =>
      expect(screen.getByTestId('export-next-failed').textContent).toContain(summary.target),
    )
  })
})
