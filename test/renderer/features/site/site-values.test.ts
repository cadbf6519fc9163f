import { describe, expect, it } from 'vitest'
import { siteSchema } from '../../../../core/schemas'
import {
  emptySiteValues,
  siteFromValues,
  valuesFromSite,
} from '../../../../renderer/src/features/site/site-values'

const identity = { id: 'site_1', subjectId: 'subj_1' }

describe('site values', () => {
  it('fills schema-valid defaults when only name and domain are typed', () => {
    const site = siteFromValues(
      { name: '小明的博客', mainDomain: ' example-blog.cn ' },
      emptySiteValues(),
      identity,
    )
    expect(siteSchema.safeParse(site).success).toBe(true)
    expect(site).toMatchObject({
      subjectId: 'subj_1',
      mainDomain: 'example-blog.cn',
      hasOwnDomain: true,
      securityOfficer: { sameAsPrincipal: true },
      emergencyContact: { sameAsPrincipal: true },
      languages: ['中文简体'],
    })
  })

  it('cleans lists and keeps a separate security officer', () => {
    const base = emptySiteValues()
    const site = siteFromValues(
      {
        extraDomains: ['a.cn', ' a.cn ', '', 'b.cn'],
        serverIps: ['203.0.113.8'],
        securitySame: false,
        security: { ...base.security, name: '王五', mobile: '13958203746' },
      },
      base,
      identity,
    )
    expect(site.extraDomains).toEqual(['a.cn', 'b.cn'])
    expect(site.securityOfficer).toMatchObject({ sameAsPrincipal: false, person: { name: '王五' } })
    expect(siteSchema.safeParse(site).success).toBe(true)
    const again = siteFromValues(valuesFromSite(site), base, identity)
    expect({ ...again, updatedAt: '', createdAt: '' }).toEqual({ ...site, updatedAt: '', createdAt: '' })
  })

  it('uses the home URL instead of domains when there is no own domain', () => {
    const site = siteFromValues(
      { hasOwnDomain: false, homeUrl: 'https://host.example.com/~me', extraDomains: ['x.cn'] },
      emptySiteValues(),
      identity,
    )
    expect(site.homeUrl).toBe('https://host.example.com/~me')
    expect(site.extraDomains).toEqual([])
  })
})
