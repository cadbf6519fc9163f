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

describe('checkDomain: UTS #46 (tr46) mapping and validity', () => {
  it.each([
    ['XN--FSQU00A.cn', 'xn--fsqu00a.cn'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['Bücher.DE', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    // Non-transitional processing: ß stays ß (not "ss"), as registries and browsers do today.
    ['faß.de', 'xn--fa-hia.de'],
    ['mañana.com', 'xn--maana-pta.com'],
    ['مثال.com', 'xn--mgbh0fb.com'],
    ['xn--mgbh0fb.com', 'xn--mgbh0fb.com'],
    // Hyphens elsewhere than positions 3–4 are fine.
    ['a--b.com', 'a--b.com'],
    ['ab-cd.com', 'ab-cd.com'],
  ])('accepts %s as %s', (input, ascii) => {
    const r = checkDomain(input)
    expect(r.errors).toEqual([])
    expect(r.ascii).toBe(ascii)
  })

  it.each([
    ['xn--abc.com', 'does not decode'],
    ['xn--zz.com', 'does not decode'],
    ['xn--a.com', 'does not decode'],
    ['xn--1234.com', 'does not decode'],
    ['xn--example.com', 'decodes to a form that does not encode back'],
    ['www.xn--zz.cn', 'an invalid label deeper in the name'],
  ])('refuses %s: an xn-- label that %s', (input) => {
    const r = checkDomain(input)
    expect(r.errors.map((e) => e.code)).toEqual(['domain.punycode'])
    expect(r.errors[0]?.message).toContain('Punycode')
  })

  it.each([
    ['ab--cd.com', 'hyphens in positions 3–4'],
    ['١٢٣.com', 'Arabic-Indic digits only (bidi rule)'],
    ['a١.com', 'left-to-right label with an Arabic number (bidi rule)'],
  ])('refuses %s: %s', (input) => {
    expect(checkDomain(input).errors.map((e) => e.code)).toEqual(['domain.idna'])
  })

  it('refuses a zero-width joiner with the character message', () => {
    expect(checkDomain('a\u200db.com').errors.map((e) => e.code)).toEqual(['domain.chars'])
  })
})

describe('checkDomain: normalising input is always shown', () => {
  it.each(['example.com/', 'example.com:8080', 'http://example.com', 'example.com/?a=1', 'example.com:'])(
    '%s is read as example.com with a warning',
    (input) => {
      const r = checkDomain(input)
      expect(r).toMatchObject({ valid: true, normalized: 'example.com' })
      expect(r.warnings.map((w) => w.code)).toEqual(['domain.url-stripped'])
      expect(r.warnings[0]?.message).toContain('example.com')
    },
  )

  it.each(['example.com', 'Example.COM', 'example.com.'])('%s needs no such warning', (input) => {
    expect(checkDomain(input).warnings).toEqual([])
  })
})
