import { describe, expect, it } from 'vitest'
import {
  ancestorCodes,
  candidateCodes,
  divisionLevel,
  isDivisionCode,
  parentCode,
  provinceShortNames,
  toGbCode,
  toStatisticalCode,
} from '../../core/divisions'

describe('division code shapes', () => {
  it.each([
    ['11', 'province'],
    ['4401', 'city'],
    ['440106', 'county'],
    ['440106011', 'town'],
    ['110118101201', 'village'],
  ])('%s is a %s code', (code, level) => {
    expect(isDivisionCode(code)).toBe(true)
    expect(divisionLevel(code)).toBe(level)
  })

  it.each([
    '',
    '1',
    '123',
    '12345',
    '1234567',
    '1101181012011',
    '44a1',
    '４４',
    ' 44',
    '44\n',
    '../../etc',
    '11/../..',
    '4401\u0000',
    '__proto__',
  ])('%j is not a division code', (code) => {
    expect(isDivisionCode(code)).toBe(false)
    expect(divisionLevel(code)).toBeNull()
    expect(parentCode(code)).toBeNull()
    expect(ancestorCodes(code)).toEqual([])
    expect(candidateCodes(code)).toEqual([])
    expect(toStatisticalCode(code)).toBeNull()
  })

  it('rejects non-strings', () => {
    expect(isDivisionCode(44)).toBe(false)
    expect(isDivisionCode(null)).toBe(false)
    expect(isDivisionCode(undefined)).toBe(false)
  })
})

describe('division code relations', () => {
  it.each([
    ['11', null],
    ['4401', '44'],
    ['440106', '4401'],
    ['440106011', '440106'],
    ['110118101201', '110118101'],
  ])('the parent of %s is %s', (code, parent) => {
    expect(parentCode(code)).toBe(parent)
  })

  it('lists the ancestors from the province down', () => {
    expect(ancestorCodes('110118101201')).toEqual(['11', '1101', '110118', '110118101', '110118101201'])
    expect(ancestorCodes('44')).toEqual(['44'])
  })

  it.each([
    ['440106', ['440106']],
    ['440100', ['440100', '4401']],
    ['440000', ['440000', '4400', '44']],
    ['441900000000', ['441900000000', '441900000', '441900', '4419']],
    ['440106011000', ['440106011000', '440106011']],
    ['110118101201', ['110118101201']],
    ['4400', ['4400', '44']],
  ])('the candidates for %s are %j', (code, expected) => {
    expect(candidateCodes(code)).toEqual(expected)
  })

  it('converts to the padded 12-digit and GB/T 2260 forms', () => {
    expect(toStatisticalCode('4401')).toBe('440100000000')
    expect(toStatisticalCode('110118101201')).toBe('110118101201')
    expect(toGbCode('44')).toBe('440000')
    expect(toGbCode('4401')).toBe('440100')
    expect(toGbCode('440106')).toBe('440106')
    expect(toGbCode('440106011')).toBeNull()
  })
})

describe('province short names', () => {
  it.each([
    ['11', ['京']],
    ['31', ['沪']],
    ['44', ['粤']],
    ['440106011', ['粤']],
    ['52', ['贵', '黔']],
    ['53', ['云', '滇']],
    ['65', ['新']],
    ['81', []],
    ['99', []],
    ['ab', []],
    ['', []],
  ])('%j → %j', (code, expected) => {
    expect(provinceShortNames(code)).toEqual(expected)
  })
})
