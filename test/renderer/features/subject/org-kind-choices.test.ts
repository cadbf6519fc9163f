import { describe, expect, it } from 'vitest'
import {
  certTypeChoices,
  certTypeForKind,
  orgKindChoices,
} from '../../../../renderer/src/features/subject/subject-values'

describe('单位类别 and the certificate each kind holds', () => {
  it('offers the portal’s current kinds: 国防军队 and 高等院校 apart, 境外组织, not the old 军队院校', () => {
    const kinds = orgKindChoices('enterprise')
    expect(kinds).toEqual(
      expect.arrayContaining(['military', 'higher-education', 'overseas-organization', 'law-firm']),
    )
    expect(kinds).not.toContain('military-academy')
    expect(kinds[0]).toBe('enterprise')
  })

  it('keeps a stored 军队院校 visible so the user can see and change it', () => {
    expect(orgKindChoices('military-academy').at(-1)).toBe('military-academy')
  })

  it.each([
    ['military', 'military-code'],
    ['social-group', 'social-group-certificate'],
    ['private-non-enterprise', 'private-non-enterprise-certificate'],
    ['foundation', 'foundation-certificate'],
    ['law-firm', 'law-firm-licence'],
    ['public-institution', 'public-institution-certificate'],
    ['sole-proprietor', 'business-licence'],
    ['overseas-organization', 'other'],
  ] as const)('a %s is offered its %s first', (kind, cert) => {
    expect(certTypeChoices(kind, undefined)[0]).toBe(cert)
    expect(certTypeForKind(kind, undefined)).toBe(cert)
  })

  it('a 企业 is not offered a 基金会 or 军队 certificate', () => {
    expect(certTypeChoices('enterprise', undefined)).not.toContain('foundation-certificate')
    expect(certTypeChoices('enterprise', undefined)).not.toContain('military-code')
  })

  it('changing the kind keeps a certificate the new kind holds and replaces one it does not', () => {
    expect(certTypeForKind('foundation', 'uscc-certificate')).toBe('uscc-certificate')
    expect(certTypeForKind('military', 'uscc-certificate')).toBe('military-code')
    expect(certTypeForKind('enterprise', 'foundation-certificate')).toBe('uscc-certificate')
  })

  it('a stored certificate type outside the kind’s list stays visible', () => {
    expect(certTypeChoices('enterprise', 'foundation-certificate').at(-1)).toBe('foundation-certificate')
  })
})
