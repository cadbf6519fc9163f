import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BATCH_MAX_FILES, type BatchSummary, type BeianBridge, type Events } from '../../../../core/api'
import { BatchPage } from '../../../../renderer/src/features/batch/BatchPage'
import { imageErrorMessage } from '../../../../electron/main/services/images/errors'
import {
  addPaths,
  itemStatuses,
  resetBatch,
  useBatchStore,
} from '../../../../renderer/src/features/batch/batch-store'

type Started = Events['batch:started']
type Progress = Events['batch:progress']
const INPUTS = ['/in/a.jpg', 'C:\\in\\b.png', '/in/c.heic']

/** A fake bridge whose batch:compress stays pending until the test finishes it. */
function install(
  dropped: (files: readonly File[]) => string[] = (files) => files.map((f) => `/dropped/${f.name}`),
) {
  const listeners = {
    'batch:started': new Set<(p: Started) => void>(),
    'batch:progress': new Set<(p: Progress) => void>(),
  }
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
  const on = vi.fn((event: string, listener: never) => {
    const set = listeners[event as keyof typeof listeners] as Set<unknown> | undefined
    set?.add(listener)
    return () => set?.delete(listener)
  })
  const pathsForFiles = vi.fn(async (files: readonly File[]) => dropped(files))
  window.beian = { invoke, on, pathsForFiles } as unknown as BeianBridge<File>
  return {
    invoke,
    pathsForFiles,
    listeners,
    started: (p: Started) => act(() => listeners['batch:started'].forEach((l) => l(p))),
    progress: (p: Progress) => act(() => listeners['batch:progress'].forEach((l) => l(p))),
    finish: (s: BatchSummary) => act(async () => finish(s)),
  }
}

function renderPage() {
  render(
    <AntApp>
      <BatchPage />
    </AntApp>,
  )
}

const percent = () => screen.getByTestId('batch-progress').getAttribute('aria-valuenow')
const rows = () => screen.getAllByTestId('batch-file')
const statuses = () => rows().map((li) => li.dataset.status)
const rowText = (i: number) => rows()[i]?.querySelector('.batch-file-message')?.textContent

type FakeItem = {
  kind: string
  getAsFile(): File | null
  webkitGetAsEntry(): { isDirectory: boolean } | null
}
const fileItem = (file: File): FakeItem => ({
  kind: 'file',
  getAsFile: () => file,
  webkitGetAsEntry: () => ({ isDirectory: false }),
})
const folderItem = (name: string): FakeItem => ({
  kind: 'file',
  getAsFile: () => new File([], name),
  webkitGetAsEntry: () => ({ isDirectory: true }),
})
const textItem: FakeItem = { kind: 'string', getAsFile: () => null, webkitGetAsEntry: () => null }
const photo = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff])], name, { type: 'image/jpeg' })

/** What the browser hands a drop target when files come from the desktop. */
const transfer = (items: FakeItem[], types = ['Files']) => ({
  dataTransfer: { types, items, files: items.flatMap((i) => i.getAsFile() ?? []) },
})

async function pickAndStart(bridge: ReturnType<typeof install>): Promise<string> {
  fireEvent.click(screen.getByTestId('batch-pick'))
  await waitFor(() => expect(rows()).toHaveLength(3))
  fireEvent.click(screen.getByTestId('batch-outdir'))
  await waitFor(() => expect(screen.getByTestId('batch-outdir-path').textContent).toBe('/out'))
  fireEvent.click(screen.getByText(/400 KB/))
  fireEvent.click(screen.getByTestId('batch-start'))
  await waitFor(() => expect(bridge.invoke).toHaveBeenCalledWith('batch:compress', expect.anything()))
  const req = bridge.invoke.mock.calls.find(([c]) => c === 'batch:compress')?.[1] as { batchId: string }
  expect(req).toMatchObject({ paths: INPUTS, outDir: '/out', maxBytes: 400_000 })
  expect(req.batchId).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
  return req.batchId
}

beforeEach(resetBatch)
afterEach(() => {
  cleanup()
  delete window.beian
})

