import { describe, expect, it } from 'vitest'
import type { Subject } from '../../../core/model'
import { generateOrgCode, generateUscc, usccCheckChar, validateSubject } from '../../../core/validation'
import {
  ADULT_ID,
  codes,
  errorCodes,
  fieldsOf,
  makeIndividual,
  makePerson,
  makeSite,
  makeSubject,
  MINOR_ID,
  TODAY,
} from './fixtures'

const run = (over: Partial<Subject>): ReturnType<typeof validateSubject> =>
  validateSubject(makeSubject(over), TODAY)

describe('validateSubject: baseline', () => {
  it('accepts a complete enterprise and a complete individual', () => {
    expect(validateSubject(makeSubject(), TODAY)).toEqual([])
    expect(validateSubject(makeIndividual(), TODAY)).toEqual([])
  })
})

describe('rule ② name', () => {
  it.each([
    ['', 'subject.name-required'],
    ['www.example.com', 'subject.name-domain'],
    ['https://example.com', 'subject.name-domain'],
    ['123456', 'subject.name-symbols'],
    ['***', 'subject.name-symbols'],
  ])('%s → %s', (name, code) => {
    expect(errorCodes(run({ name }))).toContain(code)
  })

  it('warns (only) when its name is one of its sites’ and has no organisation word', () => {
    for (const name of ['示例科技官网', '快乐商城']) {
      const f = validateSubject(makeSubject({ name }), TODAY, [makeSite({ name })])
      const hit = f.filter((x) => x.code === 'subject.name-is-site')
      expect(hit.map((x) => x.severity)).toEqual(['warning'])
      expect(hit[0]?.message).toContain('仅凭名称推测')
    }
  })

  it.each(['北京示例科技有限公司', '某某市软件行业协会', '某某慈善基金会'])(
    'a site named after its organisation %s is fine',
    (name) => {
      const f = validateSubject(makeSubject({ name, orgKind: 'other' }), TODAY, [makeSite({ name })])
      expect(codes(f)).not.toContain('subject.name-is-site')
    },
  )

  it('a personal site named after its holder is fine', () => {
    const f = validateSubject(makeIndividual(), TODAY, [makeSite({ name: '李娜' })])
    expect(f).toEqual([])
  })

  it('an individual must use a person-name shape', () => {
    expect(errorCodes(validateSubject(makeIndividual({ name: '李娜2024' }), TODAY))).toContain(
      'subject.name-person-shape',
    )
  })

  it('warns when an enterprise name has no company form', () => {
    expect(codes(run({ name: '示例科技' }))).toContain('subject.name-company-form')
  })
})

/** An individual whose holder bears `name`, with a valid resident ID or with a passport. */
function namedIndividual(name: string, passport = false): Subject {
  const base = makeIndividual()
  const principal = passport
    ? { ...base.principal, name, idType: 'passport' as const, idNumber: 'E12345678', idExpiry: '2031-01-01' }
    : { ...base.principal, name }
  return { ...base, name, certNumber: principal.idNumber, principal }
}
const natureHits = (s: Subject) =>
  validateSubject(s, TODAY).filter((x) => x.code === 'subject.nature-mismatch')

