import { describe, expect, it } from 'vitest'
import { checkIcpNumber } from '../../../core/validation'

const ALL_SHORT = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵黔云滇藏陕甘陇青宁新'

describe('checkIcpNumber', () => {
  it.each([
    ['京ICP备12345678号', '京ICP备12345678号'],
    ['京ICP备12345678号-1', '京ICP备12345678号-1'],
    ['粤ICP备2021012345号-12', '粤ICP备2021012345号-12'],
    [' 沪 ICP 备 12345678 号 － 2 ', '沪ICP备12345678号-2'],
    ['浙icp备12345678号', '浙ICP备12345678号'],
    ['京ICP備12345678號', '京ICP备12345678号'],
  ])('accepts %s', (input, normalized) => {
    const r = checkIcpNumber(input)
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.normalized).toBe(normalized)
  })

  it.each([...ALL_SHORT])('accepts the province short name %s', (short) => {
    expect(checkIcpNumber(`${short}ICP备12345678号`).valid).toBe(true)
  })

  it.each([...'黔滇陇'])('takes the MIIT short name %s as it is', (short) => {
    const r = checkIcpNumber(`${short}ICP备2021001234号-2`)
    expect(r).toMatchObject({ valid: true, warnings: [], normalized: `${short}ICP备2021001234号-2` })
  })

  it.each([
    ['贵ICP备2021001234号-2', '黔ICP备2021001234号-2'],
    ['云ICP备12345678号', '滇ICP备12345678号'],
    ['甘 ICP 备 12345678 号 - 1', '陇ICP备12345678号-1'],
  ])('normalises %s to the printed %s and says so', (input, normalized) => {
    const r = checkIcpNumber(input)
    expect(r.valid).toBe(true)
    expect(r.normalized).toBe(normalized)
    expect(r.warnings.map((w) => w.code)).toEqual(['icp-number.short-name'])
    expect(r.warnings[0]?.message).toContain(normalized[0] as string)
  })

  it.each([
    ['京ICP备123456号', 'icp-number.old-format'],
    ['京ICP备1234567号', 'icp-number.old-format'],
    ['京ICP备123456789号', 'icp-number.old-format'],
    ['京ICP备1234567890号', 'icp-number.digits'],
    ['京ICP备12345678-1', 'icp-number.missing-hao'],
  ])('accepts %s with a note', (input, code) => {
    const r = checkIcpNumber(input)
    expect(r.valid).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual([code])
  })

  it('accepts a 经营许可证 number but warns that the 备案号 is needed', () => {
    const r = checkIcpNumber('京ICP证123456号')
    expect(r.valid).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['icp-number.licence'])
    expect(r.warnings[0]?.message).toContain('备案号')
  })

  it.each([
    ['', 'icp-number.required'],
    ['12345678', 'icp-number.format'],
    ['京公网安备11010502000001号', 'icp-number.format'],
    ['港ICP备12345678号', 'icp-number.province'],
    ['京ICP备12345号', 'icp-number.digits'],
    ['京ICP备12345678901号', 'icp-number.digits'],
    ['京ICP备12345678号-0', 'icp-number.site-no'],
    ['京ICP备12345678号-', 'icp-number.site-no'],
  ])('rejects %s', (input, code) => {
    expect(checkIcpNumber(input).errors.map((e) => e.code)).toEqual([code])
  })
})
