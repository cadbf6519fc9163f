import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MaterialPreview } from '../../../../core/api'
import { NO_EDIT, type Material } from '../../../../core/model'
import { MaterialEditor } from '../../../../renderer/src/features/materials/MaterialEditor'
import { installBridge, type Answer } from '../../support/bridge'

const PIXEL =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q=='

function material(over: Partial<Material> = {}): Material {
  return {
    id: 'm1',
    ownerKind: 'subject',
    ownerId: 'sub1',
    slot: 'principal-id-front',
    sourceName: 'a.jpg',
    sourceFormat: 'jpeg',
    sourceWidth: 4000,
    sourceHeight: 2525,
    originalBytes: 3_200_000,
    edit: NO_EDIT,
    originalFile: 'o/a.jpg',
    compressedFile: 'c/a.jpg',
    bytes: 486_123,
    width: 2400,
    height: 1515,
    quality: 87,
    maxBytes: 512_000,
    sha256: 'x'.repeat(64),
    warnings: [],
    importedAt: '2026-11-28T00:00:00.000Z',
    ...over,
  }
}

const PREVIEW: MaterialPreview = {
  before: PIXEL,
  after: PIXEL,
  original: { width: 4000, height: 2525, bytes: 3_200_000, format: 'jpeg' },
  compressed: { width: 2400, height: 1515, bytes: 486_123, quality: 87 },
}

const SOURCE_OK: Answer = { ok: true, value: { url: PIXEL, width: 4000, height: 2525 } }

function install(editAnswer: (req: unknown) => Answer, sourceAnswer: Answer = SOURCE_OK) {
  return installBridge((channel, req) => {
    switch (channel) {
      case 'materials:thumbnail':
        return SOURCE_OK
      case 'materials:source':
        return sourceAnswer
      case 'materials:preview':
        return { ok: true, value: PREVIEW }
      case 'materials:edit':
        return editAnswer(req)
      default:
        return undefined
    }
  })
}

function renderEditor(m: Material, onClose = vi.fn()) {
  render(
    <AntApp>
      <MaterialEditor material={m} title="编辑：身份证正面" onClose={onClose} />
    </AntApp>,
  )
  return onClose
}

const editCalls = (invoke: ReturnType<typeof install>) =>
  invoke.mock.calls.filter(([c]) => c === 'materials:edit')

afterEach(() => {
  cleanup()
  delete window.beian
})