describe('rule ③ nature ↔ name', () => {
  it.each([
    ['北京示例科技有限公司', '有限公司'],
    ['示例科技股份有限公司', '股份有限公司'],
    ['某某区教育委员会', '委员会'],
    ['某某会计师事务所', '事务所'],
    ['北京数据服务中心', '中心'],
  ])('an individual named %s is refused, naming “%s”', (name, word) => {
    const hits = natureHits(makeIndividual({ name }))
    expect(hits.map((x) => x.severity)).toEqual(['error'])
    expect(hits[0]?.message).toContain(`“${word}”`)
  })

  // Given names and final characters that organisation names also use.
  const personLike = [
    '王国防',
    '李学会',
    '张大学',
    '刘中学',
    '黄建厂',
    '孙立社',
    '周成站',
    '吴有所',
    '钱文院',
    '冯新局',
    '阿依古丽·国防',
  ]

  it.each(personLike)('%s with a valid resident ID is a person: no finding', (name) => {
    expect(natureHits(namedIndividual(name))).toEqual([])
  })

  it.each(personLike)('%s with a passport only gets a warning that names the word', (name) => {
    const hits = natureHits(namedIndividual(name, true))
    expect(hits.map((x) => x.severity)).toEqual(['warning'])
    expect(hits[0]?.message).toMatch(/名称含“.+”/)
  })

  it('accepts a university under 事业单位 or 高等院校, and 国防科技大学 under 高等院校', () => {
    const uni = generateUscc({ department: '1', category: '2' })
    for (const orgKind of ['public-institution', 'higher-education'] as const)
      expect(codes(run({ name: '某某大学', orgKind, certNumber: uni }))).not.toContain(
        'subject.org-kind-mismatch',
      )
    expect(codes(run({ name: '国防科技大学', orgKind: 'higher-education', certNumber: uni }))).not.toContain(
      'subject.org-kind-mismatch',
    )
  })

  it('an organisation registered abroad is not taken for a person, and a person may not use its name', () => {
    const f = run({
      name: 'Acme Trading Ltd',
      orgKind: 'overseas-organization',
      certType: 'other',
      certNumber: 'C-1234567',
    })
    expect(codes(f)).not.toContain('subject.nature-mismatch')
    const hits = natureHits(namedIndividual('Acme Trading Ltd', true))
    expect(hits.map((x) => [x.severity, x.message.includes('“Ltd”')])).toEqual([['error', true]])
  })

  it('the kind warning names the word it matched', () => {
    const hit = run({ name: '某某大学' }).find((x) => x.code === 'subject.org-kind-mismatch')
    expect(hit?.message).toContain('“大学”')
  })

  it('warns on an organisation named like a person', () => {
    const f = run({ name: '张伟' })
    expect(f.filter((x) => x.code === 'subject.nature-mismatch').map((x) => x.severity)).toEqual(['warning'])
  })

  it('warns when the org kind does not match the name', () => {
    expect(codes(run({ name: '某某市第一人民医院', orgKind: 'enterprise' }))).toContain(
      'subject.org-kind-mismatch',
    )
  })

  it('does not second-guess orgKind "other"', () => {
    expect(
      codes(
        run({
          name: '某某市第一人民医院',
          orgKind: 'other',
          certNumber: generateUscc({ department: '1', category: '2' }),
        }),
      ),
    ).not.toContain('subject.org-kind-mismatch')
  })

  it('requires an org kind for an organisation', () => {
    expect(errorCodes(run({ orgKind: undefined }))).toContain('subject.org-kind-required')
  })
})

