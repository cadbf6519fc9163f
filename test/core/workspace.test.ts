import { describe, expect, it } from 'vitest'
import {
  deleteSite,
  deleteSubject,
  placeMaterial,
  removeMaterial,
  upsertSite,
  upsertSubject,
} from '../../core/workspace'
import type { Workspace } from '../../core/model'
import { makeIndividual, makeMaterial, makeSite } from '../support/factories'

const empty: Workspace = { subjects: [], sites: [], materials: [] }

describe('workspace edits', () => {
  it('upserts by id without duplicating', () => {
    const subject = makeIndividual()
    const once = upsertSubject(empty, subject)
    const twice = upsertSubject(once, { ...subject, name: '王五' })
    expect(twice.subjects).toHaveLength(1)
    expect(twice.subjects[0]?.name).toBe('王五')
    expect(empty.subjects).toHaveLength(0)
  })

  it('deleting a subject removes its sites and every material they own', () => {
    const a = makeIndividual()
    const b = makeIndividual()
    const siteA = makeSite(a.id)
    const siteB = makeSite(b.id)
    let ws = upsertSite(upsertSite(upsertSubject(upsertSubject(empty, a), b), siteA), siteB)
    const mats = [
      makeMaterial('subject', a.id, 'principal-id-front'),
      makeMaterial('site', siteA.id, 'domain-certificate'),
      makeMaterial('site', siteB.id, 'domain-certificate'),
    ]
    ws = { ...ws, materials: mats }
    const edit = deleteSubject(ws, a.id)
    expect(edit.workspace.subjects.map((s) => s.id)).toEqual([b.id])
    expect(edit.workspace.sites.map((s) => s.id)).toEqual([siteB.id])
    expect(edit.workspace.materials).toEqual([mats[2]])
    expect(new Set(edit.removedMaterials)).toEqual(new Set([mats[0], mats[1]]))
    expect(deleteSite(ws, siteB.id).removedMaterials).toEqual([mats[2]])
  })

  it('placing a material replaces the one in the same slot and reports it', () => {
    const first = makeMaterial('site', 'w1', 'domain-certificate')
    const second = makeMaterial('site', 'w1', 'domain-certificate')
    const other = makeMaterial('site', 'w2', 'domain-certificate')
    const edit = placeMaterial({ ...empty, materials: [first, other] }, second)
    expect(edit.workspace.materials).toEqual([other, second])
    expect(edit.removedMaterials).toEqual([first])
    expect(removeMaterial(edit.workspace, second.id).workspace.materials).toEqual([other])
  })
})
