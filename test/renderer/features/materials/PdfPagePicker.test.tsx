/** The PDF page choice in the material editor (MaterialEditor + PdfPagePicker) against a mocked bridge. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BeianBridge } from '../../../../core/api'
import type { Material } from '../../../../core/model'
import { MaterialEditor } from '../../../../renderer/src/features/materials/MaterialEditor'
import { makeMaterial } from '../../../support/factories'

/** Full size of each page as main reports it: page 1 portrait A4, page 2 landscape. */
const PAGE: Record<number, { width: number; height: number }> = {
  1: { width: 2262, height: 3200 },
  2: { width: 3200, height: 2000 },
  3: { width: 2262, height: 3200 },
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

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
type Source = { id: string; longSide: number; pdfPage?: number }

/** `sourceHold`: a promise the page-`n` preview waits for (to see the loading state). */
function install(edited: (req: { id: string }) => Material, sourceHold?: Promise<void>) {
  const invoke = vi.fn(async (channel: string, req?: unknown): Promise<Answer> => {
    switch (channel) {
      case 'materials:source': {
        const { pdfPage = 1 } = req as Source
        if (pdfPage !== 1 && sourceHold) await sourceHold
        const size = PAGE[pdfPage] ?? { width: 1, height: 1 }
        return { ok: true, value: { url: 'data:image/jpeg;base64,', ...size } }
      }
      case 'materials:edit':
        return { ok: true, value: edited(req as { id: string }) }
      case 'workspace:load':
        return { ok: true, value: { subjects: [], sites: [], materials: [] } }
      default:
        return { ok: false, error: { code: 'test/unexpected', message: channel } }
    }
  })
  window.beian = {
    invoke,
    on: vi.fn(() => () => undefined),
    pathsForFiles: vi.fn(),
  } as unknown as BeianBridge<File>
  return invoke
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

afterEach(() => {
  cleanup()
  delete window.beian
})

describe('PDF page choice in the editor', () => {
  it.each([
    ['an image', makeMaterial('site', 'w1', 'domain-certificate', { id: 'img1' })],
    ['a one-page PDF', pdf({ id: 'one', sourcePages: 1 })],
    ['a PDF stored without a page count', pdf({ id: 'old', sourcePages: undefined })],
  ])('is not offered for %s', async (_, m) => {
    const invoke = install(() => m)
    renderEditor(m)
    await screen.findByTestId('editor-crop-rect')
    expect(screen.queryByTestId('editor-pdf-page')).toBeNull()
    expect(calls(invoke, 'materials:source')).toEqual([{ id: m.id, longSide: 1600 }])
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
    let release = () => undefined as void
    const hold = new Promise<void>((resolve) => (release = resolve))
    const invoke = install(
      (req) => pdf({ id: `${req.id}-2`, edit: { rotate: 90, crop: null, watermark: null, pdfPage: 2 } }),
      hold,
    )
    renderEditor(pdf())
    await screen.findByTestId('editor-crop-rect')
    fireEvent.click(screen.getByTestId('editor-rotate-right'))
    fireEvent.click(screen.getByTestId('editor-cap-400'))
    fireEvent.click(screen.getByTestId('editor-pdf-page-next'))
    // Page 2 is loading: the stage says so, the rest of the editor stays usable.
    expect((await screen.findByText('正在载入第 2 页…')).closest('[aria-busy="true"]')).toBeTruthy()
    expect(screen.getByTestId('editor-cap-512').hasAttribute('disabled')).toBe(false)
    expect(calls(invoke, 'materials:source')).toContainEqual({ id: 'pdf1', longSide: 1600, pdfPage: 2 })
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
