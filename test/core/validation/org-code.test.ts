import { describe, expect, it } from 'vitest'
import { checkOrgCode, generateOrgCode, isValidOrgCode, orgCodeCheckChar } from '../../../core/validation'

describe('orgCodeCheckChar (GB 11714)', () => {
  it.each([
    ['19220382', '1'], // embedded in 914403001922038216
    ['M000100Y', '4'], // embedded in 91350100M000100Y43
    ['70846113', '6'], // embedded in 91440300708461136T
  ])('%s → %s', (body, want) => {
    expect(orgCodeCheckChar(body)).toBe(want)
  })

  it('produces X for a remainder of 10 and 0 for 11', () => {
    const checks = new Set<string>()
    for (let i = 0; i < 300; i++) checks.add(orgCodeCheckChar(String(10000000 + i * 37)))
    expect(checks.has('X')).toBe(true)
    expect(checks.has('0')).toBe(true)
  })
})

describe('generateOrgCode (test-data generator)', () => {
  it('appends the check character the hand-computed oracle gives', () => {
    expect(generateOrgCode('ABCDEF12')).toMatch(/^ABCDEF12-?7$/)
  })
})

describe('checkOrgCode', () => {
  it.each(['19220382-1', '192203821', ' M000100Y-4 ', 'm000100y4', 'ABCDEF12-7'])('accepts %s', (code) => {
    const r = checkOrgCode(code)
    expect(r.valid).toBe(true)
    expect(r.normalized).toMatch(/^[0-9A-Z]{8}-[0-9X]$/)
  })

  it('normalises to the hyphenated form', () => {
    expect(checkOrgCode('192203821').normalized).toBe('19220382-1')
  })

  it.each([
    ['19220382-2', 'org-code.checksum'],
    ['1922038-21', 'org-code.format'],
    ['1922038212', 'org-code.format'],
    ['', 'org-code.required'],
  ])('rejects %s', (code, want) => {
    expect(checkOrgCode(code).errors.map((e) => e.code)).toEqual([want])
  })

  it('isValidOrgCode needs the 9 characters without hyphen', () => {
    expect(isValidOrgCode('192203821')).toBe(true)
    expect(isValidOrgCode('19220382-1')).toBe(false)
  })
})
