import { describe, expect, it } from 'vitest'
import { materialForSlot, missingSlots, requiredSlots } from '../../../core/materials/slots'
import { CAP_CHOICES, DEFAULT_MAX_BYTES, type Subject } from '../../../core/model'
import { materialBlockingLines, materialReadiness } from '../../../core/packet/readiness'
import { makeIndividual, makeMaterial, makePerson, makeSite } from '../../support/factories'

describe('requiredSlots', () => {
  it('个人 needs the ID front, back, hand-held photo and the domain certificate, in that order', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id)
    const slots = requiredSlots(subject, site)
    expect(slots.map((s) => s.label)).toEqual(['身份证正面', '身份证反面', '本人手持身份证照', '域名证书'])
    expect(slots.map((s) => s.owner)).toEqual(['subject', 'subject', 'subject', 'site'])
    expect(slots.find((s) => s.key === 'domain-certificate')?.colourRequired).toBe(true)
    expect(slots.filter((s) => s.idCard).map((s) => s.key)).toEqual([
      'principal-id-front',
      'principal-id-back',
    ])
  })

  it('单位 adds the unit certificate and the site security person set', () => {
    const subject = makeIndividual({
      nature: 'organization',
      orgKind: 'enterprise',
      name: '某某科技有限公司',
    })
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
    const have = [
      makeMaterial('subject', subject.id, 'principal-id-front'),
      makeMaterial('site', site.id, 'domain-certificate'),
    ]
    expect(missingSlots(subject, site, have).map((s) => s.label)).toEqual(['身份证反面', '本人手持身份证照'])
    // A material of another site does not count.
    expect(missingSlots(subject, site, [makeMaterial('site', 'other', 'domain-certificate')]).length).toBe(4)
  })
})

const company = (over: Partial<Subject> = {}): Subject =>
  makeIndividual({
    nature: 'organization',
    orgKind: 'enterprise',
    name: '某某科技有限公司',
    certType: 'uscc-certificate',
    ...over,
  })
const keys = (subject: Subject, site: ReturnType<typeof makeSite>) =>
  requiredSlots(subject, site).map((s) => s.key)

