import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setErrorPresenter } from '../../../renderer/src/api'
import { DraftExport } from '../../../renderer/src/features/export-draft/DraftExport'
import { makeIndividual, makeSite } from '../../support/factories'
import { installBridge } from '../support/bridge'

afterEach(cleanup)

const site = makeSite(makeIndividual().id, { name: '客户/网站:一\u202e' })
const summary = { target: '/out/x-草稿.zip', format: 'zip', files: [] }

describe('DraftExport', () => {
  it('exports the same site with force after a refusal, under a safe draft name', async () => {
    const invoke = installBridge((channel) => {
      if (channel === 'dialog:pickExportTarget') return { ok: true, value: '/out/x-草稿.zip' }
      if (channel === 'packet:export') return { ok: true, value: summary }
      return undefined
    })
    const onDone = vi.fn()
    render(<DraftExport site={site} onDone={onDone} />)
    expect(screen.getByTestId('export-draft').textContent).toContain('草稿')
    fireEvent.click(screen.getByTestId('export-draft-zip'))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(summary))
    expect(invoke).toHaveBeenCalledWith('dialog:pickExportTarget', {
      format: 'zip',
      suggestedName: '客户／网站：一-公安备案材料-草稿',
      purpose: 'packet',
    })
    expect(invoke).toHaveBeenCalledWith('packet:export', {
      siteId: site.id,
      format: 'zip',
      target: '/out/x-草稿.zip',
      force: true,
    })
  })

  it('shows main’s error when even the draft cannot be written, and does not report success', async () => {
    const shown = vi.fn()
    setErrorPresenter(shown)
    installBridge((channel) => {
      if (channel === 'dialog:pickExportTarget') return { ok: true, value: '/out' }
      if (channel === 'packet:export')
        return { ok: false, error: { code: 'packet/file-missing', message: '“域名证书”的图片文件丢失' } }
      return undefined
    })
    const onDone = vi.fn()
    render(<DraftExport site={site} onDone={onDone} />)
    fireEvent.click(screen.getByTestId('export-draft-folder'))
    await waitFor(() =>
      expect(shown).toHaveBeenCalledWith(expect.objectContaining({ code: 'packet/file-missing' })),
    )
    expect(onDone).not.toHaveBeenCalled()
  })
})
