import { describe, expect, it } from 'vitest'
import { CHECK_KINDS, checkValue, isCheckKind } from '../../../core/validation'
import { TODAY } from './fixtures'

/** One valid and one invalid sample per kind; the dispatcher must reach the right checker. */
const SAMPLES: Record<(typeof CHECK_KINDS)[number], [valid: string, invalid: string]> = {
  'resident-id': ['11010519491231002X', '110105194912310021'],
  uscc: ['91350100M000100Y43', '91350100M000100Y44'],
  'org-code': ['19220382-1', '19220382-2'],
  'business-reg-no': ['110108000000016', '110108000000017'],
  phone: ['010-62345678', '010-00000000'],
  mobile: ['13912345670', '010-62345678'],
  landline: ['021-62345678', '13912345670'],
  email: ['a@example.com', 'a@b'],
  domain: ['例子.公司', '192.168.0.1'],
  'icp-number': ['京ICP备12345678号-1', '港ICP备12345678号'],
  'filing-number': ['京公网安备 11010502000001号', '沪公网安备 11010502000001号'],
  ip: ['8.8.8.8', '192.168.0.1'],
}

describe('checkValue', () => {
  it('CHECK_KINDS lists the 12 kinds', () => {
    expect(CHECK_KINDS).toHaveLength(12)
  })

  it.each(CHECK_KINDS.map((k) => [k, ...SAMPLES[k]] as const))(
    '%s: %s valid, %s invalid',
    (kind, ok, bad) => {
      const good = checkValue(kind, ok, TODAY)
      expect(good).toMatchObject({ kind, input: ok, valid: true, errors: [] })
      const r = checkValue(kind, bad, TODAY)
      expect(r.kind).toBe(kind)
      expect(r.valid).toBe(false)
      expect(r.errors.length).toBeGreaterThan(0)
      expect(r.errors.every((e) => e.severity === 'error' && e.message.length > 0)).toBe(true)
    },
  )

  it('domain results carry ascii, registrable and isSubdomain', () => {
    expect(checkValue('domain', 'www.例子.公司')).toMatchObject({
      normalized: 'www.例子.公司',
      ascii: 'www.xn--fsqu00a.xn--55qx5d',
      registrable: 'xn--fsqu00a.xn--55qx5d',
      isSubdomain: true,
    })
  })

  it('uses today for resident-ID birth dates', () => {
    expect(
      checkValue('resident-id', '11010520261129001X'.slice(0, 17) + 'X', '2026-11-28').errors.map(
        (e) => e.code,
      ),
    ).toContain('resident-id.birth-future')
  })

  it('isCheckKind guards CLI input', () => {
    expect(isCheckKind('uscc')).toBe(true)
    expect(isCheckKind('passport')).toBe(false)
  })
})
