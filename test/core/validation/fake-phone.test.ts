import { describe, expect, it } from 'vitest'
import { isSequentialRun, landlineVerdict, mobileVerdict } from '../../../core/validation/fake-phone'

describe('fake-phone patterns', () => {
  it.each([
    ['12345678', true],
    ['87654321', true],
    ['3456789', true],
    ['89012345', false],
    ['12345679', false],
    ['1', false],
  ])('isSequentialRun(%s) = %s', (s, want) => {
    expect(isSequentialRun(s)).toBe(want)
  })

  it.each([
    ['00000000', 'error', '相同'],
    ['6666666', 'error', '相同'],
    ['23456789', 'warning', '连续'],
    ['7654321', 'warning', '连续'],
    ['62345678', null, ''],
    ['62348888', null, ''],
  ])('landlineVerdict(%s) → %s', (s, severity, reason) => {
    const r = landlineVerdict(s)
    if (severity === null) expect(r).toBeNull()
    else expect(r).toEqual({ severity, reason: expect.stringContaining(reason) as string })
  })

  it.each([
    ['13800000000', 'error', '相同'],
    ['18888888888', 'error', '相同'],
    ['13800138000', 'error', '测试号码'],
    ['15000150000', 'error', '测试号码'],
    ['13912345678', 'warning', '连续'],
    ['13898765432', 'warning', '连续'],
    ['13912348888', 'warning', '相同'],
    ['18600006666', 'warning', '相同'],
    ['13912345670', null, ''],
    ['13800138001', null, ''],
    ['13912340888', null, ''],
  ])('mobileVerdict(%s) → %s', (s, severity, reason) => {
    const r = mobileVerdict(s)
    if (severity === null) expect(r).toBeNull()
    else expect(r).toEqual({ severity, reason: expect.stringContaining(reason) as string })
  })
})
