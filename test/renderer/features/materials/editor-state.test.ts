import { describe, expect, it } from 'vitest'
import type { Material } from '../../../../core/model'
import {
  choosePage,
  editRequest,
  frameOf,
  hasPageChoice,
  initialEditorState,
  pageCountOf,
  unchanged,
} from '../../../../renderer/src/features/materials/editor-state'
import { makeMaterial } from '../../../support/factories'

/** A 3-page PDF certificate, page 1 (A4 at 150 dpi) used, cropped. */
const pdf = (over: Partial<Material> = {}): Material =>
  makeMaterial('site', 'w1', 'domain-certificate', {
    sourceFormat: 'pdf',
    sourcePages: 3,
    sourceWidth: 1240,
    sourceHeight: 1754,
    edit: { rotate: 0, crop: { left: 100, top: 100, width: 1000, height: 700 }, watermark: null },
    ...over,
  })

describe('hasPageChoice', () => {
  it.each([
    ['a 3-page PDF', { sourceFormat: 'pdf', sourcePages: 3 }, undefined, true],
    ['a 1-page PDF', { sourceFormat: 'pdf', sourcePages: 1 }, undefined, false],
    ['a PDF stored before page counts', { sourceFormat: 'pdf' }, undefined, false],
    ['a PDF stored before page counts, main reports 3', { sourceFormat: 'pdf' }, 3, true],
    ['a PDF stored before page counts, main reports 1', { sourceFormat: 'pdf' }, 1, false],
    ['a 1-page PDF whatever main reports', { sourceFormat: 'pdf', sourcePages: 1 }, 3, false],
    ['a JPEG', { sourceFormat: 'jpeg' }, undefined, false],
    ['a JPEG whatever main reports', { sourceFormat: 'jpeg' }, 3, false],
  ] as const)('%s → %s', (_, over, reported, expected) => {
    expect(hasPageChoice(makeMaterial('site', 'w1', 'domain-certificate', over), reported)).toBe(expected)
  })
})

describe('pageCountOf', () => {
  it('prefers the stored count, then the reported one, and is 1 for images', () => {
    const material = (over: Partial<Material>) => makeMaterial('site', 'w1', 'domain-certificate', over)
    expect(pageCountOf(material({ sourceFormat: 'pdf', sourcePages: 4 }), 9)).toBe(4)
    expect(pageCountOf(material({ sourceFormat: 'pdf' }), 9)).toBe(9)
    expect(pageCountOf(material({ sourceFormat: 'pdf' }))).toBe(1)
    expect(pageCountOf(material({ sourceFormat: 'png' }), 9)).toBe(1)
  })
})

describe('choosing a PDF page', () => {
  it('starts on the page the stored edit uses', () => {
    expect(initialEditorState(pdf()).page).toBe(1)
    expect(
      initialEditorState(pdf({ edit: { rotate: 0, crop: null, watermark: null, pdfPage: 2 } })).page,
    ).toBe(2)
  })

  it('clears the crop on another page and brings the stored crop back on the stored page', () => {
    const m = pdf()
    const start = initialEditorState(m)
    const on2 = { ...start, ...choosePage(m, start, 2) }
    expect(on2).toMatchObject({ page: 2, selection: null, cropReset: true })
    const back = { ...on2, ...choosePage(m, on2, 1) }
    expect(back).toMatchObject({ page: 1, selection: start.selection, cropReset: false })
    expect(unchanged(m, back)).toBe(true)
  })

  it('says nothing was cleared when there was no crop', () => {
    const m = pdf({ edit: { rotate: 0, crop: null, watermark: null } })
    const start = initialEditorState(m)
    expect(choosePage(m, start, 3)).toEqual({ page: 3, selection: null, cropReset: false })
  })

  it('sends the page with a crop measured in that page, or none while its size is unknown', () => {
    const m = pdf()
    const start = initialEditorState(m)
    const on2 = {
      ...start,
      ...choosePage(m, start, 2),
      selection: { left: 0, top: 0, width: 50, height: 50 },
    }
    const page2 = { width: 1754, height: 1240 }
    expect(unchanged(m, on2)).toBe(false)
    expect(editRequest(m, on2, page2)).toEqual({
      id: m.id,
      edit: { rotate: 0, crop: { left: 0, top: 0, width: 50, height: 50 }, watermark: null, pdfPage: 2 },
      maxBytes: 512_000,
    })
    expect(editRequest(m, on2, null).edit.crop).toBeNull()
    expect(editRequest(m, start).edit).toEqual({ ...m.edit, pdfPage: 1 })
  })

  it('measures the selection in the stored size, or in the size main reports for another page', () => {
    const m = pdf()
    const start = initialEditorState(m)
    const shown = { width: 1754, height: 1240 }
    expect(frameOf(m, start, shown)).toEqual({ width: 1240, height: 1754 })
    expect(frameOf(m, { ...start, page: 2 }, shown)).toEqual(shown)
    expect(frameOf(m, { ...start, page: 2 }, undefined)).toBeNull()
  })

  it('leaves pdfPage out for an image and names page 1 for a one-page PDF', () => {
    const m = makeMaterial('site', 'w1', 'domain-certificate')
    expect(editRequest(m, initialEditorState(m)).edit).toEqual({ rotate: 0, crop: null, watermark: null })
    const one = pdf({ sourcePages: 1, edit: { rotate: 0, crop: null, watermark: null } })
    expect(editRequest(one, initialEditorState(one)).edit).toEqual({
      rotate: 0,
      crop: null,
      watermark: null,
      pdfPage: 1,
    })
  })
})
