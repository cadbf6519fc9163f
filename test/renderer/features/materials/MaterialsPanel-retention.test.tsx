/** A slot emptied by 保留期限 says so (with the date) instead of looking never filled. */
import { cleanup, render, screen } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../../../core/model'
import { MaterialsPanel } from '../../../../renderer/src/features/materials/MaterialsPanel'
import { makeIndividual, makeMaterial, makeSite } from '../../../support/factories'

afterEach(cleanup)

describe('a slot emptied by retention', () => {
  it('shows 已按保留期限删除 with the date; a filled slot does not', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id)
    const ws: Workspace = {
      subjects: [subject],
      sites: [site],
      materials: [makeMaterial('subject', subject.id, 'principal-id-back')],
      retentionRemovals: [
        {
          id: 'rt-1',
          ownerKind: 'subject',
          ownerId: subject.id,
          slot: 'principal-id-front',
          removedOn: '2026-06-01',
          badgedOn: '2026-03-01',
        },
      ],
    }
    render(
      <AntApp>
        <MaterialsPanel site={site} subject={subject} workspace={ws} />
      </AntApp>,
    )
    expect(screen.getByTestId('slot-principal-id-front-retention').textContent).toBe(
      '已按保留期限删除（2026-06-01）',
    )
    expect(screen.getByTestId('slot-principal-id-front').dataset.status).toBe('missing')
    expect(screen.queryByTestId('slot-principal-id-back-retention')).toBeNull()
    expect(screen.queryByTestId('slot-principal-id-handheld-retention')).toBeNull()
  })
})
