import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BatchSummary, BeianBridge, Events } from '../../../../core/api'
import { BatchPage } from '../../../../renderer/src/features/batch/BatchPage'
import { itemStatuses, resetBatch } from '../../../../renderer/src/features/batch/batch-store'

type Progress = Events['batch:progress']
const INPUTS = ['/in/a.jpg', 'C:\\in\\b.png', '/in/c.heic']

/** A fake bridge whose batch:compress stays pending until the test finishes it. */
function install() {
  const listeners = new Set<(p: Progress) => void>()
  let finish: (summary: BatchSummary) => void = () => undefined
  const invoke = vi.fn(async (channel: string, req?: unknown) => {
    switch (channel) {
      case 'dialog:pickImages':
        return { ok: true, value: INPUTS }
      case 'dialog:pickExportTarget':
        return { ok: true, value: '/out' }
      case 'batch:cancel':
        return { ok: true, value: true }
      case 'batch:compress':
        return new Promise((resolve) => {
          finish = (summary) => resolve({ ok: true, value: summary })
        })
      default:
        return { ok: false, error: { code: 'test/unexpected', message: `${channel} ${JSON.stringify(req)}` } }
    }
  })
  const on = vi.fn((event: string, listener: (p: Progress) => void) => {
    if (event === 'batch:progress') listeners.add(listener)
    return () => listeners.delete(listener)
  })
  window.beian = { invoke, on, pathsForFiles: vi.fn() } as unknown as BeianBridge<File>
  const emit = (p: Progress) => act(() => listeners.forEach((l) => l(p)))
  return { invoke, emit, listeners, finish: (s: BatchSummary) => act(async () => finish(s)) }
}

const percent = () => screen.getByTestId('batch-progress').getAttribute('aria-valuenow')
const statuses = () => screen.getAllByTestId('batch-file').map((li) => li.dataset.status)

beforeEach(resetBatch)
afterEach(() => {
  cleanup()
  delete window.beian
})

describe('BatchPage', () => {
  it('runs a batch, follows batch:progress, cancels and shows the summary', async () => {
    const bridge = install()
    render(
      <AntApp>
        <BatchPage />
      </AntApp>,
    )
    expect(screen.getByTestId('batch-start').hasAttribute('disabled')).toBe(true)
    fireEvent.click(screen.getByTestId('batch-pick'))
    await waitFor(() => expect(screen.getAllByTestId('batch-file')).toHaveLength(3))
    fireEvent.click(screen.getByTestId('batch-outdir'))
    await waitFor(() => expect(screen.getByTestId('batch-outdir-path').textContent).toBe('/out'))
    fireEvent.click(screen.getByText(/400 KB/))
    fireEvent.click(screen.getByTestId('batch-start'))

    await waitFor(() => expect(bridge.invoke).toHaveBeenCalledWith('batch:compress', expect.anything()))
    const req = bridge.invoke.mock.calls.find(([c]) => c === 'batch:compress')?.[1] as { batchId: string }
    expect(req).toMatchObject({ paths: INPUTS, outDir: '/out', maxBytes: 400_000 })
    expect(req.batchId).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    expect(percent()).toBe('0')
    expect(statuses()).toEqual(['working', 'working', 'waiting'])

    bridge.emit({ batchId: 'someone-else', done: 3, total: 3, input: '/in/a.jpg', ok: true })
    expect(percent()).toBe('0')
    bridge.emit({
      batchId: req.batchId,
      done: 1,
      total: 3,
      input: 'C:\\in\\b.png',
      ok: false,
      message: '这不是可识别的图片',
    })
    expect(percent()).toBe('33')
    expect(statuses()).toEqual(['working', 'failed', 'working'])
    expect(screen.getAllByTestId('batch-file')[1]?.textContent).toContain('这不是可识别的图片')
    bridge.emit({ batchId: req.batchId, done: 2, total: 3, input: '/in/a.jpg', ok: true })
    expect(percent()).toBe('67')

    fireEvent.click(screen.getByTestId('batch-cancel'))
    await waitFor(() => expect(bridge.invoke).toHaveBeenCalledWith('batch:cancel', { batchId: req.batchId }))

    await bridge.finish({
      batchId: req.batchId,
      cancelled: true,
      results: [
        {
          input: '/in/a.jpg',
          output: '/out/a.jpg',
          bytes: 386_000,
          width: 2400,
          height: 1800,
          quality: 84,
          warnings: ['blurry'],
        },
        { input: 'C:\\in\\b.png', error: { code: 'image/unrecognised', message: '这不是可识别的图片' } },
        { input: '/in/c.heic', error: { code: 'image/cancelled', message: '已取消。' } },
      ],
    })
    const table = await screen.findByTestId('batch-results')
    expect(table.textContent).toContain('a.jpg')
    expect(table.textContent).toContain('386 KB')
    expect(table.textContent).toContain('2400×1800')
    expect(table.textContent).toContain('图像模糊')
    expect(table.textContent).toContain('这不是可识别的图片')
    expect(table.textContent).toContain('未处理（已取消）')
    expect(percent()).toBe('67')
    expect(screen.queryByTestId('batch-cancel')).toBeNull()
    expect(bridge.listeners.size).toBe(0) // unsubscribed at the end
  })
})

describe('itemStatuses', () => {
  it('marks the next two unreported files as working only while running', () => {
    const progress = { b: { ok: true } }
    expect(itemStatuses(['a', 'b', 'c', 'd'], progress, true)).toEqual([
      'working',
      'done',
      'working',
      'waiting',
    ])
    expect(itemStatuses(['a', 'b', 'c'], { ...progress, c: { ok: false } }, false)).toEqual([
      'waiting',
      'done',
      'failed',
    ])
  })
})
