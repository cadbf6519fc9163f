import { describe, expect, it } from 'vitest'
import { formatIpv6, parseIpv4, parseIpv6 } from '../../../core/validation/ip-parse'

describe('ip-parse', () => {
  it.each([
    ['1.2.3.4', [1, 2, 3, 4]],
    ['255.255.255.255', [255, 255, 255, 255]],
    ['256.0.0.1', null],
    ['1.02.3.4', null],
    ['1.2.3', null],
  ])('parseIpv4(%s)', (s, want) => {
    expect(parseIpv4(s)).toEqual(want)
  })

  it.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['2001:db8::', [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['1:2:3:4:5:6:7', null],
    ['1::2::3', null],
    ['1:2:3:4:5:6:7:8::', null],
    ['12345::', null],
    ['g::1', null],
  ])('parseIpv6(%s)', (s, want) => {
    expect(parseIpv6(s)).toEqual(want)
  })

  it.each([
    [[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], '2001:db8::1:0:0:1'],
    [[0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], '2001:db8:0:1:1:1:1:1'],
    [[0, 0, 0, 0, 0, 0, 0, 0], '::'],
    [[1, 0, 0, 2, 0, 0, 0, 3], '1:0:0:2::3'],
  ])('formatIpv6 follows RFC 5952 (%j)', (g, want) => {
    expect(formatIpv6(g)).toBe(want)
  })
})