describe('rule ④ certificate number', () => {
  it('refuses a resident-ID number for a company with a specific message', () => {
    const f = run({ certNumber: ADULT_ID })
    expect(errorCodes(f)).toEqual(['subject.cert-is-resident-id'])
    expect(f[0]?.message).toContain('身份证')
  })

  it.each(['95001', '中国人民解放军95001部队'])(
    'refuses a military designation %s for a company',
    (certNumber) => {
      expect(errorCodes(run({ certNumber }))).toEqual(['subject.cert-military'])
    },
  )

  it.each(['95001', '61001', '中国人民解放军95001部队', '32108部队'])(
    'accepts the 军队代号 %s of a 国防军队 subject',
    (certNumber) => {
      const mil = { name: '中国人民解放军某某部队', orgKind: 'military', certType: 'military-code' } as const
      expect(run({ ...mil, certNumber })).toEqual([])
      // The legacy 军队院校 kind accepts it too.
      expect(run({ ...mil, orgKind: 'military-academy', certNumber })).toEqual([])
    },
  )

  it('only questions a military code for a kind that is neither company nor military', () => {
    const f = run({
      name: '某某市第一人民医院',
      orgKind: 'public-institution',
      certType: 'other',
      certNumber: '95001',
    })
    expect(f.map((x) => [x.code, x.severity])).toEqual([['subject.cert-military', 'warning']])
  })

  it.each(['9500', '军字第A12号'])('warns on a 军队代号 of an unusual shape: %s', (certNumber) => {
    const f = run({
      name: '中国人民解放军某某部队',
      orgKind: 'military',
      certType: 'military-code',
      certNumber,
    })
    expect(f.map((x) => [x.code, x.severity])).toEqual([['subject.military-code-shape', 'warning']])
  })

  // Each registration certificate, with a USCC of its registry's department/category.
  it.each([
    ['social-group', 'social-group-certificate', '某某市软件行业协会', '5', '1'],
    ['private-non-enterprise', 'private-non-enterprise-certificate', '某某民办培训学校', '5', '2'],
    ['foundation', 'foundation-certificate', '某某慈善基金会', '5', '3'],
    ['law-firm', 'law-firm-licence', '北京市某某律师事务所', '3', '1'],
  ] as const)('%s holds a %s with its USCC', (orgKind, certType, name, department, category) => {
    const certNumber = generateUscc({ department, category })
    expect(run({ orgKind, certType, name, certNumber })).toEqual([])
    // A broken check character is refused, an old-style number only noted.
    const broken = certNumber.slice(0, 17) + (certNumber[17] === '0' ? '1' : '0')
    expect(errorCodes(run({ orgKind, certType, name, certNumber: broken }))).toEqual(['uscc.checksum'])
    expect(codes(run({ orgKind, certType, name, certNumber: '京民证字第0123号' }))).toEqual([
      'subject.cert-old-number',
    ])
  })

  it('warns when the certificate type is not one the kind holds', () => {
    const f = run({ certType: 'foundation-certificate' })
    expect(f.map((x) => [x.code, x.severity, x.field])).toContainEqual([
      'subject.cert-type-kind',
      'warning',
      'certType',
    ])
  })

  it('checks the USCC of a uscc-certificate', () => {
    expect(errorCodes(run({ certNumber: '91350100M000100Y44' }))).toEqual(['uscc.checksum'])
    expect(fieldsOf(run({ certNumber: '91350100M000100Y44' }), 'uscc.checksum')).toEqual(['certNumber'])
  })

  it('accepts a real published USCC', () => {
    expect(run({ certNumber: '914403001922038216', name: '示例技术有限公司' })).toEqual([])
  })

  it('uscc-certificate refuses a 15-digit registration number', () => {
    expect(errorCodes(run({ certNumber: '110108000000016' }))).toEqual(['uscc.length'])
  })

  it('business-licence accepts a valid 15-digit registration number and refuses a bad one', () => {
    expect(run({ certType: 'business-licence', certNumber: '110108000000016' })).toEqual([])
    expect(errorCodes(run({ certType: 'business-licence', certNumber: '110108000000017' }))).toEqual([
      'subject.reg-no-checksum',
    ])
  })

  it('org-code-certificate checks GB 11714 and suggests the USCC type for an 18-char code', () => {
    expect(run({ certType: 'org-code-certificate', certNumber: generateOrgCode('MA01ABCD') })).toEqual([])
    expect(errorCodes(run({ certType: 'org-code-certificate', certNumber: 'MA01ABCD-0' }))).toEqual(
      generateOrgCode('MA01ABCD').endsWith('0') ? [] : ['org-code.checksum'],
    )
    expect(codes(run({ certType: 'org-code-certificate' }))).toEqual(['subject.cert-type-uscc'])
  })

  it('public-institution-certificate accepts 12 digits or a USCC', () => {
    const base = {
      name: '某某市第一人民医院',
      orgKind: 'public-institution' as const,
      certType: 'public-institution-certificate' as const,
    }
    expect(run({ ...base, certNumber: '事证第110000001234号' })).toEqual([])
    expect(run({ ...base, certNumber: generateUscc({ department: '1', category: '2' }) })).toEqual([])
    expect(errorCodes(run({ ...base, certNumber: '1234' }))).toEqual(['subject.cert-format'])
  })

  it('requires a certificate type and number', () => {
    expect(errorCodes(run({ certType: undefined }))).toEqual(['subject.cert-type-required'])
    expect(errorCodes(run({ certNumber: ' ' }))).toEqual(['subject.cert-required'])
  })

  it.each([
    ['enterprise', generateUscc({ department: '5', category: '1' })],
    ['social-group', generateUscc({ department: '9', category: '1' })],
    ['law-firm', generateUscc({ department: '9', category: '2' })],
    ['sole-proprietor', generateUscc({ department: '9', category: '1' })],
  ] as const)('warns when a %s has USCC %s of another department', (orgKind, certNumber) => {
    const f = run({ orgKind, certNumber, name: '示例' })
    expect(f.filter((x) => x.code === 'subject.uscc-kind').map((x) => x.severity)).toEqual(['warning'])
  })

  it.each([
    ['sole-proprietor', '92'],
    ['social-group', '51'],
    ['private-non-enterprise', '52'],
    ['foundation', '53'],
    ['law-firm', '31'],
    ['government', '11'],
    ['public-institution', '12'],
  ] as const)('no USCC-kind warning for %s with %s', (orgKind, prefix) => {
    const certNumber = generateUscc({ department: prefix[0], category: prefix[1] })
    expect(codes(run({ orgKind, certNumber, name: '示例' }))).not.toContain('subject.uscc-kind')
  })

  it('an individual may not use a USCC', () => {
    const s = makeIndividual({ certNumber: '91350100M000100Y43' })
    expect(errorCodes(validateSubject(s, TODAY))).toContain('subject.individual-uscc')
  })

  it('an individual ID that happens to pass the USCC MOD 31 check is still an ID', () => {
    const id = '110105198001010518'
    expect(usccCheckChar(id.slice(0, 17))).toBe(id[17])
    const p = makePerson({ name: '李娜', idNumber: id, mobile: '13812349876', email: 'lina@example.com' })
    expect(validateSubject(makeIndividual({ certNumber: id, principal: p }), TODAY)).toEqual([])
  })

  it('a passport number that happens to pass the GB 11714 check is not taken for an org code', () => {
    const passport = generateOrgCode('E1234567').replace('-', '')
    const p = makePerson({
      name: '李娜',
      idType: 'passport',
      idNumber: passport,
      mobile: '13812349876',
      email: 'lina@example.com',
    })
    expect(validateSubject(makeIndividual({ certNumber: passport, principal: p }), TODAY)).toEqual([])
    const withHyphen = makeIndividual({ certNumber: generateOrgCode('MA01ABCD') })
    expect(errorCodes(validateSubject(withHyphen, TODAY))).toContain('subject.individual-uscc')
  })

  it('an individual certificate number must equal the holder ID', () => {
    const s = makeIndividual({ certNumber: ADULT_ID })
    expect(errorCodes(validateSubject(s, TODAY))).toEqual(['subject.individual-cert-mismatch'])
  })

  it('an individual name must equal the holder name', () => {
    const s = makeIndividual({ name: '王芳' })
    expect(errorCodes(validateSubject(s, TODAY))).toEqual(['subject.individual-name-mismatch'])
  })
})

