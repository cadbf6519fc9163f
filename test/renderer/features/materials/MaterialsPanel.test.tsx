import { cleanup, render, screen } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImageWarningCode, SlotKey, Workspace } from '../../../../core/model'
import { MaterialsPanel } from '../../../../renderer/src/features/materials/MaterialsPanel'
import { SubjectTree } from '../../../../renderer/src/features/tree/SubjectTree'
import { makeIndividual, makeMaterial, makeSite } from '../../../support/factories'

afterEach(cleanup)

const subject = makeIndividual()
const site = makeSite(subject.id, { name: '小明的博客' })
const SLOTS: SlotKey[] = ['principal-id-front', 'principal-id-back', 'principal-id-handheld']

/** A 300×200 grey photo of a few KB in the given slots, good pictures elsewhere. */
function workspace(bad: SlotKey[], warnings: ImageWarningCode[] = ['too-small']): Workspace {
  const over = (slot: SlotKey) =>
    bad.includes(slot) ? { width: 300, height: 200, bytes: 1_000, warnings } : { width: 1600, height: 1010 }
  return {
    subjects: [subject],
    sites: [site],
    materials: [
      ...SLOTS.map((slot) => makeMaterial('subject', subject.id, slot, over(slot))),
      makeMaterial('site', site.id, 'domain-certificate', over('domain-certificate')),
    ],
  }
}

function renderBoth(ws: Workspace) {
  render(
    <AntApp>
      <SubjectTree workspace={ws} />
      <MaterialsPanel site={site} subject={subject} workspace={ws} />
    </AntApp>,
  )
}

describe('readiness on the panel and in the tree', () => {
  it('does not count too-small ID photos as ready, in both places', () => {
    renderBoth(workspace(['principal-id-front', 'principal-id-back']))
    expect(screen.getByTestId('readiness').textContent).toBe('已就绪 2/4')
    expect(screen.getByTestId(`tree-count-${site.id}`).textContent).toBe('2/4')
    expect(screen.getByTestId(`tree-count-${site.id}`).className).not.toContain('tree-count-done')
    expect(screen.getByTestId('slot-principal-id-front').dataset.status).toBe('blocked')
  })

  it('counts a picture with advisory warnings only as ready', () => {
    renderBoth(workspace(['domain-certificate'], ['blurry', 'grayscale']))
    expect(screen.getByTestId('readiness').textContent).toBe('已就绪 4/4')
    expect(screen.getByTestId(`tree-count-${site.id}`).className).toContain('tree-count-done')
  })
})
