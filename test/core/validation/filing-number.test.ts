import { describe, expect, it } from 'vitest'
import { checkFilingNumber } from '../../../core/validation'

describe('checkFilingNumber', () => {
  it.each([
    ['11010502000001', '11010502000001'],
    ['京公网安备 11010502000001号', '11010502000001'],
    ['京公网安备11010502000001号', '11010502000001'],
    ['京公网安备 11010502000001 号', '11010502000001'],
    ['京公網安備 11010202009201號', '11010202009201'],
    ['苏公网安备 32061202001206 号', '32061202001206'],
    ['粤公网安备44030502008569号', '44030502008569'],
    ['贵公网安备 52010202000001号', '52010202000001'],
    ['黔公网安备52010202000001号', '52010202000001'],
    ['云公网安备53010202000001号', '53010202000001'],
    ['滇公网安备53010202000001号', '53010202000001'],
    ['甘公网安备62010202000001号', '62010202000001'],
    ['陇公网安备62010202000001号', '62010202000001'],
    ['１１０００００２０００００１', '11000002000001'],
  ])('accepts %s', (input, normalized) => {
    const r = checkFilingNumber(input)
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.normalized).toBe(normalized)
  })

  it.each([
    ['沪公网安备 11010502000001号', '京'],
    ['粤公网安备 11010502000001号', '京'],
    ['京公网安备 44030502008569号', '粤'],
    ['川公网安备 52010202000001号', '贵或黔'],
  ])('rejects the mismatched prefix in %s and names the right one', (input, want) => {
    const r = checkFilingNumber(input)
    expect(r.errors.map((e) => e.code)).toEqual(['filing-number.prefix'])
    expect(r.errors[0]?.message).toContain(want)
  })

  it.each([
    ['', 'filing-number.required'],
    ['1101050200000', 'filing-number.length'],
    ['110105020000011', 'filing-number.length'],
    ['京ICP备12345678号', 'filing-number.format'],
    ['99010502000001', 'filing-number.province'],
    ['81000002000001', 'filing-number.province'],
  ])('rejects %s', (input, code) => {
    expect(checkFilingNumber(input).errors.map((e) => e.code)).toEqual([code])
  })

  it('warns about an unknown prefecture', () => {
    const r = checkFilingNumber('11990502000001')
    expect(r.valid).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['filing-number.division'])
  })
})
