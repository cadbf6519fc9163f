import { describe, expect, it } from 'vitest'
import type { Quad } from '../../../../core/ocr/perspective'
import type { FillItem } from '../../../../core/ocr/fill'
import {
  editRequest,
  initialEditorState,
  unchanged,
} from '../../../../renderer/src/features/materials/editor-state'
import {
  applyFill,
  applySubjectFill,
  personOfSlot,
  subjectOfCertificateSlot,
  uprightEdit,
  withPrincipal,
} from '../../../../renderer/src/features/materials/ocr-fill-apply'
import { defaultQuad, moveCorner } from '../../../../renderer/src/features/materials/quad-math'
import { makeIndividual, makeMaterial, makePerson, makeSite } from '../../../support/factories'

const QUAD: Quad = [
  { x: 100, y: 120 },
  { x: 900, y: 90 },
  { x: 940, y: 600 },
  { x: 80, y: 640 },
]

describe('editor state with a perspective edit', () => {
  const card = makeMaterial('subject', 's1', 'principal-id-front', {
    sourceWidth: 1200,
    sourceHeight: 900,
    edit: { rotate: 0, crop: { left: 10, top: 10, width: 500, height: 300 }, watermark: null },
  })

  it('sends the accepted corners and no crop; a proposal alone is never sent', () => {
    const state = initialEditorState(card)
    const proposed = { ...state, proposal: { quad: QUAD, target: 'id-card' as const } }
    expect(editRequest(card, proposed).edit.perspective).toBeUndefined()
    expect(unchanged(card, proposed)).toBe(true)
    const accepted = { ...state, perspective: { quad: QUAD, target: 'id-card' as const } }
    const req = editRequest(card, accepted)
    expect(req.edit.perspective).toEqual({ quad: QUAD, target: 'id-card' })
    expect(req.edit.crop).toBeNull()
    expect(unchanged(card, accepted)).toBe(false)
  })

  it('starts from the stored perspective, and removing it is a change', () => {
    const straightened = {
      ...card,
      edit: {
        rotate: 0 as const,
        crop: null,
        watermark: null,
        perspective: { quad: QUAD, target: 'id-card' as const },
      },
    }
    const state = initialEditorState(straightened)
    expect(state.perspective).toEqual(straightened.edit.perspective)
    expect(unchanged(straightened, state)).toBe(true)
    expect(unchanged(straightened, { ...state, perspective: null })).toBe(false)
  })
})

describe('quad dragging', () => {
  it('starts inset by 10 % and keeps a dragged corner inside the picture', () => {
    const q = defaultQuad({ width: 1000, height: 500 })
    expect(q[0]).toEqual({ x: 100, y: 50 })
    expect(q[2]).toEqual({ x: 900, y: 450 })
    const moved = moveCorner(q, 2, { x: 1200.04, y: -7 }, { width: 1000, height: 500 })
    expect(moved[2]).toEqual({ x: 1000, y: 0 })
    expect(moved[0]).toEqual(q[0])
  })
})

describe('accepting values read into the stored person', () => {
  const item = (field: FillItem['field'], value: string): FillItem => ({
    field,
    value,
    shown: value,
    confidence: 0.9,
    state: 'offer',
  })

  it('finds the principal for principal slots and the site officer for security slots', () => {
    const subject = makeIndividual()
    const officer = makePerson({ name: '王五' })
    const site = makeSite(subject.id, { securityOfficer: { sameAsPrincipal: false, person: officer } })
    const ws = { subjects: [subject], sites: [site], materials: [] }
    expect(
      personOfSlot(ws, { ownerKind: 'subject', ownerId: subject.id, slot: 'principal-id-front' })?.person,
    ).toBe(subject.principal)
    expect(personOfSlot(ws, { ownerKind: 'site', ownerId: site.id, slot: 'security-id-back' })?.person).toBe(
      officer,
    )
    expect(personOfSlot(ws, { ownerKind: 'site', ownerId: site.id, slot: 'domain-certificate' })).toBeNull()
  })

  it('writes number, expiry and the split address; a 个人 subject mirrors the holder', () => {
    const subject = makeIndividual()
    const person = applyFill(
      makePerson({ idNumber: '', idExpiry: '' }),
      [
        item('idNumber', '11010519491231002X'),
        item('idExpiry', 'long-term'),
        item('address', '北京市朝阳区示例路1号'),
      ],
      { codes: ['11', '1101', '110105'], names: ['北京市', '市辖区', '朝阳区'], detail: '示例路1号' },
    )
    expect(person.idNumber).toBe('11010519491231002X')
    expect(person.idExpiry).toBe('long-term')
    expect(person.address).toEqual({
      divisionCodes: ['11', '1101', '110105'],
      divisionNames: ['北京市', '市辖区', '朝阳区'],
      detail: '示例路1号',
    })
    const mirrored = withPrincipal(subject, person)
    expect(mirrored.certNumber).toBe('11010519491231002X')
    expect(mirrored.officeAddress).toEqual(person.address)
  })

  it('finds the 单位 of a certificate slot, never a 个人 or another slot', () => {
    const org = makeIndividual({ nature: 'organization', orgKind: 'enterprise', name: '示例科技有限公司' })
    const person = makeIndividual()
    const ws = { subjects: [org, person], sites: [], materials: [] }
    const slot = (ownerId: string, s: 'subject-certificate' | 'principal-id-front') =>
      subjectOfCertificateSlot(ws, { ownerKind: 'subject', ownerId, slot: s })
    expect(slot(org.id, 'subject-certificate')).toBe(org)
    expect(slot(person.id, 'subject-certificate')).toBeNull()
    expect(slot(org.id, 'principal-id-front')).toBeNull()
  })

  it('writes the 单位 name, credit code, representative and the split 住所', () => {
    const org = makeIndividual({ nature: 'organization', name: '', certNumber: '' })
    const next = applySubjectFill(
      org,
      [
        item('orgName', '示例科技有限公司'),
        item('certNumber', '91110108MA01ABCD1X'),
        item('representative', '张三'),
        item('officeAddress', '北京市海淀区示例路8号'),
      ],
      { codes: ['11', '1101', '110108'], names: ['北京市', '市辖区', '海淀区'], detail: '示例路8号' },
    )
    expect([next.name, next.certNumber, next.principal.name]).toEqual([
      '示例科技有限公司',
      '91110108MA01ABCD1X',
      '张三',
    ])
    expect(next.officeAddress.divisionCodes).toEqual(['11', '1101', '110108'])
    expect(next.principal.idNumber).toBe(org.principal.idNumber)
    expect(org.principal.name).not.toBe('张三')
  })
})

describe('turning a picture upright after OCR read it turned', () => {
  const edit = { rotate: 90 as const, crop: null, watermark: null }

  it('adds the turn to the stored rotation, modulo a full turn', () => {
    expect(uprightEdit(edit, 270)?.rotate).toBe(0)
    expect(uprightEdit(edit, 180)?.rotate).toBe(270)
    expect(uprightEdit({ ...edit, rotate: 0 }, 90)).toEqual({ ...edit, rotate: 90 })
  })

  it('offers nothing when no turn was needed, or when a crop would be measured in the old frame', () => {
    expect(uprightEdit(edit, 0)).toBeNull()
    expect(uprightEdit(edit, undefined)).toBeNull()
    expect(uprightEdit({ ...edit, crop: { left: 0, top: 0, width: 10, height: 10 } }, 90)).toBeNull()
  })
})
