import { describe, expect, it } from 'vitest'
import type { Site } from '../../../core/model'
import { validateSite } from '../../../core/validation'
import { codes, errorCodes, makePerson, makeSite, makeSubject, MINOR_ID, TODAY } from './fixtures'

const check = (over: Partial<Site>, others: Site[] = []): ReturnType<typeof validateSite> => {
  const site = makeSite(over)
  return validateSite(site, makeSubject(), { sites: [site, ...others], subjects: [makeSubject()] }, TODAY)
}
const pairs = (fs: ReturnType<typeof validateSite>): [string, string | undefined][] =>
  fs.map((f) => [f.code, f.field])

describe('validateSite: basic information', () => {
  it('accepts the complete fixture', () => {
    expect(check({})).toEqual([])
  })

  it.each([
    [{ name: '' }, 'site.name-required', 'name'],
    [{ name: 'example.com' }, 'site.name-domain', 'name'],
    [{ icpNumber: '京ICP备123号' }, 'icp-number.digits', 'icpNumber'],
    [{ openingDate: '' }, 'site.opening-date-required', 'openingDate'],
    [{ openingDate: '2026-02-30' }, 'site.opening-date-format', 'openingDate'],
    [{ openingDate: '2026-11-29' }, 'site.opening-date-future', 'openingDate'],
  ])('%o → %s', (over, code, field) => {
    expect(pairs(check(over))).toContainEqual([code, field])
  })

  it('a site may be named after its subject', () => {
    expect(check({ name: '北京示例科技有限公司' })).toEqual([])
  })

  it('warns when the subject’s name is the site’s and looks like a site name', () => {
    const subject = makeSubject({ name: '快乐商城' })
    const site = makeSite({ name: '快乐商城' })
    const f = validateSite(site, subject, { sites: [site], subjects: [subject] }, TODAY)
    expect(f.map((x) => [x.code, x.severity])).toEqual([['site.name-is-subject', 'warning']])
  })

  it('only warns when the ICP number is missing', () => {
    expect(check({ icpNumber: '' }).map((f) => [f.code, f.severity])).toEqual([
      ['site.icp-missing', 'warning'],
    ])
  })

  it('opening today is fine', () => {
    expect(check({ openingDate: TODAY })).toEqual([])
  })
})

describe('validateSite: domains', () => {
  it('accepts IDN main and extra domains', () => {
    expect(check({ mainDomain: '例子.公司', extraDomains: ['测试.中国', 'example.cn'] })).toEqual([])
  })

  it('warns when the main domain is a subdomain', () => {
    expect(pairs(check({ mainDomain: 'www.example.com' }))).toEqual([['domain.subdomain', 'mainDomain']])
  })

  it('extra domains may be subdomains without warning', () => {
    expect(check({ extraDomains: ['www.example.com'] })).toEqual([])
  })

  it('reports invalid and duplicate extra domains by index', () => {
    const f = check({ extraDomains: ['example.cn', 'bad_domain.com', 'EXAMPLE.com'] })
    expect(pairs(f)).toEqual([
      ['domain.chars', 'extraDomains.1'],
      ['site.domain-duplicate', 'extraDomains.2'],
    ])
  })

  it('requires the main domain', () => {
    expect(pairs(check({ mainDomain: '' }))).toEqual([['site.main-domain-required', 'mainDomain']])
  })

  it('refuses an IP as main domain', () => {
    expect(errorCodes(check({ mainDomain: '8.8.8.8' }))).toEqual(['domain.ip'])
  })

  it.each(['https://shop.example.com/store', 'http://8.8.8.8/', '8.8.8.8', 'http://[2400:3200::1]:8080/'])(
    'without own domain accepts home URL %s',
    (homeUrl) => {
      expect(check({ hasOwnDomain: false, mainDomain: '', homeUrl })).toEqual([])
    },
  )

  it.each([
    ['', 'site.home-url-required'],
    ['shop.example.com', 'site.home-url-scheme'],
    ['ftp://example.com', 'site.home-url-scheme'],
    ['http://192.168.1.2/', 'ip.not-public'],
    ['https://bad_host.com/', 'domain.chars'],
  ])('without own domain rejects home URL %s', (homeUrl, code) => {
    expect(pairs(check({ hasOwnDomain: false, homeUrl }))).toEqual([[code, 'homeUrl']])
  })

  it('warns when another site uses the same host and names it', () => {
    const other = makeSite({ id: 'site-2', name: '另一个网站', mainDomain: 'example.com' })
    const f = check({}, [other])
    expect(codes(f)).toEqual(['site.domain-reused'])
    expect(f[0]?.message).toContain('另一个网站')
  })

  it('warns when another site uses a subdomain of the same main domain', () => {
    const other = makeSite({ id: 'site-2', name: '博客', mainDomain: 'blog.example.com' })
    expect(codes(check({}, [other]))).toEqual(['site.domain-reused'])
  })

  it('does not compare a site with itself or with unrelated domains', () => {
    expect(check({}, [makeSite({ id: 'site-2', mainDomain: 'example.net' })])).toEqual([])
  })
})

