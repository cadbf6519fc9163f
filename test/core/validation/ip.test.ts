import { describe, expect, it } from 'vitest'
import { checkIp, isIpLiteral } from '../../../core/validation'

describe('checkIp: public addresses', () => {
  it.each([
    ['8.8.8.8', '8.8.8.8'],
    [' 114.114.114.114 ', '114.114.114.114'],
    ['１２３．４５．６７．８９', '123.45.67.89'],
    ['172.15.255.255', '172.15.255.255'],
    ['172.32.0.1', '172.32.0.1'],
    ['100.63.255.255', '100.63.255.255'],
    ['100.128.0.1', '100.128.0.1'],
    ['2400:3200::1', '2400:3200::1'],
    ['240E:0000:0000:0000:0000:0000:0000:0001', '240e::1'],
    ['[2408:8000::8]', '2408:8000::8'],
    ['2001:4860:4860:0:0:0:0:8888', '2001:4860:4860::8888'],
  ])('%s', (input, normalized) => {
    const r = checkIp(input)
    expect(r.errors).toEqual([])
    expect(r.normalized).toBe(normalized)
  })
})

describe('checkIp: non-public addresses are errors with a reason', () => {
  it.each([
    ['10.0.0.1', '内网'],
    ['172.16.0.1', '内网'],
    ['172.31.255.254', '内网'],
    ['192.168.1.10', '内网'],
    ['127.0.0.1', '回环'],
    ['169.254.1.1', '链路本地'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['0.0.0.0', '本网络'],
    ['224.0.0.1', '组播'],
    ['239.255.255.250', '组播'],
    ['240.0.0.1', '保留'],
    ['255.255.255.255', '保留'],
    ['192.0.2.1', '文档'],
    ['198.51.100.7', '文档'],
    ['203.0.113.9', '文档'],
    ['198.18.0.1', '基准测试'],
    ['::1', '回环'],
    ['::', '未指定'],
    ['fc00::1', '唯一本地'],
    ['fd12:3456::1', '唯一本地'],
    ['fe80::1', '链路本地'],
    ['ff02::1', '组播'],
    ['2001:db8::1', '文档'],
    ['::ffff:8.8.8.8', 'IPv4映射'],
    ['100::1', '丢弃'],
    ['100:1::1', '保留'],
    ['4000::1', '保留'],
  ])('%s (%s)', (input, reason) => {
    const r = checkIp(input)
    expect(r.errors.map((e) => e.code)).toEqual(['ip.not-public'])
    expect(r.errors[0]?.message).toContain(reason)
  })
})

describe('checkIp: malformed input', () => {
  it.each([
    ['1.2.3.4/24', 'ip.range'],
    ['1.2.3.4-1.2.3.9', 'ip.range'],
    ['1.2.3.4~9', 'ip.range'],
    ['256.1.1.1', 'ip.format'],
    ['01.2.3.4', 'ip.format'],
    ['1.2.3', 'ip.format'],
    ['2400::3200::1', 'ip.format'],
    ['2400:3200:1:2:3:4:5:6:7', 'ip.format'],
    ['fe80::1%eth0', 'ip.format'],
    ['example.com', 'ip.format'],
    ['', 'ip.required'],
  ])('%s → %s', (input, code) => {
    expect(checkIp(input).errors.map((e) => e.code)).toEqual([code])
  })
})

describe('isIpLiteral', () => {
  it.each([
    ['8.8.8.8', true],
    ['::1', true],
    ['[::1]', true],
    ['example.com', false],
    ['1.2.3', false],
  ])('%s → %s', (input, want) => {
    expect(isIpLiteral(input)).toBe(want)
  })
})

// Each special-purpose range pinned at its edges: first and last address refused, the
// neighbours just outside accepted. Edges written out by hand from the IANA registries.
describe('checkIp: special-purpose ranges at their boundaries', () => {
  it.each([
    ['0.0.0.0/8', '0.0.0.0', '0.255.255.255', null, '1.0.0.0'],
    ['10.0.0.0/8', '10.0.0.0', '10.255.255.255', '9.255.255.255', '11.0.0.0'],
    ['100.64.0.0/10', '100.64.0.0', '100.127.255.255', '100.63.255.255', '100.128.0.0'],
    ['127.0.0.0/8', '127.0.0.0', '127.255.255.255', '126.255.255.255', '128.0.0.0'],
    ['169.254.0.0/16', '169.254.0.0', '169.254.255.255', '169.253.255.255', '169.255.0.0'],
    ['172.16.0.0/12', '172.16.0.0', '172.31.255.255', '172.15.255.255', '172.32.0.0'],
    ['192.168.0.0/16', '192.168.0.0', '192.168.255.255', '192.167.255.255', '192.169.0.0'],
    ['198.18.0.0/15', '198.18.0.0', '198.19.255.255', '198.17.255.255', '198.20.0.0'],
    ['192.0.0.0/24', '192.0.0.0', '192.0.0.255', '191.255.255.255', '192.0.1.0'],
    ['192.0.2.0/24', '192.0.2.0', '192.0.2.255', '192.0.1.255', '192.0.3.0'],
    ['192.88.99.0/24', '192.88.99.0', '192.88.99.255', '192.88.98.255', '192.88.100.0'],
    ['198.51.100.0/24', '198.51.100.0', '198.51.100.255', '198.51.99.255', '198.51.101.0'],
    ['203.0.113.0/24', '203.0.113.0', '203.0.113.255', '203.0.112.255', '203.0.114.0'],
    ['224.0.0.0/4', '224.0.0.0', '239.255.255.255', '223.255.255.255', null],
    ['240.0.0.0/4', '240.0.0.0', '255.255.255.255', null, null],
    ['fc00::/7', 'fc00::', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null, null],
    ['fe80::/10', 'fe80::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null, null],
    [
      '2001:db8::/32',
      '2001:db8::',
      '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:db7:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:db9::',
    ],
    ['::1/128', '::1', '::1', null, null],
    ['::ffff:0:0/96', '::ffff:0.0.0.0', '::ffff:255.255.255.255', null, null],
    [
      '3fff::/20',
      '3fff::',
      '3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff',
      '3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      '3fff:1000::',
    ],
    [
      '2001:2::/48',
      '2001:2::',
      '2001:2:0:ffff:ffff:ffff:ffff:ffff',
      '2001:1:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:2:1::',
    ],
    ['2001:20::/28', '2001:20::', '2001:2f:ffff:ffff:ffff:ffff:ffff:ffff', null, '2001:30::'],
  ])('%s', (_range, first, last, before, after) => {
    for (const inside of [first, last])
      expect(checkIp(inside).errors.map((e) => e.code)).toEqual(['ip.not-public'])
    for (const outside of [before, after])
      if (outside !== null) expect(checkIp(outside)).toMatchObject({ valid: true, errors: [], warnings: [] })
  })

  // Questioned ranges: first and last address warned about, the neighbours clean.
  it.each([
    ['192.31.196.0/24', '192.31.196.0', '192.31.196.255', '192.31.195.255', '192.31.197.0'],
    ['192.175.48.0/24', '192.175.48.0', '192.175.48.255', '192.175.47.255', '192.175.49.0'],
    ['192.52.193.0/24', '192.52.193.0', '192.52.193.255', '192.52.192.255', '192.52.194.0'],
    [
      '2001::/32',
      '2001::',
      '2001:0:ffff:ffff:ffff:ffff:ffff:ffff',
      '2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:1::',
    ],
    [
      '2002::/16',
      '2002::',
      '2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      '2003::',
    ],
  ])('%s is questioned from edge to edge', (_range, first, last, before, after) => {
    for (const inside of [first, last]) {
      const r = checkIp(inside)
      expect(r.valid).toBe(true)
      expect(r.warnings.map((w) => w.code)).toEqual(['ip.special-purpose'])
    }
    for (const outside of [before, after])
      expect(checkIp(outside)).toMatchObject({ valid: true, warnings: [] })
  })

  // Outside 2000::/3 every address is refused, so these edges are told apart by the reason.
  it.each([
    ['100::', '丢弃'],
    ['100::ffff:ffff:ffff:ffff', '丢弃'],
    ['100:0:0:1::', '全球单播'],
    ['fec0::', '站点本地'],
    ['feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '站点本地'],
    ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '链路本地'],
    ['ff00::', '组播'],
    ['64:ff9b::ffff:ffff', 'NAT64'],
    ['64:ff9b::1:0:0', '全球单播'],
    ['1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '全球单播'],
    ['4000::', '全球单播'],
  ])('%s: the reason names %s', (ip, label) => {
    const r = checkIp(ip)
    expect([...r.errors, ...r.warnings]).toHaveLength(1)
    expect([...r.errors, ...r.warnings][0]?.message).toContain(label)
  })

  it('the first and last addresses of global unicast 2000::/3 are public', () => {
    for (const ip of ['2000::', '3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'])
      expect(checkIp(ip)).toMatchObject({ valid: true, errors: [], warnings: [] })
  })

  it('public IPv6 neighbours of the private ranges pass', () => {
    for (const ip of ['2400:3200::1', '2408:8000::8', '2001:da8::1', '2a00:1450::1'])
      expect(checkIp(ip)).toMatchObject({ valid: true, warnings: [] })
  })

  it.each([
    ['2002:c000:0204::1', '6to4'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['64:ff9b::8.8.8.8', 'NAT64'],
    ['192.175.48.1', 'AS112'],
  ])('%s is questioned, not refused (%s)', (ip, label) => {
    const r = checkIp(ip)
    expect(r.valid).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['ip.special-purpose'])
    expect(r.warnings[0]?.message).toContain(label)
  })
})
