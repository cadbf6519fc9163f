import { describe, expect, it } from 'vitest'
import { generateResidentId, validatePerson } from '../../../core/validation'
import { ADULT_ID, codes, makePerson, MINOR_ID, OLD_ID, TODAY } from './fixtures'

describe('validatePerson', () => {
  it('accepts a complete adult principal', () => {
    expect(validatePerson(makePerson(), 'principal', TODAY)).toEqual([])
  })

  it.each([
    [{ name: '' }, 'person.name-required', 'name'],
    [{ name: '张3' }, 'person.name-shape', 'name'],
    [{ idNumber: '' }, 'person.id-required', 'idNumber'],
    [
      { idNumber: `${ADULT_ID.slice(0, 17)}${ADULT_ID[17] === '1' ? '2' : '1'}` },
      'resident-id.checksum',
      'idNumber',
    ],
    [{ idExpiry: '' }, 'person.expiry-required', 'idExpiry'],
    [{ idExpiry: '2030-13-01' }, 'person.expiry-format', 'idExpiry'],
    [{ idExpiry: '2026-11-27' }, 'person.id-expired', 'idExpiry'],
    [{ mobile: '' }, 'phone.required', 'mobile'],
    [{ mobile: '010-62345678' }, 'phone.not-mobile', 'mobile'],
    [{ mobile: '13800138000' }, 'phone.fake', 'mobile'],
    [{ email: 'bad' }, 'email.format', 'email'],
    [{ officePhone: '' }, 'person.office-phone-required', 'officePhone'],
    [{ officePhone: '010-00000000' }, 'phone.fake', 'officePhone'],
  ])('%o → %s', (over, code, field) => {
    const f = validatePerson(makePerson(over), 'principal', TODAY)
    expect(f.map((x) => [x.code, x.field])).toContainEqual([code, field])
  })

  it('warns when the ID expires within 30 days', () => {
    const f = validatePerson(makePerson({ idExpiry: '2026-12-20' }), 'principal', TODAY)
    expect(f.map((x) => [x.code, x.severity])).toEqual([['person.id-expiring', 'warning']])
  })

  it('expiry today is still valid', () => {
    expect(codes(validatePerson(makePerson({ idExpiry: TODAY }), 'principal', TODAY))).toEqual([
      'person.id-expiring',
    ])
  })

  describe('names as the ID document prints them', () => {
    it.each([
      'José Álvarez',
      'Zoë Müller',
      'Søren Ørsted',
      'Nguyễn Văn An',
      'Иван Петров',
      '김민준',
      '阿依古丽.买买提',
    ])('%s is accepted for a passport holder', (name) => {
      const p = makePerson({ name, idType: 'passport', idNumber: 'E12345678' })
      expect(validatePerson(p, 'security', TODAY)).toEqual([])
    })

    it.each(['José 2', 'Zoë_Müller', '张Wei'])('%s is refused with the name-shape message', (name) => {
      const f = validatePerson(makePerson({ name }), 'security', TODAY)
      expect(codes(f)).toEqual(['person.name-shape'])
    })
  })

  describe('长期 validity', () => {
    it('is accepted on a resident ID of a person aged 46 or more', () => {
      expect(
        validatePerson(makePerson({ idNumber: OLD_ID, idExpiry: 'long-term' }), 'principal', TODAY),
      ).toEqual([])
    })

    it('is accepted from the 46th birthday on, refused the day before (IDs with hand-computed check characters)', () => {
      const turns46Today = makePerson({ idNumber: '11010519801128001X', idExpiry: 'long-term' })
      const turns46Tomorrow = makePerson({ idNumber: '110105198011290015', idExpiry: 'long-term' })
      expect(validatePerson(turns46Today, 'principal', TODAY)).toEqual([])
      expect(codes(validatePerson(turns46Tomorrow, 'principal', TODAY))).toEqual([
        'person.expiry-long-term-age',
      ])
    })

    it('is refused on a resident ID of a person under 46', () => {
      expect(codes(validatePerson(makePerson({ idExpiry: 'long-term' }), 'principal', TODAY))).toEqual([
        'person.expiry-long-term-age',
      ])
    })

    it.each([
      'passport',
      'residence-permit',
      'temporary-resident-id',
      'hk-passport',
      'macao-passport',
      'diplomatic-passport',
      'exit-entry-permit',
    ] as const)('is refused on %s', (idType) => {
      const idNumber =
        idType === 'temporary-resident-id' || idType === 'residence-permit' ? OLD_ID : 'E12345678'
      const f = validatePerson(makePerson({ idType, idNumber, idExpiry: 'long-term' }), 'principal', TODAY)
      expect(codes(f)).toEqual(['person.expiry-long-term'])
    })
  })

  describe('validity per ID type', () => {
    it.each([
      ['driving-licence', '110105198506151234'],
      ['other', 'X1234567'],
    ] as const)('a %s may be valid 长期', (idType, idNumber) => {
      const p = makePerson({ idType, idNumber, idExpiry: 'long-term' })
      expect(validatePerson(p, 'principal', TODAY)).toEqual([])
    })

    it.each(['officer-id', 'student-id'] as const)('长期 on a %s is only questioned', (idType) => {
      const f = validatePerson(
        makePerson({ idType, idNumber: '2019012345', idExpiry: 'long-term' }),
        'principal',
        TODAY,
      )
      expect(f.map((x) => [x.code, x.severity])).toEqual([['person.expiry-long-term-unusual', 'warning']])
    })

    // TODAY is 2026-11-28: each type's longest term, at its boundary.
    it.each([
      ['resident-id', ADULT_ID, '2046-11-28', '2046-11-29'],
      ['temporary-resident-id', ADULT_ID, '2027-02-28', '2027-03-01'],
      ['driving-licence', 'D12345678', '2036-11-28', '2036-11-29'],
      ['passport', 'E12345678', '2036-11-28', '2036-11-29'],
      ['residence-permit', 'R12345678', '2031-11-28', '2031-11-29'],
    ] as const)(
      '%s: an end date up to its longest term passes, one day later is questioned',
      (idType, idNumber, last, beyond) => {
        expect(validatePerson(makePerson({ idType, idNumber, idExpiry: last }), 'principal', TODAY)).toEqual(
          [],
        )
        const f = validatePerson(makePerson({ idType, idNumber, idExpiry: beyond }), 'principal', TODAY)
        expect(f.map((x) => [x.code, x.severity])).toEqual([['person.expiry-too-far', 'warning']])
      },
    )

    it('an officer ID has no known longest term: a far end date passes', () => {
      const p = makePerson({ idType: 'officer-id', idNumber: '2019012345', idExpiry: '2060-01-01' })
      expect(validatePerson(p, 'principal', TODAY)).toEqual([])
    })
  })

  describe('age', () => {
    it.each(['principal', 'security'] as const)('a minor cannot be the %s', (role) => {
      const f = validatePerson(makePerson({ idNumber: MINOR_ID }), role, TODAY)
      expect(f.map((x) => [x.code, x.severity])).toContainEqual(['person.minor', 'error'])
    })

    it('a minor holder only gets a warning', () => {
      const f = validatePerson(makePerson({ idNumber: MINOR_ID }), 'holder', TODAY)
      expect(f.map((x) => [x.code, x.severity])).toEqual([['person.minor', 'warning']])
    })

    it('the 18th birthday counts as adult', () => {
      const id = generateResidentId({ prefix: '110105', birth: '2008-11-28', seq: 1 })
      expect(validatePerson(makePerson({ idNumber: id }), 'principal', TODAY)).toEqual([])
      const dayBefore = generateResidentId({ prefix: '110105', birth: '2008-11-29', seq: 1 })
      expect(codes(validatePerson(makePerson({ idNumber: dayBefore }), 'principal', TODAY))).toEqual([
        'person.minor',
      ])
    })
  })

  describe('other ID types', () => {
    it.each([
      ['passport', 'E12345678'],
      ['hk-passport', 'K12345678'],
      ['exit-entry-permit', 'C12345678'],
      ['officer-id', '2019012345'],
    ] as const)('%s %s passes a sane-length check', (idType, idNumber) => {
      expect(validatePerson(makePerson({ idType, idNumber }), 'principal', TODAY)).toEqual([])
    })

    it.each(['E12', 'E1234567890123456789012345678901', '护照123456'])('rejects %s', (idNumber) => {
      expect(codes(validatePerson(makePerson({ idType: 'passport', idNumber }), 'principal', TODAY))).toEqual(
        ['person.id-shape'],
      )
    })

    it('checks a temporary ID card with the GB 11643 rules', () => {
      const f = validatePerson(
        makePerson({ idType: 'temporary-resident-id', idNumber: '110105194912310021' }),
        'principal',
        TODAY,
      )
      expect(codes(f)).toContain('resident-id.checksum')
    })
  })

  describe('role-specific requirements', () => {
    it('a security officer or emergency contact may omit the office phone, a holder may not', () => {
      expect(validatePerson(makePerson({ officePhone: '' }), 'security', TODAY)).toEqual([])
      expect(validatePerson(makePerson({ officePhone: '' }), 'emergency', TODAY)).toEqual([])
      expect(codes(validatePerson(makePerson({ officePhone: '' }), 'holder', TODAY))).toEqual([
        'person.office-phone-required',
      ])
    })

    it('the 主体负责人 of a 单位 gets no mobile note: a mobile is a valid phone there as before', () => {
      expect(validatePerson(makePerson({ officePhone: '13812349876' }), 'principal', TODAY)).toEqual([])
    })

    it('the office phone is still checked when given', () => {
      expect(codes(validatePerson(makePerson({ officePhone: '010-00000000' }), 'holder', TODAY))).toEqual([
        'phone.fake',
      ])
    })

    it('an emergency contact may omit e-mail and address', () => {
      const p = makePerson({
        email: '',
        officePhone: '',
        address: { divisionCodes: [], divisionNames: [], detail: '' },
      })
      expect(validatePerson(p, 'emergency', TODAY)).toEqual([])
      expect(codes(validatePerson(p, 'principal', TODAY))).toEqual(
        expect.arrayContaining(['email.required', 'address.division', 'address.detail-required']),
      )
    })

    it('prefixes address fields with address.', () => {
      const f = validatePerson(
        makePerson({
          address: { divisionCodes: ['110000', '110100', '110105'], divisionNames: [], detail: '建国路' },
        }),
        'principal',
        TODAY,
      )
      expect(f.map((x) => x.field)).toEqual(['address.detail'])
    })
  })
})
