import { describe, expect, it } from 'vitest'
import { businessRegNoCheckDigit, checkBusinessRegNo, isValidBusinessRegNo } from '../../../core/validation'

const make = (first14: string): string => first14 + businessRegNoCheckDigit(first14)

describe('checkBusinessRegNo (ISO 7064 MOD 11,10)', () => {
  // Check digits computed outside the code under test (ISO 7064 MOD 11,10 by hand: P₁ = 10,
  // Sⱼ = Pⱼ mod 11 + aⱼ, Pⱼ₊₁ = ((Sⱼ mod 10) or 10) × 2, last digit makes (P₁₅ mod 11 + a₁₅) mod 10 = 1).
  it.each(['110108000000016', '440301103097413', '320500000000124', '440300000000009'])('accepts %s', (n) => {
    expect(checkBusinessRegNo(n).valid).toBe(true)
  })

  it.each([
    ['11010800000001', '6'],
    ['44030110309741', '3'],
    ['32050000000012', '4'],
    ['44030000000000', '9'],
  ])('businessRegNoCheckDigit(%s) is %s', (first14, want) => {
    expect(businessRegNoCheckDigit(first14)).toBe(want)
  })

  it('every other last digit fails', () => {
    const good = make('44030110309741')
    for (let d = 0; d <= 9; d++) {
      const n = good.slice(0, 14) + d
      expect(isValidBusinessRegNo(n)).toBe(n === good)
    }
  })

  it('detects a single changed digit', () => {
    const good = make('11010800000001')
    const bad = `${good.slice(0, 5)}${(Number(good[5]) + 1) % 10}${good.slice(6)}`
    expect(checkBusinessRegNo(bad).errors.map((e) => e.code)).toEqual(['business-reg-no.checksum'])
  })

  it.each([
    ['12345', 'business-reg-no.format'],
    [make('99010800000001'), 'business-reg-no.division'],
    ['', 'business-reg-no.required'],
  ])('rejects %s', (n, code) => {
    expect(checkBusinessRegNo(n).errors.map((e) => e.code)).toContain(code)
  })
})
