import { describe, expect, it } from 'vitest'
import { sharedContactFindings, validateWorkspace } from '../../../core/validation'
import { makeIndividual, makePerson, makeSite, makeSubject, makeWorkspace, TODAY } from './fixtures'

describe('validateWorkspace', () => {
  it('returns nothing for a clean workspace', () => {
    expect(validateWorkspace(makeWorkspace(), TODAY)).toEqual([])
  })

  it('tags subject and site findings with their ids', () => {
    const ws = makeWorkspace({
      subjects: [makeSubject({ officePhone: '' })],
      sites: [makeSite({ serverIps: ['10.0.0.1'] })],
    })
    const out = validateWorkspace(ws, TODAY).map((x) => [x.subjectId, x.siteId, x.finding.code])
    expect(out).toEqual([
      ['sub-1', undefined, 'subject.office-phone-required'],
      ['sub-1', 'site-1', 'ip.not-public'],
    ])
  })

  it('checks the subject name against its own sites only', () => {
    const ws = makeWorkspace({
      subjects: [makeSubject({ name: '示例科技官网' }), makeSubject({ id: 'sub-2', name: '示例科技官网' })],
      sites: [makeSite()],
    })
    const hits = validateWorkspace(ws, TODAY).filter((x) => x.finding.code === 'subject.name-is-site')
    expect(hits.map((x) => x.subjectId)).toEqual(['sub-1'])
  })

  it('reports a site whose subject is missing', () => {
    const ws = makeWorkspace({ sites: [makeSite({ subjectId: 'nope' })] })
    expect(validateWorkspace(ws, TODAY).map((x) => [x.siteId, x.finding.code])).toEqual([
      ['site-1', 'workspace.site-without-subject'],
    ])
  })

  it('warns when two sites share a domain', () => {
    const ws = makeWorkspace({
      sites: [makeSite(), makeSite({ id: 'site-2', name: '第二个网站', serverIps: ['1.1.1.1'] })],
    })
    const out = validateWorkspace(ws, TODAY).map((x) => [x.siteId, x.finding.code])
    expect(out).toEqual([
      ['site-1', 'site.domain-reused'],
      ['site-2', 'site.domain-reused'],
    ])
  })
})

describe('rule 9: the same phone, e-mail or ID used by different people', () => {
  it('warns on a mobile shared by two different people, at both places', () => {
    const other = makeIndividual({ id: 'sub-2' })
    other.principal = { ...other.principal, mobile: '+86 139 1234 5670' }
    const ws = makeWorkspace({ subjects: [makeSubject(), other] })
    const out = sharedContactFindings(ws).map((x) => [x.subjectId, x.finding.field, x.finding.severity])
    expect(out).toEqual([
      ['sub-1', 'principal.mobile', 'warning'],
      ['sub-2', 'principal.mobile', 'warning'],
    ])
  })

  it('names the other person in the message', () => {
    const other = makeIndividual({ id: 'sub-2' })
    other.principal = { ...other.principal, email: 'ZhangWei@example.com' }
    const [first] = sharedContactFindings(makeWorkspace({ subjects: [makeSubject(), other] }))
    expect(first?.finding.message).toContain('李娜')
    expect(first?.finding.field).toBe('principal.email')
  })

  it('includes site persons and ID numbers', () => {
    const officer = makePerson({
      name: '王芳',
      mobile: '13612345098',
      email: 'wf@example.com',
      officePhone: '',
    })
    const site = makeSite({ securityOfficer: { sameAsPrincipal: false, person: officer } })
    const ws = makeWorkspace({ sites: [site] })
    const out = sharedContactFindings(ws).map((x) => [x.siteId, x.finding.field])
    expect(out).toEqual([
      [undefined, 'principal.idNumber'],
      ['site-1', 'securityOfficer.person.idNumber'],
    ])
  })

  it('compares office phones with mobiles too', () => {
    const other = makeIndividual({ id: 'sub-2' })
    other.principal = { ...other.principal, officePhone: '+86 139-1234-5670' }
    const out = sharedContactFindings(makeWorkspace({ subjects: [makeSubject(), other], sites: [] }))
    expect(out.map((x) => [x.subjectId, x.finding.field])).toEqual([
      ['sub-1', 'principal.mobile'],
      ['sub-2', 'principal.officePhone'],
    ])
  })

  it('does not warn when the same person appears twice', () => {
    const site = makeSite({ securityOfficer: { sameAsPrincipal: false, person: makePerson() } })
    expect(sharedContactFindings(makeWorkspace({ sites: [site] }))).toEqual([])
  })
})