describe('MaterialEditor', () => {
  it('sends rotate, the 400 KB preset and the watermark in one materials:edit call', async () => {
    const invoke = install(() => ({ ok: true, value: material({ id: 'm2', maxBytes: 400_000 }) }))
    renderEditor(material({ id: 'm1-rot' }))
    const apply = screen.getByTestId('editor-apply')
    expect(apply.hasAttribute('disabled')).toBe(true) // nothing changed yet
    fireEvent.click(screen.getByTestId('editor-rotate-right'))
    fireEvent.click(screen.getByTestId('editor-cap-400'))
    fireEvent.click(screen.getByTestId('editor-watermark-switch'))
    expect(
      screen.getByText('水印覆盖证件文字是被退回的常见原因，如需添加请避开文字和头像区域。'),
    ).toBeTruthy()
    expect((screen.getByTestId('editor-watermark-text') as HTMLInputElement).value).toBe('仅供公安备案使用')
    fireEvent.click(screen.getByTestId('editor-apply'))
    await waitFor(() => expect(editCalls(invoke)).toHaveLength(1))
    expect(editCalls(invoke)[0]?.[1]).toEqual({
      id: 'm1-rot',
      edit: { rotate: 90, crop: null, watermark: '仅供公安备案使用', watermarkPlacement: 'corner' },
      maxBytes: 400_000,
    })
    await waitFor(() => expect(invoke.mock.calls.some(([c]) => c === 'workspace:load')).toBe(true))
  })

  it('offers 右下角 / 底部横条 / 满铺 once the watermark is on, the corner chosen first', async () => {
    const invoke = install(() => ({ ok: true, value: material({ id: 'm4' }) }))
    renderEditor(material({ id: 'm1-wm' }))
    const option = (p: string) => screen.getByTestId(`editor-watermark-${p}`) as HTMLButtonElement
    expect(screen.getByTestId('editor-watermark-placement').textContent).toContain('水印位置')
    expect(
      ['右下角（推荐）', '底部横条', '满铺'].map((label) => screen.getByText(label).closest('button')),
    ).toEqual([option('corner'), option('band'), option('tiled')])
    // Off by default: the choices cannot be used yet.
    expect(['corner', 'band', 'tiled'].map((p) => option(p).disabled)).toEqual([true, true, true])
    fireEvent.click(screen.getByTestId('editor-watermark-switch'))
    expect(['corner', 'band', 'tiled'].map((p) => option(p).disabled)).toEqual([false, false, false])
    expect(option('corner').getAttribute('aria-checked')).toBe('true')
    fireEvent.click(option('band'))
    expect(option('band').getAttribute('aria-checked')).toBe('true')
    expect(option('corner').getAttribute('aria-checked')).toBe('false')
    fireEvent.click(screen.getByTestId('editor-apply'))
    await waitFor(() => expect(editCalls(invoke)).toHaveLength(1))
    expect(editCalls(invoke)[0]?.[1]).toMatchObject({
      edit: { watermark: '仅供公安备案使用', watermarkPlacement: 'band' },
    })
  })

  it('keeps an old tiled watermark tiled, and applies a new placement for it', async () => {
    const invoke = install(() => ({ ok: true, value: material({ id: 'm5' }) }))
    // Stored before placements existed: text only.
    renderEditor(material({ id: 'm1-old', edit: { rotate: 0, crop: null, watermark: '仅供备案' } }))
    expect(screen.getByTestId('editor-watermark-tiled').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByTestId('editor-apply').hasAttribute('disabled')).toBe(true) // nothing changed
    fireEvent.click(screen.getByTestId('editor-watermark-corner'))
    fireEvent.click(screen.getByTestId('editor-apply'))
    await waitFor(() => expect(editCalls(invoke)).toHaveLength(1))
    expect(editCalls(invoke)[0]?.[1]).toMatchObject({
      id: 'm1-old',
      edit: { watermark: '仅供备案', watermarkPlacement: 'corner' },
    })
  })

  it('stores a keyboard-resized crop in pixels of the original', async () => {
    const invoke = install(() => ({ ok: true, value: material({ id: 'm3' }) }))
    renderEditor(material({ id: 'm1-crop' }))
    // 4000×2525 fits the 640×440 stage at 0.16: the box is 640×404; Alt+Shift+← shrinks it by 10 px.
    const rect = await screen.findByTestId('editor-crop-rect')
    fireEvent.keyDown(rect, { key: 'ArrowLeft', shiftKey: true, altKey: true })
    expect(screen.getByTestId('editor-crop-clear').hasAttribute('disabled')).toBe(false)
    fireEvent.click(screen.getByTestId('editor-apply'))
    await waitFor(() => expect(editCalls(invoke)).toHaveLength(1))
    expect(editCalls(invoke)[0]?.[1]).toMatchObject({
      edit: { rotate: 0, crop: { left: 0, top: 0, width: 3938, height: 2525 }, watermark: null },
      maxBytes: 512_000,
    })
  })

  it('keeps the dialog and the settings open and shows the Chinese error when the edit fails', async () => {
    const message = '这张图片的原图已损坏，无法重新压缩。请点击“替换”重新选择原图。'
    const invoke = install(() => ({ ok: false, error: { code: 'image/unreadable', message } }))
    const onClose = renderEditor(material({ id: 'm1-err' }))
    fireEvent.click(screen.getByTestId('editor-cap-400'))
    fireEvent.click(screen.getByTestId('editor-apply'))
    expect((await screen.findByTestId('editor-error')).textContent).toContain(message)
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByTestId('editor-cap-400').getAttribute('aria-checked')).toBe('true')
    expect(invoke.mock.calls.some(([c]) => c === 'workspace:load')).toBe(false)
  })

  it('shows main’s message in place of the picture when the original cannot be shown, and does not apply', async () => {
    const message = '这张图片的原图已损坏，无法重新压缩。请点击“替换”重新选择原图。'
    const invoke = install(() => ({ ok: true, value: material() }), {
      ok: false,
      error: { code: 'image/unreadable', message },
    })
    renderEditor(material({ id: 'm1-src' }))
    expect((await screen.findByTestId('editor-source-error')).textContent).toBe(message)
    expect(document.querySelector('[aria-busy="true"]')).toBeNull()
    fireEvent.click(screen.getByTestId('editor-cap-400'))
    expect(screen.getByTestId('editor-apply').hasAttribute('disabled')).toBe(true)
    expect(editCalls(invoke)).toHaveLength(0)
  })

  it('shows the 100 % comparison with sizes, resolution and quality', async () => {
    const invoke = install(() => ({ ok: true, value: material() }))
    renderEditor(material({ id: 'm1-cmp' }))
    await act(async () => {
      fireEvent.click(screen.getByText('100% 对比'))
    })
    const before = await screen.findByTestId('editor-preview-before')
    const after = screen.getByTestId('editor-preview-after')
    await waitFor(() => expect(before.textContent).toContain('4000×2525 px · 3200 KB · JPEG'))
    expect(after.textContent).toContain('2400×1515 px · 486 KB · 质量 87')
    expect(invoke).toHaveBeenCalledWith('materials:preview', {
      id: 'm1-cmp',
      centerX: 0.5,
      centerY: 0.5,
      size: 480,
    })
  })
})
