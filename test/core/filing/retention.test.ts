import { describe, expect, it } from 'vitest'
import type { FilingEvent } from '../../../core/filing/events'
import {
  badgedOn,
  retentionChoiceSchema,
  retentionDue,
  retentionEdit,
  retentionRemovalFor,
} from '../../../core/filing/retention'
import type { Material, SlotKey, Workspace } from '../../../core/model'
import { placeMaterial, deleteSite } from '../../../core/workspace'
import { makeIndividual, makeMaterial, makePerson, makeSite, makeSiteEvent } from '../../support/factories'

/** Submitted, filed, then badged on `date`. */
const badged = (siteId: string, date: string): FilingEvent[] => [
  makeSiteEvent(siteId, 'submitted', '2026-01-05'),
  makeSiteEvent(siteId, 'filed', '2026-01-10'),
  makeSiteEvent(siteId, 'badged', date),
]

const ID_SLOTS: SlotKey[] = ['principal-id-front', 'principal-id-back', 'principal-id-handheld']

/** One 个人 subject with two sites (A badged 2026-03-01, B badged 2026-05-01); B has its own security person. */
function workspace(): {
  ws: Workspace
  principalPhotos: Material[]
  securityPhoto: Material
  cert: Material
} {
  const subject = makeIndividual()
  const a = makeSite(subject.id, { name: '站点甲' })
  const b = makeSite(subject.id, {
    name: '站点乙',
    securityOfficer: { sameAsPrincipal: false, person: makePerson({ name: '王安全' }) },
  })
  const principalPhotos = ID_SLOTS.map((slot) => makeMaterial('subject', subject.id, slot))
  const securityPhoto = makeMaterial('site', b.id, 'security-id-front')
  const cert = makeMaterial('site', a.id, 'domain-certificate')
  const ws: Workspace = {
    subjects: [subject],
    sites: [a, b],
    materials: [...principalPhotos, securityPhoto, cert],
    filingEvents: [...badged(a.id, '2026-03-01'), ...badged(b.id, '2026-05-01')],
  }
  return { ws, principalPhotos, securityPhoto, cert }
}

const ids = (list: { materialId: string }[]) => list.map((d) => d.materialId).sort()

describe('retentionDue', () => {
  it('lists nothing when the setting is off', () => {
    const { ws } = workspace()
    expect(retentionDue(ws, undefined, '2030-01-01')).toEqual([])
    expect(retentionDue(ws, 0, '2030-01-01')).toEqual([])
  })

  it('counts a shared photo from the last site to be badged, and is due from the boundary day on', () => {
    const { ws, principalPhotos, securityPhoto } = workspace()
    // Site B's own security photo: B badged 2026-05-01 + 30 = 2026-05-31.
    expect(retentionDue(ws, 30, '2026-05-30')).toEqual([])
    const due = retentionDue(ws, 30, '2026-05-31')
    expect(ids(due)).toEqual(ids([...principalPhotos, securityPhoto].map((m) => ({ materialId: m.id }))))
    const front = due.find((d) => d.slot === 'principal-id-front')
    expect(front).toMatchObject({ label: '身份证正面', badgedOn: '2026-05-01', dueOn: '2026-05-31' })
    expect(front?.uses.map((u) => [u.siteName, u.badgedOn])).toEqual([
      ['站点甲', '2026-03-01'],
      ['站点乙', '2026-05-01'],
    ])
    expect(due.find((d) => d.slot === 'security-id-front')).toMatchObject({
      personName: '王安全',
      label: '网站安全负责人身份证正面',
      uses: [{ siteName: '站点乙', badgedOn: '2026-05-01' }],
    })
  })

  it('keeps a shared photo while any site using it is not badged', () => {
    const { ws } = workspace()
    const subject = ws.subjects[0]!
    const c = makeSite(subject.id, { name: '站点丙' })
    const withC: Workspace = {
      ...ws,
      sites: [...ws.sites, c],
      filingEvents: [...(ws.filingEvents ?? []), makeSiteEvent(c.id, 'submitted', '2026-02-01')],
    }
    const due = retentionDue(withC, 30, '2027-01-01')
    expect(due.map((d) => d.slot)).toEqual(['security-id-front'])
  })

  it('keeps the photos of a site whose badge is no longer in force (a change under way)', () => {
    const { ws } = workspace()
    const b = ws.sites[1]!
    const changed: Workspace = {
      ...ws,
      filingEvents: [...(ws.filingEvents ?? []), makeSiteEvent(b.id, 'change', '2026-06-01')],
    }
    expect(badgedOn(changed, b.id)).toBeNull()
    expect(retentionDue(changed, 30, '2027-01-01')).toEqual([])
  })

  it('never lists a certificate, and nothing of a subject without sites', () => {
    const { ws, cert } = workspace()
    const due = retentionDue(ws, 30, '2030-01-01')
    expect(due.map((d) => d.materialId)).not.toContain(cert.id)
    expect(due.every((d) => !d.slot.includes('certificate'))).toBe(true)
    const lone = makeIndividual()
    const alone: Workspace = {
      subjects: [lone],
      sites: [],
      materials: [makeMaterial('subject', lone.id, 'principal-id-front')],
    }
    expect(retentionDue(alone, 30, '2030-01-01')).toEqual([])
  })
})

describe('retentionEdit', () => {
  it('removes only confirmed ids that are due and leaves a note in their slot', () => {
    const { ws, principalPhotos, securityPhoto, cert } = workspace()
    const front = principalPhotos[0]!
    const edit = retentionEdit(ws, [front.id, cert.id, securityPhoto.id], 30, '2026-05-31')
    expect(edit.removedMaterials.map((m) => m.id).sort()).toEqual([front.id, securityPhoto.id].sort())
    expect(edit.workspace.materials.map((m) => m.id)).toContain(cert.id)
    expect(retentionRemovalFor(edit.workspace, front, 'principal-id-front')).toMatchObject({
      removedOn: '2026-05-31',
      badgedOn: '2026-05-01',
    })
    // Not yet due: nothing happens.
    expect(retentionEdit(ws, [front.id], 30, '2026-05-30').removedMaterials).toEqual([])
    // Setting off: nothing happens.
    expect(retentionEdit(ws, [front.id], 0, '2030-01-01').removedMaterials).toEqual([])
  })

  it('drops the note when a new photo fills the slot or the owner is deleted', () => {
    const { ws, principalPhotos, securityPhoto } = workspace()
    const front = principalPhotos[0]!
    const after = retentionEdit(ws, [front.id, securityPhoto.id], 30, '2026-06-01').workspace
    const again = placeMaterial(after, makeMaterial('subject', front.ownerId, 'principal-id-front')).workspace
    expect(retentionRemovalFor(again, front, 'principal-id-front')).toBeUndefined()
    expect(again.retentionRemovals).toHaveLength(1)
    const siteGone = deleteSite(again, securityPhoto.ownerId).workspace
    expect(siteGone.retentionRemovals).toEqual([])
  })

  it('leaves a workspace without notes without the field', () => {
    const { ws, principalPhotos } = workspace()
    expect('retentionRemovals' in placeMaterial(ws, principalPhotos[0]!).workspace).toBe(false)
  })
})

describe('retentionChoiceSchema', () => {
  it.each([0, 30, 90, 180, 365])('accepts %i', (d) =>
    expect(retentionChoiceSchema.safeParse(d).success).toBe(true),
  )
  it.each([1, 29, -30, 366, 30.5, '30'])('refuses %s', (d) =>
    expect(retentionChoiceSchema.safeParse(d).success).toBe(false),
  )
})