describe('BatchPage run', () => {
  it('shows 等待中 / 处理中 / 完成 / 失败 / 已取消 from batch:started and batch:progress', async () => {
    const bridge = install()
    renderPage()
    expect(screen.getByTestId('batch-start').hasAttribute('disabled')).toBe(true)
    const batchId = await pickAndStart(bridge)
    expect(percent()).toBe('0')
    // Nothing has started yet: no row is guessed to be in progress.
    expect(statuses()).toEqual(['waiting', 'waiting', 'waiting'])
    expect(rowText(0)).toBe('等待中')

    bridge.started({ batchId: 'someone-else', index: 0, total: 3, input: '/in/a.jpg' })
    expect(statuses()).toEqual(['waiting', 'waiting', 'waiting'])
    bridge.started({ batchId, index: 1, total: 3, input: 'C:\\in\\b.png' })
    expect(statuses()).toEqual(['waiting', 'working', 'waiting'])
    expect(rowText(1)).toBe('处理中')
    bridge.started({ batchId, index: 0, total: 3, input: '/in/a.jpg' })
    expect(statuses()).toEqual(['working', 'working', 'waiting'])

    bridge.progress({ batchId: 'someone-else', index: 0, done: 3, total: 3, input: '/in/a.jpg', ok: true })
    expect(percent()).toBe('0')
    const message = imageErrorMessage('image/not-image')
    bridge.progress({
      batchId,
      index: 1,
      done: 1,
      total: 3,
      input: 'C:\\in\\b.png',
      ok: false,
      code: 'image/not-image',
      message,
    })
    expect(percent()).toBe('33')
    expect(statuses()).toEqual(['working', 'failed', 'waiting'])
    expect(rowText(1)).toBe(message)
    // A late or repeated start never turns a finished row back into "working".
    bridge.started({ batchId, index: 1, total: 3, input: 'C:\\in\\b.png' })
    expect(statuses()[1]).toBe('failed')

    bridge.progress({ batchId, index: 0, done: 2, total: 3, input: '/in/a.jpg', ok: true })
    expect(percent()).toBe('67')
    expect(statuses()).toEqual(['done', 'failed', 'waiting'])
    expect(rowText(0)).toBe('完成')

    fireEvent.click(screen.getByTestId('batch-cancel'))
    await waitFor(() => expect(bridge.invoke).toHaveBeenCalledWith('batch:cancel', { batchId }))
    // The last file never started: main reports it skipped.
    bridge.progress({
      batchId,
      index: 2,
      done: 3,
      total: 3,
      input: '/in/c.heic',
      ok: false,
      code: 'image/cancelled',
      message: '已取消。',
    })
    expect(statuses()).toEqual(['done', 'failed', 'cancelled'])
    expect(rowText(2)).toBe('已取消')

    await bridge.finish({
      batchId,
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
        { input: 'C:\\in\\b.png', error: { code: 'image/not-image', message } },
        { input: '/in/c.heic', error: { code: 'image/cancelled', message: '已取消。' } },
      ],
    })
    const table = await screen.findByTestId('batch-results')
    expect(table.textContent).toContain('a.jpg')
    expect(table.textContent).toContain('386 KB')
    expect(table.textContent).toContain('2400×1800')
    expect(table.textContent).toContain('图像模糊')
    expect(table.textContent).toContain(message)
    expect(table.textContent).toContain('未处理（已取消）')
    expect(percent()).toBe('67')
    expect(screen.queryByTestId('batch-cancel')).toBeNull()
    expect(bridge.listeners['batch:started'].size).toBe(0) // unsubscribed at the end
    expect(bridge.listeners['batch:progress'].size).toBe(0)
    expect(screen.getByTestId('batch-drop').textContent).toContain('开始下一批')
  })

  it('marks the rows still in progress as failed when the whole call fails', async () => {
    const bridge = install()
    bridge.invoke.mockImplementation(async (channel: string) =>
      channel === 'batch:compress'
        ? await new Promise((resolve) => {
            queueMicrotask(() => {
              const p = {
                batchId: useBatchStore.getState().batchId ?? '',
                index: 0,
                total: 3,
                input: '/in/a.jpg',
              }
              bridge.listeners['batch:started'].forEach((l) => l(p))
              resolve({ ok: false, error: { code: 'test/failure', message: '出错了' } })
            })
          })
        : { ok: true, value: channel === 'dialog:pickImages' ? INPUTS : '/out' },
    )
    renderPage()
    fireEvent.click(screen.getByTestId('batch-pick'))
    await waitFor(() => expect(rows()).toHaveLength(3))
    fireEvent.click(screen.getByTestId('batch-outdir'))
    await waitFor(() => expect(screen.getByTestId('batch-outdir-path').textContent).toBe('/out'))
    fireEvent.click(screen.getByTestId('batch-start'))
    await waitFor(() => expect(useBatchStore.getState().running).toBe(false))
    expect(statuses()).toEqual(['failed', 'waiting', 'waiting'])
    expect(screen.getByText('出错了')).toBeTruthy()
    // The row cut off says what happened, why, and what to do — not a bare 失败.
    expect(rowText(0)).toBe('压缩被中断，这张图片没有完成，请重新开始压缩。原因：出错了')
  })
})