describe('investor, phone, address, principal', () => {
  it('warns on an investor with letters or digits', () => {
    expect(codes(run({ investor: 'Zhang Wei 2' }))).toEqual(['subject.investor-chars'])
  })

  it('an individual investor should be the holder', () => {
    expect(codes(validateSubject(makeIndividual({ investor: '王芳' }), TODAY))).toEqual([
      'subject.investor-individual',
    ])
  })

  it.each([
    ['', 'subject.office-phone-required'],
    ['010-00000000', 'phone.fake'],
    ['62345678', 'phone.format'],
  ])('office phone %s → %s (rule ⑦)', (officePhone, code) => {
    const f = run({ officePhone })
    expect(f.map((x) => [x.code, x.field])).toEqual([[code, 'officePhone']])
  })

  it('requires the office phone for 个人 too (务必填写), at the holder’s field, suggesting the mobile', () => {
    const base = makeIndividual()
    const s = { ...base, officePhone: '', principal: { ...base.principal, officePhone: '' } }
    const f = validateSubject(s, TODAY)
    expect(f.map((x) => [x.code, x.severity, x.field])).toEqual([
      ['person.office-phone-required', 'error', 'principal.officePhone'],
    ])
    expect(f[0]?.message).toContain('手机号')
    expect(run({ officePhone: '' }).map((x) => x.severity)).toEqual(['error'])
  })

  it.each(['13812349876', '+86 138 1234 9876', '021-62345678'])(
    'a 个人 may give %s as office phone; a mobile gets a note only',
    (officePhone) => {
      const base = makeIndividual()
      const s = { ...base, officePhone, principal: { ...base.principal, officePhone } }
      const f = validateSubject(s, TODAY)
      expect(f.filter((x) => x.severity === 'error')).toEqual([])
      const notes = f.filter((x) => x.code === 'person.office-phone-mobile').map((x) => x.severity)
      expect(notes).toEqual(officePhone.startsWith('021') ? [] : ['warning'])
    },
  )

  it('checks the office address (rule ⑥)', () => {
    const f = run({
      officeAddress: { divisionCodes: ['110000', '110100', '110105'], divisionNames: [], detail: '建国路' },
    })
    expect(f.map((x) => [x.code, x.field])).toEqual([['address.door-number', 'officeAddress.detail']])
  })

  it('validates the principal with principal. field paths', () => {
    const f = run({ principal: makePerson({ idNumber: MINOR_ID }) })
    expect(f.map((x) => [x.code, x.field])).toEqual([['person.minor', 'principal.idNumber']])
  })

  it('validates an individual holder as holder (minor → warning only)', () => {
    const p = makePerson({ name: '李娜', idNumber: MINOR_ID, idExpiry: '2030-01-01' })
    const f = validateSubject(makeIndividual({ certNumber: MINOR_ID, principal: p }), TODAY)
    expect(f.map((x) => [x.code, x.severity])).toEqual([['person.minor', 'warning']])
  })
})
