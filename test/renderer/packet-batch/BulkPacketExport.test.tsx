import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, type Mock } from 'vitest'
import type { Events, PacketBatchSummary } from '../../../core/api'
import { BulkPacketExport } from '../../../renderer/src/features/packet-batch/BulkPacketExport'
import { installBridge } from '../support/bridge'

afterEach(cleanup)

type Listener = (p: Events['packet:progress']) => void

function bridgeWith(answer: Parameters<typeof installBridge>[0]) {
  const invoke = installBridge(answer)
  const listeners: Listener[] = []
  const bridge = window.beian as unknown as { on: Mock }
  bridge.on.mockImplementation((_event: string, l: Listener) => {
    listeners.push(l)
    return () => undefined
  })
  return { invoke, listeners }
}

describe('BulkPacketExport', () => {
  it('exports the selection into the picked folder with progress, then lists the refused sites and why', async () => {
    let finish: (s: PacketBatchSummary) => void = () => undefined
    const { invoke, listeners } = bridgeWith((channel) => {
      if (channel === 'dialog:pickExportTarget') return { ok: true, value: '/out' }
      if (channel === 'packet:exportMany')
        return new Promise((resolve) => {
          finish = (s) => resolve({ ok: true, value: s })
        })
      if (channel === 'packet:cancelMany') return { ok: true, value: true }
      return undefined
    })
    render(<BulkPacketExport siteIds={['s1', 's2']} />)
    fireEvent.click(screen.getByTestId('bulk-packets-force'))
    fireEvent.click(screen.getByTestId('bulk-packets-run'))
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('packet:exportMany', expect.anything()))
    const req = invoke.mock.calls.find(([c]) => c === 'packet:exportMany')?.[1] as {
      batchId: string
      siteIds: string[]
      format: string
      outDir: string
      force: boolean
    }
    expect(req).toMatchObject({ siteIds: ['s1', 's2'], format: 'zip', outDir: '/out', force: true })
    act(() => {
      for (const l of listeners)
        l({ batchId: req.batchId, index: 0, done: 1, total: 2, siteId: 's1', siteName: '甲', ok: true })
    })
    expect(screen.getByTestId('bulk-packets-progress').textContent).toContain('1 / 2')
    fireEvent.click(screen.getByTestId('bulk-packets-cancel'))
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('packet:cancelMany', { batchId: req.batchId }))
    await act(async () => {
      finish({
        batchId: req.batchId,
        outDir: '/out',
        format: 'zip',
        cancelled: true,
        results: [
          { siteId: 's1', siteName: '甲', ok: true, target: '/out/甲-公安备案材料.zip', draft: false },
          {
            siteId: 's2',
            siteName: '乙',
            ok: false,
            error: { code: 'packet/cancelled', message: '已取消，这个网站的材料包没有导出。' },
          },
        ],
      })
    })
    const outcome = await screen.findByTestId('bulk-packets-outcome')
    expect(outcome.textContent).toContain('已导出 1 个网站，1 个没有导出')
    expect(outcome.textContent).toContain('已取消')
    expect(outcome.textContent).toContain('乙：已取消，这个网站的材料包没有导出。')
    expect(screen.queryByTestId('bulk-packets-progress')).toBeNull()
  })

  it('does nothing when the folder dialog is cancelled', async () => {
    const { invoke } = bridgeWith((channel) =>
      channel === 'dialog:pickExportTarget' ? { ok: true, value: null } : undefined,
    )
    render(<BulkPacketExport siteIds={['s1']} />)
    fireEvent.click(screen.getByTestId('bulk-packets-run'))
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('dialog:pickExportTarget', expect.anything()))
    expect(invoke).not.toHaveBeenCalledWith('packet:exportMany', expect.anything())
    expect(screen.queryByTestId('bulk-packets-outcome')).toBeNull()
  })
})