describe('BatchPage drop zone', () => {
  it('adds many dropped files through the bridge, and says why folders and unreadable items were left out', async () => {
    const bridge = install((files) =>
      files.flatMap((f) => (f.name === '网页图片.jpg' ? [] : [`/dropped/${f.name}`])),
    )
    renderPage()
    const zone = screen.getByTestId('batch-drop')
    expect(zone.textContent).toContain('点击或把图片拖到这里')
    expect(zone.dataset.mode).toBe('empty')

    const items = [
      fileItem(photo('正面.jpg')),
      fileItem(photo('反面.jpg')),
      folderItem('微信图片'),
      textItem,
      fileItem(photo('网页图片.jpg')),
    ]
    fireEvent.dragEnter(zone, transfer(items))
    fireEvent.dragOver(zone, transfer(items))
    expect(zone.dataset.over).toBe('true')
    expect(zone.textContent).toContain('松开鼠标，添加这些图片')
    fireEvent.drop(zone, transfer(items))
    await waitFor(() => expect(rows()).toHaveLength(2))
    expect(zone.dataset.over).toBe('false')

    // Only files go to the bridge: not the folder, not the dragged text.
    const sent = bridge.pathsForFiles.mock.calls[0]?.[0].map((f) => f.name)
    expect(sent).toEqual(['正面.jpg', '反面.jpg', '网页图片.jpg'])
    expect(useBatchStore.getState().paths).toEqual(['/dropped/正面.jpg', '/dropped/反面.jpg'])
    const notice = screen.getByTestId('batch-notice').textContent
    expect(notice).toContain('拖入的 1 个文件夹没有添加')
    expect(notice).toContain('有 1 个拖入的项目无法读取')
    expect(screen.getByTestId('batch-drop').dataset.mode).toBe('more')

    // Dropping the same picture again does not list it twice.
    fireEvent.drop(
      screen.getByTestId('batch-drop'),
      transfer([fileItem(photo('正面.jpg')), fileItem(photo('手持.jpg'))]),
    )
    await waitFor(() => expect(rows()).toHaveLength(3))
    expect(screen.getByTestId('batch-notice').textContent).toBe('有 1 张图片已在列表中，没有重复添加。')
  })

  it('ignores drags that carry no files, and drops while a batch is running', async () => {
    const bridge = install()
    renderPage()
    const zone = screen.getByTestId('batch-drop')
    fireEvent.dragEnter(zone, transfer([textItem], ['text/plain']))
    expect(zone.dataset.over).toBe('false')
    fireEvent.drop(zone, transfer([textItem], ['text/plain']))
    expect(bridge.pathsForFiles).not.toHaveBeenCalled()

    await pickAndStart(bridge)
    expect(screen.getByTestId('batch-drop').dataset.mode).toBe('busy')
    expect(screen.getByTestId('batch-drop').textContent).toContain('正在压缩，完成或取消后才能添加图片')
    fireEvent.drop(screen.getByTestId('batch-drop'), transfer([fileItem(photo('迟到.jpg'))]))
    await act(async () => undefined)
    expect(bridge.pathsForFiles).not.toHaveBeenCalled()
    expect(rows()).toHaveLength(3)
  })

  it('opens the file picker when the zone is clicked or activated with the keyboard', async () => {
    const bridge = install()
    renderPage()
    fireEvent.click(screen.getByTestId('batch-drop'))
    await waitFor(() => expect(rows()).toHaveLength(3))
    fireEvent.keyDown(screen.getByTestId('batch-drop'), { key: 'Enter' })
    await waitFor(() =>
      expect(bridge.invoke.mock.calls.filter(([c]) => c === 'dialog:pickImages')).toHaveLength(2),
    )
    expect(bridge.invoke).toHaveBeenCalledWith('dialog:pickImages', { multiple: true })
  })
})

describe('batch store', () => {
  it('takes at most BATCH_MAX_FILES files and says how many were left out', () => {
    addPaths(Array.from({ length: BATCH_MAX_FILES + 5 }, (_, i) => `/in/${i}.jpg`))
    expect(useBatchStore.getState().paths).toHaveLength(BATCH_MAX_FILES)
    expect(useBatchStore.getState().notices).toEqual([{ kind: 'tooMany', n: 5 }])
  })

  it('reads row statuses from what main reported, nothing inferred', () => {
    const progress = {
      b: { status: 'done' as const },
      c: { status: 'working' as const },
      d: { status: 'cancelled' as const },
    }
    expect(itemStatuses(['a', 'b', 'c', 'd'], progress)).toEqual(['waiting', 'done', 'working', 'cancelled'])
  })
})
