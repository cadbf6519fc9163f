import { describe, expect, it } from 'vitest'
import { siteFormPath, subjectFormPath } from '../../../../renderer/src/features/form/form-paths'
import { countErrors, fieldAlias, groupFindings } from '../../../../renderer/src/features/form/findings'

describe('form paths', () => {
  it.each([
    ['principal.idNumber', 'organization', ['principal', 'idNumber']],
    ['principal.address.detail', 'organization', ['principal', 'detail']],
    ['principal.address.divisionCodes', 'organization', ['principal', 'division']],
    ['principal.idExpiry', 'organization', ['principal', 'idExpiryDate']],
    ['officeAddress.detail', 'organization', ['officeDetail']],
    ['officeAddress.divisionCodes', 'organization', ['officeDivision']],
    ['name', 'organization', ['name']],
    ['name', 'individual', ['principal', 'name']],
    ['certNumber', 'individual', ['principal', 'idNumber']],
    ['officeAddress.detail', 'individual', ['principal', 'detail']],
  ] as const)('subject %s (%s) → %j', (field, nature, path) => {
    expect(subjectFormPath(field, nature)).toEqual(path)
  })

  it.each([
    ['serverIps.0', ['serverIps']],
    ['extraDomains.1', ['extraDomains']],
    ['accessProvider.region', ['accessProvider', 'region']],
    ['securityOfficer.person.mobile', ['security', 'mobile']],
    ['emergencyContact.person.idExpiry', ['emergency', 'idExpiryDate']],
  ] as const)('site %s → %j', (field, path) => {
    expect(siteFormPath(field)).toEqual(path)
  })
})

describe('findings grouping', () => {
  it('groups by aliased field, splits severities and drops duplicate messages', () => {
    const alias = fieldAlias([['officeAddress', 'principal.address']], ['serverIps'])
    const map = groupFindings(
      [
        { field: 'officeAddress.detail', severity: 'error', message: '请填写详细地址' },
        { field: 'principal.address.detail', severity: 'error', message: '请填写详细地址' },
        { field: 'serverIps.1', severity: 'warning', message: '私有地址' },
        { field: 'serverIps.0', severity: 'error', message: '不是IP' },
      ],
      alias,
    )
    expect(map.get('principal.address.detail')).toEqual({ errors: ['请填写详细地址'], warnings: [] })
    expect(map.get('serverIps')).toEqual({ errors: ['不是IP'], warnings: ['私有地址'] })
    expect(countErrors(map)).toBe(2)
  })
})
