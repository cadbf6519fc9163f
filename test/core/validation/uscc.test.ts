import { describe, expect, it } from 'vitest'
import { checkUscc, generateUscc, usccCategory, usccCheckChar } from '../../../core/validation'
import { ORG_USCC } from './fixtures'

/** Real, published company codes (from business licences shown on the companies' sites). */
const REAL = ['91350100M000100Y43', '914403001922038216', '91440300708461136T']

describe('usccCheckChar (GB 32100 MOD 31)', () => {
  it.each(REAL)('matches the published check char of %s', (code) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17])
  })

  it('maps a remainder of 0 to "0" (never "31")', () => {
    let found = false
    for (let i = 0; i < 400 && !found; i++) {
      const body = `9111010${String(i).padStart(3, '0')}0000000`
      found = usccCheckChar(body) === '0'
    }
    expect(found).toBe(true)
  })
})

describe('generateUscc (test-data generator)', () => {
  it('builds the codes the hand-computed oracle gives', () => {
    expect(generateUscc()).toBe('91110108123456788E')
    expect(generateUscc({ department: '5', category: '3', division: '440300', orgBody: '50012345' })).toBe(
      '534403005001234532',
    )
    expect(generateUscc({ division: '110105', orgBody: 'MA01ABCD' })).toBe(ORG_USCC)
  })
})

describe('checkUscc', () => {
  it.each([
    ...REAL,
    // Check characters computed outside the code under test (MOD 31 by hand-written weights).
    '91110108123456788E',
    '534403005001234532',
  ])('accepts %s', (code) => {
    const r = checkUscc(code)
    expect(r.errors).toEqual([])
    expect(r.valid).toBe(true)
  })

  it('accepts the central-level division 100000', () => {
    expect(checkUscc('111000000000123437').valid).toBe(true)
  })

  it('normalises spaces, full width and lower case', () => {
    const r = checkUscc(' ９１３５０１００m０００１００y４３ ')
    expect(r.valid).toBe(true)
    expect(r.normalized).toBe('91350100M000100Y43')
  })

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the forbidden letter %s and names it', (ch) => {
    const code = `91350100M000100${ch}43`
    const r = checkUscc(code)
    expect(r.errors.map((e) => e.code)).toEqual(['uscc.charset'])
    expect(r.errors[0]?.message).toContain(ch)
  })

  it.each([
    ['bad check char', '91350100M000100Y44', 'uscc.checksum'],
    ['17 characters', '91350100M000100Y4', 'uscc.length'],
    ['department 9 with category 4', fix('944403001922038216'), 'uscc.category'],
    ['province 99', fix('919901001922038216'), 'uscc.division'],
    ['embedded org code check broken', fix('914403001922038206'), 'uscc.org-code'],
    ['empty', '', 'uscc.required'],
  ])('rejects %s', (_label, code, want) => {
    const r = checkUscc(code)
    expect(r.valid).toBe(false)
    expect(r.errors.map((e) => e.code)).toContain(want)
  })

  it('only warns when the embedded org code of a 个体工商户 (92) fails', () => {
    const r = checkUscc(fix('924403001922038206'))
    expect(r.valid).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['uscc.org-code'])
  })

  it('warns (not errors) on an unknown department letter', () => {
    const r = checkUscc(fix('B14403001922038216'))
    expect(r.valid).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['uscc.department'])
  })
})

describe('usccCategory', () => {
  it.each([
    ['91350100M000100Y43', '工商', '企业'],
    ['92440300MA5F000000', '工商', '个体工商户'],
    ['12100000400000000X', '机构编制', '事业单位'],
    ['51440000MJ0000000X', '民政', '社会团体'],
    ['31110000400000000X', '司法行政', '律师执业机构'],
    ['Y1000000000000000X', '其他', '其他'],
  ])('%s → %s / %s', (code, department, category) => {
    expect(usccCategory(code)).toEqual({ department, category })
  })

  it('returns nulls for unknown parts', () => {
    expect(usccCategory('B1')).toEqual({ department: null, category: null })
    expect(usccCategory('97')).toEqual({ department: '工商', category: null })
  })
})

/** Replaces the check char so that only the structural defect under test remains. */
function fix(code: string): string {
  return code.slice(0, 17) + usccCheckChar(code.slice(0, 17))
}
