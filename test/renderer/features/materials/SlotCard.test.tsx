import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SlotSpec } from '../../../../core/materials/slots'
import { NO_EDIT, type Material } from '../../../../core/model'
import { SlotCard } from '../../../../renderer/src/features/materials/SlotCard'
import { useLanguageStore } from '../../../../renderer/src/i18n'

const slot: SlotSpec = {
  key: 'principal-id-front',
  owner: 'subject',
  ownerId: 'sub1',
  label: '身份证正面',
  colourRequired: false,
  idCard: true,
}

function material(warnings: Material['warnings']): Material {
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
    width: 1600,
    height: 1010,
    quality: 80,
    maxBytes: 512_000,
    sha256: 'x'.repeat(64),
    warnings,
    importedAt: '2026-11-28T00:00:00.000Z',
  }
}

function renderCard(m: Material | undefined, extra: Partial<Parameters<typeof SlotCard>[0]> = {}) {
  const props = { slot, material: m, onPick: vi.fn(), onDropFiles: vi.fn(), onRemove: vi.fn(), ...extra }
  render(
    <AntApp>
      <SlotCard {...props} />
    </AntApp>,
  )
  return props
}

afterEach(cleanup)

describe('SlotCard', () => {
  it('shows the slot cap on an empty slot, and the material cap once filled', () => {
    renderCard(undefined, { slot: { ...slot, maxBytes: 300_000 } })
    expect(screen.getByTestId('slot-principal-id-front-cap').textContent).toContain('上限 300 KB')
    cleanup()
    renderCard(undefined)
    expect(screen.queryByTestId('slot-principal-id-front-cap')).toBeNull()
    cleanup()
    renderCard(material([]), { slot: { ...slot, maxBytes: 300_000 } })
    expect(screen.queryByTestId('slot-principal-id-front-cap')).toBeNull()
    expect(screen.getByTestId('slot-principal-id-front-quality').textContent).toContain('上限 512 KB')
  })

  it('shows which frame or page of the file was used, and nothing for a plain image', () => {
    renderCard({ ...material([]), notes: ['first-frame-only'] })
    const notes = screen.getByTestId('slot-principal-id-front-notes')
    expect(notes.textContent).toContain('只使用了第一帧')
    expect(notes.textContent).not.toContain('第一页')
    cleanup()
    renderCard({ ...material([]), notes: ['first-page-only'] })
    expect(screen.getByTestId('slot-principal-id-front-notes').textContent).toContain('只使用了第一页')
    cleanup()
    renderCard(material([]))
    expect(screen.queryByTestId('slot-principal-id-front-notes')).toBeNull()
  })

  it('renders a missing slot with the pick button and no size', () => {
    const props = renderCard(undefined)
    const card = screen.getByTestId('slot-principal-id-front')
    expect(card.dataset.status).toBe('missing')
    expect(card.textContent).toContain('缺失')
    expect(screen.queryByTestId('slot-principal-id-front-size')).toBeNull()
    fireEvent.click(screen.getByTestId('slot-principal-id-front-pick'))
    expect(props.onPick).toHaveBeenCalledOnce()
  })

  it('says where the watermark is, an old one without placement being tiled', () => {
    const edited = (edit: Material['edit']) => ({ ...material([]), edit })
    renderCard(edited({ rotate: 0, crop: null, watermark: '仅供备案', watermarkPlacement: 'band' }))
    expect(screen.getByTestId('slot-principal-id-front').textContent).toContain('水印：底部横条')
    cleanup()
    renderCard(edited({ rotate: 0, crop: null, watermark: '仅供备案' }))
    expect(screen.getByTestId('slot-principal-id-front').textContent).toContain('水印：满铺')
  })

  it('shows which page of a multi-page PDF is used, and nothing for an image or a one-page PDF', () => {
    const pdf = (over: Partial<Material>): Material => ({ ...material([]), sourceFormat: 'pdf', ...over })
    renderCard(pdf({ sourcePages: 3, edit: { ...NO_EDIT, pdfPage: 2 } }))
    expect(screen.getByTestId('slot-principal-id-front-pdf-page').textContent).toBe('PDF 第 2 / 3 页')
    cleanup()
    renderCard(pdf({ sourcePages: 2 }))
    expect(screen.getByTestId('slot-principal-id-front-pdf-page').textContent).toBe('PDF 第 1 / 2 页')
    cleanup()
    renderCard(pdf({ sourcePages: 1 }))
    expect(screen.queryByTestId('slot-principal-id-front-pdf-page')).toBeNull()
    cleanup()
    renderCard(material([]))
    expect(screen.queryByTestId('slot-principal-id-front-pdf-page')).toBeNull()
  })

  it('renders a ready slot with its size in KB and pixels', () => {
    renderCard(material([]))
    const card = screen.getByTestId('slot-principal-id-front')
    expect(card.dataset.status).toBe('ready')
    expect(card.textContent).toContain('就绪')
    expect(screen.getByTestId('slot-principal-id-front-size').textContent).toBe('486 KB')
    expect(card.textContent).toContain('1600×1010 px')
    expect(screen.getByTestId('slot-principal-id-front-quality').textContent).toContain('质量 80')
    expect(screen.getByTestId('slot-principal-id-front-quality').textContent).toContain('上限 512 KB')
    expect(screen.getByTestId('slot-principal-id-front-edit')).toBeTruthy()
  })

  it('offers no edit button for a photo shared from the person in charge', () => {
    renderCard(material([]), { shared: true })
    expect(screen.queryByTestId('slot-principal-id-front-edit')).toBeNull()
    expect(screen.getByTestId('slot-principal-id-front').textContent).toContain('同主体负责人')
  })

  it('renders an advisory slot with the Chinese reasons, still ready to export', () => {
    renderCard(material(['blurry', 'too-dark']))
    const card = screen.getByTestId('slot-principal-id-front')
    expect(card.dataset.status).toBe('advisory')
    expect(card.textContent).toContain('请检查')
    expect(card.textContent).toContain('图像模糊')
    expect(card.textContent).toContain('过暗')
    expect(card.querySelector('[data-blocking]')).toBeNull()
  })

  it('marks a too-small ID photo as unusable, not ready', () => {
    renderCard(material(['too-small', 'blurry']))
    const card = screen.getByTestId('slot-principal-id-front')
    expect(card.dataset.status).toBe('blocked')
    expect(screen.getByTestId('slot-principal-id-front-status').textContent).toBe('不可用')
    const blocking = card.querySelectorAll('[data-blocking]')
    expect(blocking).toHaveLength(1)
    expect(blocking[0]?.textContent).toContain('分辨率过低')
    expect(blocking[0]?.textContent).toContain('导出也会被拒绝')
  })

  it('names the slot in the greyscale warning', () => {
    const certificate: SlotSpec = {
      ...slot,
      key: 'subject-certificate',
      label: '单位证件',
      colourRequired: true,
      idCard: false,
    }
    renderCard({ ...material(['grayscale']), slot: 'subject-certificate' }, { slot: certificate })
    const text = screen.getByTestId('slot-subject-certificate-warnings').textContent
    expect(text).toContain('非彩色（单位证件须为彩色）')
    expect(text).not.toContain('域名证书')
  })

  it('keeps the material and shows an import error on the card', () => {
    renderCard(material([]), { error: { code: 'image/unreadable', message: '无法读取这张图片' } })
    expect(screen.getByTestId('slot-principal-id-front').dataset.status).toBe('ready')
    expect(screen.getByTestId('slot-principal-id-front-error').textContent).toContain('无法读取这张图片')
  })

  it('shows an import error in English in English mode', () => {
    useLanguageStore.setState({ language: 'en' })
    try {
      renderCard(undefined, { error: { code: 'image/heic-failed', message: '仅中文：HEIC 照片无法解码。' } })
      const text = screen.getByTestId('slot-principal-id-front-error').textContent ?? ''
      expect(text).toContain('The HEIC photo cannot be decoded')
      expect(text).not.toContain('仅中文')
    } finally {
      useLanguageStore.setState({ language: 'zh-CN' })
    }
  })

  it('accepts dropped files and prevents the default on dragover', () => {
    const props = renderCard(undefined)
    const card = screen.getByTestId('slot-principal-id-front')
    const file = new File(['x'], 'a.png', { type: 'image/png' })
    const over = fireEvent.dragOver(card, { dataTransfer: { files: [file], dropEffect: 'none' } })
    expect(over).toBe(false) // default prevented
    fireEvent.drop(card, { dataTransfer: { files: [file] } })
    expect(props.onDropFiles).toHaveBeenCalledWith([file])
  })
})
