import { describe, expect, it } from 'vitest'
import { materialForSlot, missingSlots, requiredSlots } from '../../../core/materials/slots'
import { makeIndividual, makeMaterial, makePerson, makeSite } from '../../support/factories'

describe('requiredSlots', () => {
  it('个人 needs the ID front, back, hand-held photo and the domain certificate, in that order', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id)
    const slots = requiredSlots(subject, site)
    expect(slots.map((s) => s.label)).toEqual(['身份证正面', '身份证反面', '本人手持身份证照', '域名证书'])
    expect(slots.map((s) => s.owner)).toEqual(['subject', 'subject', 'subject', 'site'])
    expect(slots.find((s) => s.key === 'domain-certificate')?.colourRequired).toBe(true)
    expect(slots.filter((s) => s.idCard).map((s) => s.key)).toEqual(['principal-id-front', 'principal-id-back'])
  })

  it('单位 adds the unit certificate and the site security person set', () => {
    const subject = makeIndividual({ nature: 'organization', orgKind: 'enterprise', name: '某某科技有限公司' })
    const site = makeSite(subject.id)
    expect(requiredSlots(subject, site).map((s) => s.key)).toEqual([
      'subject-certificate',
      'principal-id-front',
      'principal-id-back',
      'principal-id-handheld',
      'security-id-front',
      'security-id-back',
      'security-id-handheld',
      'domain-certificate',
    ])
  })
})

describe('materialForSlot', () => {
  it('reuses the principal photos when the security person is the same person', () => {
    const subject = makeIndividual({ nature: 'organization', orgKind: 'enterprise' })
    const site = makeSite(subject.id, { securityOfficer: { sameAsPrincipal: true } })
    const front = makeMaterial('subject', subject.id, 'principal-id-front')
    const slot = requiredSlots(subject, site).find((s) => s.key === 'security-id-front')
    expect(slot && materialForSlot(slot, site, [front])).toBe(front)
    const other = makeSite(subject.id, { securityOfficer: { sameAsPrincipal: false, person: makePerson() } })
    expect(slot && materialForSlot({ ...slot, ownerId: other.id }, other, [front])).toBeUndefined()
  })

  it('lists what is still missing', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id)
    const have = [makeMaterial('subject', subject.id, 'principal-id-front'), makeMaterial('site', site.id, 'domain-certificate')]
    expect(missingSlots(subject, site, have).map((s) => s.label)).toEqual(['身份证反面', '本人手持身份证照'])
    // A material of another site does not count.
    expect(missingSlots(subject, site, [makeMaterial('site', 'other', 'domain-certificate')]).length).toBe(4)
  })
})
