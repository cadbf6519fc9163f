/** The PDF page choice in the material editor (MaterialEditor + PdfPagePicker) against a mocked bridge. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppError } from '../../../../core/api'
import type { Material } from '../../../../core/model'
import { MaterialEditor } from '../../../../renderer/src/features/materials/MaterialEditor'
import { PAGE_SETTLE_MS } from '../../../../renderer/src/features/materials/useSourceImage'
import { installBridge, type Answer } from '../../support/bridge'
import { makeMaterial } from '../../../support/factories'
import { imageErrorMessage } from '../../../../electron/main/services/images/errors'

/** Full size of each page as main reports it: page 2 landscape, the others portrait A4. */
const PAGE: Record<number, { width: number; height: number }> = {
  2: { width: 3200, height: 2000 },
}
const A4 = { width: 2262, height: 3200 }
/** Each page's picture is told apart by its URL. */
const urlOf = (page: number) => `data:image/jpeg;base64,page${page}`

const BLANK: AppError = {
  code: 'pdf/blank-page',
  message: imageErrorMessage('pdf/blank-page'),
}
const OUT_OF_RANGE: AppError = {
  code: 'pdf/page-out-of-range',
  message: '所选页码超出 PDF 的页数范围。请重新选择页码。',
}

const pdf = (over: Partial<Material> = {}): Material =>
  makeMaterial('site', 'w1', 'domain-certificate', {
    id: 'pdf1',
    sourceName: '域名证书.pdf',
    sourceFormat: 'pdf',
    sourcePages: 3,
    sourceWidth: 2262,
    sourceHeight: 3200,
    edit: { rotate: 0, crop: { left: 100, top: 100, width: 2000, height: 1400 }, watermark: null },
    ...over,
  })

type Source = { id: string; longSide: number; pdfPage?: number }

type SourceOptions = {
  /** What the page-`n` picture waits for before main answers (to see the loading state). */
  hold?: (page: number) => Promise<void> | undefined
  /** Pages main cannot show, with its error. */
  fail?: Record<number, AppError>
  /** The page count main reports (undefined: as main did before it reported one). */
  pages?: number
}

function install(edited: (req: { id: string }) => Material, source: SourceOptions = {}) {
  return installBridge(async (channel, req): Promise<Answer | undefined> => {
    switch (channel) {
      case 'materials:source': {
        const { pdfPage = 1 } = req as Source
        await source.hold?.(pdfPage)
        const error = source.fail?.[pdfPage]
        if (error) return { ok: false, error }
        const pages = source.pages === undefined ? {} : { pages: source.pages }
        return { ok: true, value: { url: urlOf(pdfPage), ...(PAGE[pdfPage] ?? A4), ...pages } }
      }
      case 'materials:edit':
        return { ok: true, value: edited(req as { id: string }) }
      default:
        return undefined
    }
  })
}

function renderEditor(m: Material) {
  render(
    <AntApp>
      <MaterialEditor material={m} title="编辑：域名证书" onClose={vi.fn()} />
    </AntApp>,
  )
}

const calls = (invoke: ReturnType<typeof install>, channel: string) =>
  invoke.mock.calls.filter(([c]) => c === channel).map(([, req]) => req)

