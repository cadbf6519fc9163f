import { describe, expect, it } from 'vitest'
import {
  checkResidentId,
  generateResidentId,
  residentIdBirthDate,
  residentIdCheckChar,
  upgradeResidentId,
} from '../../../core/validation'
import { ADULT_ID, MINOR_ID, OLD_ID, TODAY } from './fixtures'

const gen = (prefix: string, birth: string, seq = 1): string => generateResidentId({ prefix, birth, seq })
const codesOf = (v: string): string[] => {
  const r = checkResidentId(v, TODAY)
  return [...r.errors, ...r.warnings].map((f) => f.code)
}

describe('residentIdCheckChar (GB 11643 MOD 11-2)', () => {
  // Expected check characters worked out by hand with the standard's weights
  // (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 → 1 0 X 9 8 7 6 5 4 3 2), e.g.
  // 44030519900101123: 28+36+0+15+0+20+2+9+54+0+0+9+0+5+8+8+6 = 200, 200 mod 11 = 2 → X.
  it.each([
    ['11010519491231002', 'X'], // example number printed in GB 11643-1999
    ['44030519900101123', 'X'],
    ['11010519850615123', '6'], // sum 226, mod 11 = 6
    ['32010220000229001', '3'],
    ['42242119700505001', '1'],
    ['51010219881212456', '5'],
    ['65010219930303004', '8'],
    ['21010219640419007', 'X'],
  ])('%s → %s', (first17, want) => {
    expect(residentIdCheckChar(first17)).toBe(want)
  })

  it('covers every check value 0–10', () => {
    const seen = new Set<string>()
    for (let seq = 0; seq < 200; seq++) seen.add(gen('110105', '1985-06-15', seq).slice(-1))
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])
  })

  it('refuses input that is not 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow()
  })
})

describe('checkResidentId', () => {
  it.each([
    ['standard example', '11010519491231002X'],
    ['lower-case x', '11010519491231002x'],
    // Literal numbers whose check characters were computed outside the code under test.
    ['Shenzhen', '44030519900101123X'],
    ['Feb 29 in a leap year', '320102200002290013'],
    ['retired prefecture code 4224 (荆州地区)', '422421197005050011'],
    ['retired 省直辖 code 3290 (泰州市 1984)', '329001197507070018'],
    ['Hainan 4600 block (1990s)', '460001198008080016'],
    ['county-less city 东莞 441900', '441900198808080014'],
    ['born today', '110105202611280012'],
    ['Chengdu', '510102198812124565'],
    ['Xining, X check char', '63010419770701890X'],
    ['born on 1900-01-01, the earliest date accepted', '11010519000101001X'],
  ])('accepts %s', (_label, id) => {
    const r = checkResidentId(id, TODAY)
    expect(r.errors).toEqual([])
    expect(r.valid).toBe(true)
  })

  it.each(['44030519900101123X', '320102200002290013', '510102198812124565', '63010419770701890X'])(
    'refuses %s with any other check character',
    (id) => {
      for (const c of '0123456789X') {
        if (c === id[17]) continue
        expect(checkResidentId(id.slice(0, 17) + c, TODAY).errors.map((e) => e.code)).toContain(
          'resident-id.checksum',
        )
      }
    },
  )

  it.each([
    ['bad check char', '110105194912310021', 'resident-id.checksum'],
    [
      'Feb 29 in a non-leap year',
      gen('110105', '2001-02-28').replace('20010228', '20010229'),
      'resident-id.birth-date',
    ],
    ['month 13', gen('110105', '1990-01-01').replace('19900101', '19901301'), 'resident-id.birth-date'],
    ['birth date in the future', gen('110105', '2026-11-29'), 'resident-id.birth-future'],
    ['born before 1900', gen('110105', '1899-12-31'), 'resident-id.birth-too-early'],
    ['unknown province 99', gen('990105', '1990-01-01'), 'resident-id.province'],
    ['unknown prefecture 1103', gen('110301', '1990-01-01'), 'resident-id.division'],
    ['unknown prefecture 4299', gen('429901', '1990-01-01'), 'resident-id.division'],
    ['wrong length', '1101051949123100', 'resident-id.format'],
    ['letter inside', '1101051949A231002X', 'resident-id.format'],
    ['empty', '  ', 'resident-id.required'],
  ])('rejects %s', (_label, id, code) => {
    const r = checkResidentId(id, TODAY)
    expect(r.valid).toBe(false)
    expect(r.errors.map((e) => e.code)).toContain(code)
    expect(r.errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true)
  })

  it('normalises full-width digits and spaces and says so', () => {
    const r = checkResidentId('１１０１０５ １９４９１２３１ ００２ｘ', TODAY)
    expect(r.valid).toBe(true)
    expect(r.normalized).toBe('11010519491231002X')
    expect(r.warnings.map((w) => w.code)).toEqual(['resident-id.normalized'])
  })

  it('does not warn when only the case of x changed', () => {
    expect(codesOf('11010519491231002x')).toEqual([])
  })

  it('warns about a county part "00" outside county-less cities', () => {
    expect(codesOf(gen('110100', '1990-01-01'))).toEqual(['resident-id.county'])
  })

  it('accepts a legacy 15-digit number with a warning giving the 18-digit form', () => {
    const r = checkResidentId('110105491231002', TODAY)
    expect(r.valid).toBe(true)
    expect(r.warnings[0]?.code).toBe('resident-id.legacy-15')
    expect(r.warnings[0]?.message).toContain('11010519491231002X')
  })

  it('rejects a 15-digit number with an impossible date', () => {
    expect(codesOf('110105490230002')).toContain('resident-id.birth-date')
  })
})

describe('helpers', () => {
  it('residentIdBirthDate reads 18- and 15-digit numbers', () => {
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31')
    expect(residentIdBirthDate('110105491231002')).toBe('1949-12-31')
    expect(residentIdBirthDate('11010519491331002X')).toBeNull()
    expect(residentIdBirthDate('abc')).toBeNull()
  })

  it('upgradeResidentId inserts 19 and the check char', () => {
    expect(upgradeResidentId('110105491231002')).toBe('11010519491231002X')
  })

  it('generateResidentId pads the sequence and yields a valid number', () => {
    const id = generateResidentId({ prefix: '310104', birth: '19951010', seq: 5 })
    expect(id).toBe('310104199510100058') // check 8 worked out by hand
    expect(checkResidentId(id, TODAY).valid).toBe(true)
  })

  it('generateResidentId gives the hand-computed numbers the validation fixtures spell out', () => {
    expect(generateResidentId({ prefix: '110105', birth: '1985-06-15', seq: 123 })).toBe(ADULT_ID)
    expect(generateResidentId({ prefix: '320102', birth: '1960-02-29', seq: 45 })).toBe(OLD_ID)
    expect(generateResidentId({ prefix: '440305', birth: '2010-03-01', seq: 7 })).toBe(MINOR_ID)
  })
})