describe('validateSite: IPs and providers', () => {
  it.each([
    [{ serverIps: [] }, 'site.ip-required', 'serverIps'],
    [{ serverIps: [''] }, 'site.ip-required', 'serverIps'],
    [{ serverIps: ['8.8.8.8', '10.0.0.1'] }, 'ip.not-public', 'serverIps.1'],
    [{ serverIps: ['1.2.3.0/24'] }, 'ip.range', 'serverIps.0'],
  ])('%o → %s', (over, code, field) => {
    expect(pairs(check(over))).toEqual([[code, field]])
  })

  it('warns about a duplicate IP', () => {
    expect(check({ serverIps: ['8.8.8.8', '8.8.8.8'] }).map((f) => [f.code, f.severity, f.field])).toEqual([
      ['site.ip-duplicate', 'warning', 'serverIps.1'],
    ])
  })

  it('requires provider name and, when domestic, region', () => {
    const f = check({ accessProvider: { location: 'domestic', region: '', name: '' } })
    expect(pairs(f)).toEqual([
      ['site.provider-name-required', 'accessProvider.name'],
      ['site.provider-region-required', 'accessProvider.region'],
    ])
  })

  it('an abroad registrar needs no region', () => {
    expect(check({ registrar: { location: 'abroad', region: '', name: 'GoDaddy.com, LLC' } })).toEqual([])
  })

  it('suggests the legal name for a brand', () => {
    const f = check({ registrar: { location: 'domestic', region: '北京市', name: '腾讯云' } })
    expect(pairs(f)).toEqual([['site.provider-brand', 'registrar.name']])
    expect(f[0]?.message).toContain('腾讯云计算（北京）有限责任公司')
  })

  it('warns when the access method is missing', () => {
    expect(codes(check({ accessMethod: '' }))).toEqual(['site.access-method-missing'])
  })
})

describe('validateSite: site persons', () => {
  it('validates a separate security officer and emergency contact', () => {
    const f = check({
      securityOfficer: { sameAsPrincipal: false, person: makePerson({ idNumber: MINOR_ID }) },
      emergencyContact: { sameAsPrincipal: false, person: makePerson({ mobile: '13800138000', email: '' }) },
    })
    expect(pairs(f)).toEqual([
      ['person.minor', 'securityOfficer.person.idNumber'],
      ['phone.fake', 'emergencyContact.person.mobile'],
    ])
  })

  it('skips persons marked same as principal', () => {
    expect(
      check({ securityOfficer: { sameAsPrincipal: true }, emergencyContact: { sameAsPrincipal: true } }),
    ).toEqual([])
  })
})

describe('validateSite: 管制物品信息发布服务', () => {
  it.each<[Partial<Site>, string]>([
    [{}, 'a site saved before the question'],
    [{ offersControlledGoods: false, controlledGoods: [] }, '否'],
    [{ offersControlledGoods: true, controlledGoods: ['管制器具'] }, '是, with a category'],
    [{ offersControlledGoods: true, controlledGoods: ['警用装备', '易制爆危险化学品'] }, '是, with two'],
  ])('%o passes (%s)', (over) => {
    expect(check(over)).toEqual([])
  })

  it('是 without a category is refused at the category field', () => {
    const f = check({ offersControlledGoods: true, controlledGoods: [] })
    expect(f.map((x) => [x.code, x.severity, x.field])).toEqual([
      ['site.controlled-goods-required', 'error', 'controlledGoods'],
    ])
  })
})