/** A promise the test settles. */
function deferred() {
  let release = () => undefined as void
  const promise = new Promise<void>((resolve) => (release = resolve))
  return { promise, release }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const stageImage = () => screen.getByTestId('editor-crop-stage').querySelector('img')?.getAttribute('src')

afterEach(() => {
  cleanup()
  delete window.beian
})

describe('PDF page choice in the editor', () => {
  it.each([
    ['an image', makeMaterial('site', 'w1', 'domain-certificate', { id: 'img1' }), {}, {}],
    ['a one-page PDF', pdf({ id: 'one', sourcePages: 1 }), { pages: 1 }, { pdfPage: 1 }],
    [
      'a PDF stored without a page count, main reporting none',
      pdf({ id: 'old', sourcePages: undefined }),
      {},
      { pdfPage: 1 },
    ],
    [
      'a one-page PDF stored without a page count',
      pdf({ id: 'old1', sourcePages: undefined }),
      { pages: 1 },
      { pdfPage: 1 },
    ],
  ])('is not offered for %s', async (_, m, source, page) => {
    const invoke = install(() => m, source)
    renderEditor(m)
    await screen.findByTestId('editor-crop-rect')
    expect(screen.queryByTestId('editor-pdf-page')).toBeNull()
    expect(calls(invoke, 'materials:source')).toEqual([{ id: m.id, longSide: 1600, ...page }])
  })

  it('is offered for a PDF stored before page counts once main reports its pages', async () => {
    const old = pdf({ id: 'old', sourcePages: undefined })
    const invoke = install(() => old, { pages: 3 })
    renderEditor(old)
    // The stored page is asked for on opening; its answer carries the page count.
    await screen.findByTestId('editor-pdf-page')
    expect(screen.getByTestId('editor-pdf-page-count').textContent).toBe('共 3 页')
    expect(calls(invoke, 'materials:source')).toEqual([{ id: 'old', longSide: 1600, pdfPage: 1 }])
    fireEvent.click(screen.getByTestId('editor-pdf-page-next'))
    // The picker stays while page 2 loads (the count is remembered), then page 2 is shown.
    expect(within(screen.getByTestId('editor-pdf-page')).getByText('第 2 页')).toBeTruthy()
    await waitFor(() => expect(stageImage()).toBe(urlOf(2)))
    expect(calls(invoke, 'materials:source')).toContainEqual({ id: 'old', longSide: 1600, pdfPage: 2 })
  })

  it('shows the page used and the page count, with the hint', async () => {
    install(() => pdf())
    renderEditor(pdf())
    const picker = await screen.findByTestId('editor-pdf-page')
    expect(picker.textContent).toContain('PDF 页码')
    expect(picker.textContent).toContain('第 1 页')
    expect(screen.getByTestId('editor-pdf-page-count').textContent).toBe('共 3 页')
    expect(picker.textContent).toContain('证书通常在第 1 页；如果第 1 页是封面或说明，请选择证书所在的页。')
    expect(screen.getByTestId('editor-pdf-page-prev').hasAttribute('disabled')).toBe(true)
    expect(screen.getByLabelText('下一页').hasAttribute('disabled')).toBe(false)
    expect(screen.queryByTestId('editor-pdf-page-reset')).toBeNull()
  })

  it('loads the chosen page, clears the crop, keeps the other settings and applies the page', async () => {
    const { promise, release } = deferred()
    const invoke = install(
      (req) => pdf({ id: `${req.id}-2`, edit: { rotate: 90, crop: null, watermark: null, pdfPage: 2 } }),
      { hold: (page) => (page === 2 ? promise : undefined) },
    )
    renderEditor(pdf())
    await screen.findByTestId('editor-crop-rect')
    fireEvent.click(screen.getByTestId('editor-rotate-right'))
    fireEvent.click(screen.getByTestId('editor-cap-400'))
    fireEvent.click(screen.getByTestId('editor-pdf-page-next'))
    // Page 2 is loading: the stage says so, the rest of the editor stays usable.
    expect((await screen.findByText('正在载入第 2 页…')).closest('[aria-busy="true"]')).toBeTruthy()
    expect(screen.getByTestId('editor-cap-512').hasAttribute('disabled')).toBe(false)
    await waitFor(() =>
      expect(calls(invoke, 'materials:source')).toContainEqual({ id: 'pdf1', longSide: 1600, pdfPage: 2 }),
    )
    release()
    await screen.findByTestId('editor-crop-rect')
    expect(within(screen.getByTestId('editor-pdf-page')).getByText('第 2 页')).toBeTruthy()
    expect(screen.getByTestId('editor-pdf-page-reset').textContent).toBe(
      '换了页码，原来的裁剪已清除；如需裁剪，请在这一页上重新框选。',
    )
    expect(screen.getByTestId('editor-crop-clear').hasAttribute('disabled')).toBe(true)
    expect(screen.getByTestId('editor-cap-400').getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByTestId('editor-apply'))
    await waitFor(() => expect(calls(invoke, 'materials:edit')).toHaveLength(1))
    expect(calls(invoke, 'materials:edit')[0]).toEqual({
      id: 'pdf1',
      edit: { rotate: 90, crop: null, watermark: null, pdfPage: 2 },
      maxBytes: 400_000,
    })
    // Applied: the note about the cleared crop has done its job.
    await waitFor(() => expect(screen.queryByTestId('editor-pdf-page-reset')).toBeNull())
  })

  it('applies a crop drawn on a page not applied yet in one call, in that page’s own pixels', async () => {
    // Main reports page 2 as 3200×2000 (its preview is smaller; the crop is measured in the page).
    const page2 = (id: string) =>
      pdf({
        id: `${id}-2`,
        sourceWidth: 3200,
        sourceHeight: 2000,
        edit: { rotate: 0, crop: null, watermark: null, pdfPage: 2 },
      })
    const invoke = install((req) => page2(req.id))
    renderEditor(pdf())
    await screen.findByTestId('editor-crop-rect')
    fireEvent.click(screen.getByTestId('editor-pdf-page-next'))
    await waitFor(() => expect(screen.getByTestId('editor-crop-stage').style.width).toBe('640px'))
    // 3200×2000 fits 640×440 at 0.2: Alt+Shift+← takes 10 display px = 50 page px off the right.
    fireEvent.keyDown(screen.getByTestId('editor-crop-rect'), {
      key: 'ArrowLeft',
      shiftKey: true,
      altKey: true,
    })
    expect(screen.queryByTestId('editor-pdf-page-reset')).toBeNull()
    // The size is known before applying: main reported the page's own size.
    expect(screen.getByText('裁剪后 3150×2000 像素（原图像素）')).toBeTruthy()
    fireEvent.click(screen.getByTestId('editor-apply'))
    await waitFor(() => expect(calls(invoke, 'materials:edit')).toHaveLength(1))
    expect(calls(invoke, 'materials:edit')).toEqual([
      {
        id: 'pdf1',
        edit: {
          rotate: 0,
          crop: { left: 0, top: 0, width: 3150, height: 2000 },
          watermark: null,
          pdfPage: 2,
        },
        maxBytes: 512_000,
      },
    ])
  })

  it.each([
    ['a blank page', BLANK],
    ['a page beyond the PDF', OUT_OF_RANGE],
  ])('shows main’s message for %s, keeps the picker usable and does not apply it', async (_, error) => {
    const invoke = install(() => pdf(), { fail: { 2: error } })
    renderEditor(pdf())
    await screen.findByTestId('editor-crop-rect')
    fireEvent.click(screen.getByTestId('editor-pdf-page-next'))
    const alert = await screen.findByTestId('editor-source-error')
    expect(alert.textContent).toBe(error.message)
    expect(screen.queryByText('正在载入第 2 页…')).toBeNull()
    expect(screen.queryByTestId('editor-crop-rect')).toBeNull()
    expect(screen.getByTestId('editor-apply').hasAttribute('disabled')).toBe(true)
    // Another page can be chosen, and it loads and can be applied.
    expect(screen.getByTestId('editor-pdf-page-next').hasAttribute('disabled')).toBe(false)
    fireEvent.click(screen.getByTestId('editor-pdf-page-next'))
    await screen.findByTestId('editor-crop-rect')
    expect(stageImage()).toBe(urlOf(3))
    expect(screen.queryByTestId('editor-source-error')).toBeNull()
    expect(screen.getByTestId('editor-apply').hasAttribute('disabled')).toBe(false)
    fireEvent.click(screen.getByTestId('editor-apply'))
    await waitFor(() => expect(calls(invoke, 'materials:edit')).toHaveLength(1))
    expect(calls(invoke, 'materials:edit')[0]).toMatchObject({ edit: { pdfPage: 3 } })
  })

  it('asks main only for the page where quick paging stops, while the picker follows each click', async () => {
    const six = pdf({ sourcePages: 6 })
    const invoke = install(() => six)
    renderEditor(six)
    await screen.findByTestId('editor-crop-rect')
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByTestId('editor-pdf-page-next'))
    expect(within(screen.getByTestId('editor-pdf-page')).getByText('第 6 页')).toBeTruthy()
    expect(screen.getByText('正在载入第 6 页…')).toBeTruthy()
    await waitFor(() => expect(stageImage()).toBe(urlOf(6)))
    await act(() => sleep(PAGE_SETTLE_MS * 2))
    expect(calls(invoke, 'materials:source')).toEqual([
      { id: 'pdf1', longSide: 1600, pdfPage: 1 },
      { id: 'pdf1', longSide: 1600, pdfPage: 6 },
    ])
  })

  it('never shows a late answer for an earlier page in place of the page now chosen', async () => {
    const two = deferred()
    const three = deferred()
    const invoke = install(() => pdf(), {
      hold: (page) => (page === 2 ? two.promise : page === 3 ? three.promise : undefined),
    })
    renderEditor(pdf())
    await screen.findByTestId('editor-crop-rect')
    fireEvent.click(screen.getByTestId('editor-pdf-page-next'))
    await waitFor(() =>
      expect(calls(invoke, 'materials:source')).toContainEqual({ id: 'pdf1', longSide: 1600, pdfPage: 2 }),
    )
    fireEvent.click(screen.getByTestId('editor-pdf-page-next'))
    await waitFor(() =>
      expect(calls(invoke, 'materials:source')).toContainEqual({ id: 'pdf1', longSide: 1600, pdfPage: 3 }),
    )
    // Page 2 (landscape) answers after the user moved on: page 3 is still loading.
    await act(async () => two.release())
    expect(screen.getByText('正在载入第 3 页…')).toBeTruthy()
    expect(screen.queryByTestId('editor-crop-rect')).toBeNull()
    await act(async () => three.release())
    await screen.findByTestId('editor-crop-rect')
    expect(stageImage()).toBe(urlOf(3))
    // 2262×3200 fits 640×440 by its height: the stage is portrait, not page 2's 640 px wide.
    expect(screen.getByTestId('editor-crop-stage').style.height).toBe('440px')
    expect(parseFloat(screen.getByTestId('editor-crop-stage').style.width)).toBeLessThan(320)
  })

  it('picks a page from the list with the keyboard', async () => {
    const invoke = install(() => pdf())
    renderEditor(pdf())
    await screen.findByTestId('editor-crop-rect')
    const combo = within(screen.getByTestId('editor-pdf-page')).getByRole('combobox')
    expect(document.getElementById(combo.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('PDF 页码')
    combo.focus()
    // rc-select reads keyCode: ↓ opens the list on 第 1 页, ↓↓ moves to 第 3 页, Enter picks it.
    const press = (key: string, keyCode: number) => fireEvent.keyDown(combo, { key, keyCode, which: keyCode })
    press('ArrowDown', 40)
    await screen.findByRole('listbox')
    press('ArrowDown', 40)
    press('ArrowDown', 40)
    expect(combo.getAttribute('aria-activedescendant')).toMatch(/_2$/)
    press('Enter', 13)
    await waitFor(() =>
      expect(calls(invoke, 'materials:source')).toContainEqual({ id: 'pdf1', longSide: 1600, pdfPage: 3 }),
    )
    expect(screen.getByTestId('editor-pdf-page-next').hasAttribute('disabled')).toBe(true)
  })

  it('opens on the page a saved edit uses', async () => {
    const m = pdf({
      edit: { rotate: 0, crop: null, watermark: null, pdfPage: 2 },
      sourceWidth: 3200,
      sourceHeight: 2000,
    })
    const invoke = install(() => m)
    renderEditor(m)
    await screen.findByTestId('editor-crop-rect')
    expect(within(screen.getByTestId('editor-pdf-page')).getByText('第 2 页')).toBeTruthy()
    expect(calls(invoke, 'materials:source')).toEqual([{ id: 'pdf1', longSide: 1600, pdfPage: 2 }])
    expect(screen.getByTestId('editor-apply').hasAttribute('disabled')).toBe(true)
    fireEvent.click(screen.getByTestId('editor-pdf-page-prev'))
    await waitFor(() =>
      expect(calls(invoke, 'materials:source')).toContainEqual({ id: 'pdf1', longSide: 1600, pdfPage: 1 }),
    )
    expect(screen.getByTestId('editor-apply').hasAttribute('disabled')).toBe(false)
  })
})
