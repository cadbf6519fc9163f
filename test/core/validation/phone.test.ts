import { describe, expect, it } from 'vitest'
import { checkLandline, checkMobile, checkPhone } from '../../../core/validation'

describe('checkPhone: valid numbers', () => {
  it.each([
    ['13912345670', '13912345670'],
    ['+86 139 1234 5670', '13912345670'],
    ['86-139-1234-5670', '13912345670'],
    ['0086 13912345670', '13912345670'],
    ['１３９１２３４５６７０', '13912345670'],
    ['19912345670', '19912345670'],
    ['010-62345678', '010-62345678'],
    ['(010) 6234 5678', '010-62345678'],
    ['021-62345678', '021-62345678'],
    ['029-82345678', '029-82345678'],
    ['0571-8823456', '0571-8823456'],
    ['0571-88234567', '0571-88234567'],
    ['0898-66234567', '0898-66234567'],
    ['+86 10 6234 5678', '010-62345678'],
  ])('%s → %s', (input, normalized) => {
    const r = checkPhone(input)
    expect(r.errors).toEqual([])
    expect(r.normalized).toBe(normalized)
  })

  it.each([
    ['010-62345678转123', '010-62345678转123'],
    ['010-62345678-123', '010-62345678转123'],
    ['0571-88234567 ext. 8', '0571-88234567转8'],
    ['0571-88234567分机88', '0571-88234567转88'],
    ['021-62345678#6', '021-62345678转6'],
  ])('keeps the extension of %s', (input, normalized) => {
    const r = checkPhone(input)
    expect(r.valid).toBe(true)
    expect(r.normalized).toBe(normalized)
  })
})

describe('checkPhone: area-code rules', () => {
  it.each([
    ['010-6234567', '7 digits after 010'],
    ['021-6234567', '7 digits after 02x'],
    ['0571-823456', '6 digits after 0xxx'],
    ['0571-882345678', '9 digits after 0xxx'],
    ['010-02345678', 'local part starting with 0'],
    ['010-12345679', 'local part starting with 1'],
  ])('rejects %s (%s)', (input) => {
    expect(checkPhone(input).errors.map((e) => e.code)).toEqual(['phone.local-length'])
  })

  it('asks for the area code when only a local number is given', () => {
    const r = checkPhone('62345678')
    expect(r.errors.map((e) => e.code)).toEqual(['phone.format'])
    expect(r.errors[0]?.message).toContain('区号')
  })

  it('does not mistake a local number starting with 86 for a country code', () => {
    expect(checkPhone('86234567').errors.map((e) => e.code)).toEqual(['phone.format'])
  })

  it.each(['12345', '0123-4567890', 'abc', '010-6234abcd'])('rejects malformed %s', (input) => {
    expect(checkPhone(input).valid).toBe(false)
  })

  it('requires a value', () => {
    expect(checkPhone(' ').errors.map((e) => e.code)).toEqual(['phone.required'])
  })

  it('accepts 400/800 numbers with a warning', () => {
    const r = checkPhone('400-810-2345')
    expect(r.valid).toBe(true)
    expect(r.normalized).toBe('400-810-2345')
    expect(r.warnings.map((w) => w.code)).toEqual(['phone.service-number'])
  })
})

describe('checkPhone: obviously fake numbers (rule ⑦)', () => {
  it.each([
    ['010-00000000', 'all zeros'],
    ['010-88888888', 'same digit'],
    ['0571-6666666', 'same digit, 7 digits'],
    ['0571-00000000', 'all zeros, 8 digits'],
    ['13800000000', 'mobile tail all zeros'],
    ['13911111111', 'mobile tail same digit'],
    ['+86 199 9999 9999', 'mobile tail same digit, with +86'],
    ['13800138000', 'classic test number'],
    ['13900139000', 'test-number pattern'],
  ])('refuses the placeholder %s (%s)', (input) => {
    const r = checkPhone(input)
    expect(r.errors.map((e) => e.code)).toEqual(['phone.fake'])
    expect(r.errors[0]?.message).toContain('规则⑦')
  })

  it.each([
    ['010-23456789', 'ascending run'],
    ['021-87654321', 'descending run'],
    ['0755-2345678', 'ascending run, 7 digits'],
    ['0571-98765432', 'descending run, 4-digit area'],
    ['13912345678', 'mobile tail ascending'],
    ['15087654321', 'mobile tail descending'],
    ['13912348888', 'mobile ending 8888'],
    ['18600006666', 'mobile ending 6666'],
  ])('accepts the memorable %s (%s) with a warning', (input) => {
    const r = checkPhone(input)
    expect(r.valid).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['phone.memorable'])
    expect(r.warnings[0]?.message).toContain('确认')
  })

  it.each(['010-12345678', '010-01234567', '0571-1234567'])(
    'still refuses %s: outside the numbering plan',
    (input) => {
      expect(checkPhone(input).errors.map((e) => e.code)).toEqual(['phone.local-length'])
    },
  )

  it('does not flag a number that merely contains a short run', () => {
    expect(checkPhone('010-62345671').valid).toBe(true)
    expect(checkPhone('13812349876').valid).toBe(true)
  })

  it('rejects a non-existent mobile prefix', () => {
    expect(checkPhone('12912345670').valid).toBe(false)
  })
})

describe('mobile / landline kinds', () => {
  it('mobile refuses a landline and landline refuses a mobile', () => {
    expect(checkMobile('010-62345678').errors.map((e) => e.code)).toEqual(['phone.not-mobile'])
    expect(checkLandline('13912345670').errors.map((e) => e.code)).toEqual(['phone.not-landline'])
  })

  it('mobile explains the 11-digit format for malformed input', () => {
    expect(checkMobile('1391234567').errors.map((e) => e.code)).toEqual(['phone.mobile-format'])
  })

  it('each kind accepts its own form', () => {
    expect(checkMobile('+8613912345670')).toMatchObject({
      kind: 'mobile',
      valid: true,
      normalized: '13912345670',
    })
    expect(checkLandline('0571-88234567')).toMatchObject({ kind: 'landline', valid: true })
  })
})
