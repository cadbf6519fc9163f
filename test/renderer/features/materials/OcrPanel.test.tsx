import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MaterialOcr } from '../../../../core/api'
import type { Material } from '../../../../core/model'
import { setErrorPresenter } from '../../../../renderer/src/api'
import { OcrPanel } from '../../../../renderer/src/features/materials/OcrPanel'
import { useOcrStore } from '../../../../renderer/src/features/materials/ocr-store'
import { slotStateKey, useWorkspaceStore } from '../../../../renderer/src/features/workspace/store'
import { makeIndividual, makeMaterial } from '../../../support/factories'
import { installBridge } from '../../support/bridge'

const subject = makeIndividual()
const target = { ownerKind: 'subject' as const, ownerId: subject.id, slot: 'principal-id-front' as const }

function setup(material: Material, turn: MaterialOcr['turn']) {
  const result: MaterialOcr = {
    materialId: material.id,
    kind: 'id-front',
    fields: { name: { value: subject.principal.name, confidence: 0.95 } },
    issues: [],
    rotated: turn !== 0,
    turn,
  }
  useWorkspaceStore.setState({ workspace: { subjects: [subject], sites: [], materials: [material] } })
  useOcrStore.setState({
    reads: { [slotStateKey(target)]: { status: 'done', materialId: material.id, result } },
  })
  render(
    <AntApp>
      <OcrPanel target={target} material={material} testPrefix="slot" />
    </AntApp>,
  )
}

let invoke: ReturnType<typeof installBridge>
beforeEach(() => {
  setErrorPresenter(() => undefined)
  invoke = installBridge(() => undefined)
})
afterEach(cleanup)

describe('OcrPanel: a picture read turned', () => {
  it('says it lies on its side and turns the stored copy upright with one click', async () => {
    const material = makeMaterial('subject', subject.id, 'principal-id-front')
    setup(material, 90)
    expect(screen.getByTestId('slot-ocr-turn').textContent).toContain('图片是横倒的')
    await act(async () => {
      fireEvent.click(screen.getByTestId('slot-ocr-turn-apply'))
    })
    expect(invoke).toHaveBeenCalledWith('materials:edit', {
      id: material.id,
      edit: { ...material.edit, rotate: 90 },
      maxBytes: material.maxBytes,
    })
  })

  it('says upside down for 180°, and sends a cropped picture to the editor instead', () => {
    const cropped = makeMaterial('subject', subject.id, 'principal-id-front', {
      edit: { rotate: 0, crop: { left: 0, top: 0, width: 100, height: 60 }, watermark: null },
    })
    setup(cropped, 180)
    expect(screen.getByTestId('slot-ocr-turn').textContent).toContain('图片是倒置的')
    expect(screen.getByTestId('slot-ocr-turn').textContent).toContain('请在“编辑”里旋转')
    expect(screen.queryByTestId('slot-ocr-turn-apply')).toBeNull()
  })

  it('says nothing about turning a picture read as it is', () => {
    setup(makeMaterial('subject', subject.id, 'principal-id-front'), 0)
    expect(screen.getByTestId('slot-ocr-panel')).toBeTruthy()
    expect(screen.queryByTestId('slot-ocr-turn')).toBeNull()
  })
})
