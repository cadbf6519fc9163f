import { describe, expect, it } from 'vitest'
import { fakeLocalReason, fakeMobileReason, isSequentialRun } from '../../../core/validation/fake-phone'

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
    ['00000000', '相同'],
    ['6666666', '相同'],
    ['23456789', '连续'],
    ['62345678', null],
  ])('fakeLocalReason(%s)', (s, want) => {
    const r = fakeLocalReason(s)
    if (want === null) expect(r).toBeNull()
    else expect(r).toContain(want)
  })

  it.each([
    ['13800000000', '相同'],
    ['18888888888', '相同'],
    ['13912345678', '连续'],
    ['13898765432', '连续'],
    ['13800138000', '测试号码'],
    ['15000150000', '测试号码'],
    ['13912345670', null],
    ['13800138001', null],
  ])('fakeMobileReason(%s)', (s, want) => {
    const r = fakeMobileReason(s)
    if (want === null) expect(r).toBeNull()
    else expect(r).toContain(want)
  })
})