describe('requiredSlots: materials that follow the answers', () => {
  it('个人 whose 网站安全负责人 is someone else adds that person’s three photos (7 slots)', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id, {
      securityOfficer: { sameAsPrincipal: false, person: makePerson({ name: '王芳' }) },
    })
    const slots = requiredSlots(subject, site)
    expect(slots.map((s) => s.label)).toEqual([
      '身份证正面',
      '身份证反面',
      '本人手持身份证照',
      '网站安全负责人身份证正面',
      '网站安全负责人身份证反面',
      '网站安全负责人手持身份证照',
      '域名证书',
    ])
    expect(
      slots
        .filter((s) => s.key.startsWith('security-'))
        .every((s) => s.owner === 'site' && s.ownerId === site.id),
    ).toBe(true)
    expect(missingSlots(subject, site, []).length).toBe(7)
  })

  it('an 应急联络人 of their own adds no slot (the portal asks no photos for that block)', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id, {
      emergencyContact: { sameAsPrincipal: false, person: makePerson({ name: '赵强' }) },
    })
    expect(keys(subject, site)).toEqual([
      'principal-id-front',
      'principal-id-back',
      'principal-id-handheld',
      'domain-certificate',
    ])
  })

  it('one permit slot per 前置许可, in a fixed order, unknown ones under 其他', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id, { preApprovals: ['医疗保健', '新闻', '网络文化', '其他'] })
    const extra = requiredSlots(subject, site).filter((s) => s.key.startsWith('permit-'))
    expect(extra.map((s) => [s.key, s.label])).toEqual([
      ['permit-news', '前置许可（新闻）证件'],
      ['permit-medical', '前置许可（医疗保健）证件'],
      ['permit-other', '前置许可（其他）证件'],
    ])
    expect(extra.every((s) => s.owner === 'site' && s.colourRequired)).toBe(true)
  })

  it('管制物品 = 是 adds its permit; 否, or a site saved before the question, does not', () => {
    const subject = makeIndividual()
    expect(
      keys(subject, makeSite(subject.id, { offersControlledGoods: true, controlledGoods: ['管制器具'] })),
    ).toContain('controlled-goods-permit')
    expect(keys(subject, makeSite(subject.id, { offersControlledGoods: false }))).not.toContain(
      'controlled-goods-permit',
    )
    expect(keys(subject, makeSite(subject.id))).not.toContain('controlled-goods-permit')
  })

  it('an interactive site needs the 安全评估报告, a non-interactive one does not', () => {
    const subject = company()
    expect(keys(subject, makeSite(subject.id, { interactive: true })).at(-1)).toBe('security-assessment')
    expect(keys(subject, makeSite(subject.id, { interactive: false }))).not.toContain('security-assessment')
  })

  it('all answers at once: 12 slots for a 单位 in portal order', () => {
    const subject = company()
    const site = makeSite(subject.id, {
      interactive: true,
      offersControlledGoods: true,
      preApprovals: ['教育', '出版'],
    })
    expect(keys(subject, site)).toEqual([
      'subject-certificate',
      'principal-id-front',
      'principal-id-back',
      'principal-id-handheld',
      'security-id-front',
      'security-id-back',
      'security-id-handheld',
      'domain-certificate',
      'permit-publishing',
      'permit-education',
      'controlled-goods-permit',
      'security-assessment',
    ])
  })

  it.each([
    ['enterprise', 'uscc-certificate', '统一社会信用代码证'],
    ['enterprise', 'business-licence', '营业执照'],
    ['public-institution', 'public-institution-certificate', '事业单位法人证书'],
    ['social-group', 'social-group-certificate', '社会团体法人登记证书'],
    ['foundation', 'foundation-certificate', '基金会法人登记证书'],
    ['law-firm', 'law-firm-licence', '律师事务所执业许可证'],
    ['other', 'other', '单位证件'],
  ] as const)('the 单位证件 slot of a %s with a %s is named %s', (orgKind, certType, label) => {
    const subject = company({ orgKind, certType })
    expect(requiredSlots(subject, makeSite(subject.id))[0]?.label).toBe(label)
  })

  it('says 主体负责人, as the portal does, on a 单位’s principal slots', () => {
    const subject = company()
    expect(
      requiredSlots(subject, makeSite(subject.id))
        .slice(1, 4)
        .map((s) => s.label),
    ).toEqual(['主体负责人身份证正面', '主体负责人身份证反面', '主体负责人手持身份证照'])
  })

  it('every slot carries the default cap, which satisfies both reported limits', () => {
    const subject = company()
    const site = makeSite(subject.id, { interactive: true })
    expect(new Set(requiredSlots(subject, site).map((s) => s.maxBytes))).toEqual(new Set([DEFAULT_MAX_BYTES]))
    expect(DEFAULT_MAX_BYTES).toBeLessThanOrEqual(400 * 1000)
    expect(CAP_CHOICES).toContain(512_000)
  })
})

describe('conditional materials block the export until provided', () => {
  it('the readiness lines list each missing conditional material, and drop it once imported', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id, {
      interactive: true,
      securityOfficer: { sameAsPrincipal: false, person: makePerson({ name: '王芳' }) },
    })
    const lines = materialBlockingLines(materialReadiness(subject, site, []))
    expect(lines).toEqual(
      expect.arrayContaining(['缺少材料：网站安全负责人手持身份证照', '缺少材料：安全评估报告']),
    )
    expect(lines.length).toBe(8)
    const report = makeMaterial('site', site.id, 'security-assessment')
    expect(materialBlockingLines(materialReadiness(subject, site, [report]))).not.toContain(
      '缺少材料：安全评估报告',
    )
  })
})
