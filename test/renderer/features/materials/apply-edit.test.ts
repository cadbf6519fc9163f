import { describe, expect, it, vi } from 'vitest'
import type { RequestOf, Result } from '../../../../core/api'
import type { Material } from '../../../../core/model'
import { applyEdit } from '../../../../renderer/src/features/materials/apply-edit'
import { choosePage, initialEditorState } from '../../../../renderer/src/features/materials/editor-state'
import { makeMaterial } from '../../../support/factories'

const pdf = makeMaterial('site', 'w1', 'domain-certificate', {
  id: 'm1',
  sourceFormat: 'pdf',
  sourcePages: 2,
  sourceWidth: 1240,
  sourceHeight: 1754,
})
/** Page 2 as main renders it: larger than its 800×1000 preview. */
const page2 = { ...pdf, id: 'm2', sourceWidth: 1600, sourceHeight: 2000, edit: { ...pdf.edit, pdfPage: 2 } }

function sender(answers: Result<Material>[]) {
  return vi.fn(
    async (_req: RequestOf<'materials:edit'>) => answers.shift() ?? { ok: true as const, value: page2 },
  )
}

describe('applyEdit', () => {
  const start = initialEditorState(pdf)
  const on2 = { ...start, ...choosePage(pdf, start, 2) }
  const preview = { width: 800, height: 1000 }

  it('sends one edit when the page changes without a crop', async () => {
    const send = sender([{ ok: true, value: page2 }])
    const applied = await applyEdit(pdf, on2, preview, send)
    expect(send).toHaveBeenCalledTimes(1)
    expect(send.mock.calls[0]?.[0].edit).toMatchObject({ pdfPage: 2, crop: null })
    expect(applied).toEqual({ result: { ok: true, value: page2 }, selection: null })
  })

  it('applies the page, then the crop drawn on its preview in the page’s own pixels', async () => {
    const send = sender([{ ok: true, value: page2 }])
    const drawn = { ...on2, selection: { left: 100, top: 50, width: 400, height: 500 } }
    const applied = await applyEdit(pdf, drawn, preview, send)
    expect(send.mock.calls.map(([req]) => [req.id, req.edit.pdfPage, req.edit.crop])).toEqual([
      ['m1', 2, null],
      ['m2', 2, { left: 200, top: 100, width: 800, height: 1000 }],
    ])
    expect(applied.selection).toEqual({ left: 200, top: 100, width: 800, height: 1000 })
  })

  it('stops after a failed first step and keeps the drawn selection', async () => {
    const error = { code: 'pdf/blank-page', message: 'PDF 的这一页是空白的' }
    const send = sender([{ ok: false, error }])
    const drawn = { ...on2, selection: { left: 100, top: 50, width: 400, height: 500 } }
    const applied = await applyEdit(pdf, drawn, preview, send)
    expect(send).toHaveBeenCalledTimes(1)
    expect(applied).toEqual({ result: { ok: false, error }, selection: drawn.selection })
  })
})
