import { describe, expect, it } from 'vitest'
import { checkDomain, stripUrl } from '../../../core/validation'

describe('checkDomain: valid domains', () => {
  it.each([
    ['example.com', 'example.com', 'example.com'],
    ['Example.COM', 'example.com', 'example.com'],
    ['example.com.cn', 'example.com.cn', 'example.com.cn'],
    ['测试.中国', 'xn--0zwm56d.xn--fiqs8s', 'xn--0zwm56d.xn--fiqs8s'],
    ['例子.公司', 'xn--fsqu00a.xn--55qx5d', 'xn--fsqu00a.xn--55qx5d'],
    ['例子。公司', 'xn--fsqu00a.xn--55qx5d', 'xn--fsqu00a.xn--55qx5d'],
    ['xn--fsqu00a.xn--55qx5d', 'xn--fsqu00a.xn--55qx5d', 'xn--fsqu00a.xn--55qx5d'],
    ['ｅｘａｍｐｌｅ．ｃｎ', 'example.cn', 'example.cn'],
    ['example.com.', 'example.com', 'example.com'],
  ])('%s', (input, ascii, registrable) => {
    const r = checkDomain(input)
    expect(r.errors).toEqual([])
    expect(r.ascii).toBe(ascii)
    expect(r.registrable).toBe(registrable)
    expect(r.isSubdomain).toBe(false)
  })

  it('keeps the Unicode form as normalized', () => {
    expect(checkDomain('例子.公司').normalized).toBe('例子.公司')
  })
})

describe('checkDomain: subdomains and pasted URLs', () => {
  it('flags a subdomain and names the main domain', () => {
    const r = checkDomain('www.example.com')
    expect(r).toMatchObject({ valid: true, isSubdomain: true, registrable: 'example.com' })
    expect(r.warnings.map((w) => w.code)).toEqual(['domain.subdomain'])
    expect(r.warnings[0]?.message).toContain('example.com')
  })

  it('names an IDN main domain in Unicode', () => {
    const r = checkDomain('www.例子.公司')
    expect(r.isSubdomain).toBe(true)
    expect(r.warnings[0]?.message).toContain('例子.公司')
  })

  it('strips scheme, port, path and query with a warning', () => {
    const r = checkDomain('https://Example.com:8443/path/index.html?q=1#top')
    expect(r.normalized).toBe('example.com')
    expect(r.warnings.map((w) => w.code)).toEqual(['domain.url-stripped'])
  })

  it('strips a bare path without scheme', () => {
    expect(checkDomain('example.com/about').warnings.map((w) => w.code)).toEqual(['domain.url-stripped'])
  })

  it('stripUrl handles user info and IPv6 brackets', () => {
    expect(stripUrl('http://user:pw@example.com:80/')).toEqual({ host: 'example.com', stripped: true })
    expect(stripUrl('http://[2400:3200::1]:8080/').host).toBe('2400:3200::1')
  })
})

describe('checkDomain: errors', () => {
  const longLabel = '国家税务总局上海市税务局第一稽查局关于某某有限公司的行政处罚决定书查询平台正式版'

  it.each([
    ['', 'domain.required'],
    ['192.168.1.1', 'domain.ip'],
    ['http://203.0.113.8/', 'domain.ip'],
    ['2400:3200::1', 'domain.ip'],
    ['localhost', 'domain.no-suffix'],
    ['example.unknowntld', 'domain.unknown-suffix'],
    ['com.cn', 'domain.is-suffix'],
    ['-example.com', 'domain.hyphen'],
    ['example-.com', 'domain.hyphen'],
    ['exa_mple.com', 'domain.chars'],
    ['exa mple.com', 'domain.chars'],
    ['example..com', 'domain.empty-label'],
    [`${'a'.repeat(64)}.com`, 'domain.label-too-long'],
    [`${longLabel}.com`, 'domain.label-too-long'],
    [`${Array(70).fill('abc').join('.')}.com`, 'domain.too-long'],
  ])('%s → %s', (input, code) => {
    const r = checkDomain(input)
    expect(r.valid).toBe(false)
    expect(r.errors.map((e) => e.code)).toContain(code)
  })

  it('measures label length after Punycode conversion', () => {
    expect(longLabel.length).toBeLessThan(63)
    const ok = checkDomain(`${longLabel.slice(0, 10)}.com`)
    expect(ok.valid).toBe(true)
    const r = checkDomain(`${longLabel}.com`)
    expect(r.ascii.split('.')[0]?.length).toBeGreaterThan(63)
  })

  it('tells the user to use the 首页URL/IP option for an IP', () => {
    expect(checkDomain('8.8.8.8').errors[0]?.message).toContain('首页URL')
  })
})
