import { describe, expect, it } from 'vitest'
import type { Person, Subject } from '../../../core/model'
import { SLOT_KEYS } from '../../../core/model'
import { portalFields, uploadStepOf, UPLOAD_STEPS, type PortalStep } from '../../../core/packet/portal-fields'
import { generateUscc } from '../../../core/validation'
import { makeIndividual, makePerson, makeSite, syntheticResidentId } from '../../support/factories'

const values = (step: PortalStep | undefined): Record<string, string> =>
  Object.fromEntries((step?.fields ?? []).map((f) => [f.label, f.value]))
const labels = (step: PortalStep | undefined): string[] => (step?.fields ?? []).map((f) => f.label)

function organization(principal: Person): Subject {
  const now = new Date().toISOString()
  return {
    id: 'org1',
    nature: 'organization',
    orgKind: 'enterprise',
    name: '北京星河数码科技有限公司',
    certType: 'uscc-certificate',
    certNumber: generateUscc({ orgBody: '73829105' }),
    investor: '',
    officeAddress: {
      divisionCodes: ['110000', '110100', '110108'],
      divisionNames: ['北京市', '市辖区', '海淀区'],
      detail: '中关村大街 27 号 8 层 801',
    },
    officePhone: '010-62345678',
    principal,
    createdAt: now,
    updatedAt: now,
  }
}

describe('portalFields', () => {
  it('gives the portal steps in order, for 单位 with the 单位 fields in the portal wording', () => {
    const principal = makePerson({
      name: '王建国',
      idNumber: syntheticResidentId('19751203', '456'),
      idExpiry: 'long-term',
      officePhone: '010-62345679',
    })
    const subject = organization(principal)
    const steps = portalFields(subject, makeSite(subject.id))
    expect(steps.map((s) => s.step)).toEqual(['开办主体', '主体负责人', '网站基本信息', '网站负责人'])
    expect(labels(steps[0])).toEqual([
      '开办主体性质',
      '单位性质',
      '主办单位名称',
      '主办单位证件类型',
      '主办单位证件号码',
      '单位办公地址（省/市/区）',
      '单位办公地址（详细地址）',
      '办公电话',
    ])
    expect(values(steps[0])).toMatchObject({
      开办主体性质: '单位',
      单位性质: '企业',
      主办单位证件类型: '统一社会信用代码证',
      主办单位证件号码: subject.certNumber,
      '单位办公地址（省/市/区）': '北京市 / 市辖区 / 海淀区',
      '单位办公地址（详细地址）': '中关村大街 27 号 8 层 801',
    })
    // ID numbers in full, 长期 spelled as the portal's option.
    expect(values(steps[1])).toMatchObject({
      姓名: '王建国',
      证件类型: '居民身份证',
      证件号码: principal.idNumber,
      证件有效期: '长期',
      办公电话: '010-62345679',
    })
    expect(principal.idNumber).toHaveLength(18)
  })

  it('lists 投资者或上级主管单位 only when filled', () => {
    const subject = { ...organization(makePerson()), investor: '星河控股集团有限公司' }
    expect(values(portalFields(subject, makeSite(subject.id))[0])['投资者或上级主管单位']).toBe(
      '星河控股集团有限公司',
    )
    expect(labels(portalFields(organization(makePerson()), makeSite('org1'))[0])).not.toContain(
      '投资者或上级主管单位',
    )
  })

  it('for 个人 names the holder and leaves out the optional office phone when empty', () => {
    const subject = makeIndividual()
    const steps = portalFields(subject, makeSite(subject.id))
    expect(values(steps[0])).toEqual({ 开办主体性质: '个人', 开办者姓名: '李小明' })
    expect(steps[1]?.step).toBe('开办者信息（主体负责人）')
    expect(labels(steps[1])).toEqual([
      '姓名',
      '证件类型',
      '证件号码',
      '证件有效期',
      '常住地址（省/市/区）',
      '常住地址（详细地址）',
      '手机号码',
      '电子邮箱',
    ])
    const withPhone = makeIndividual({ principal: makePerson({ officePhone: '021-55501234' }) })
    expect(values(portalFields(withPhone, makeSite(withPhone.id))[1])['办公电话']).toBe('021-55501234')
  })

  it('gives every site value: domains, each IP on its own row, providers, services', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id, {
      extraDomains: ['www.example-blog.cn', ' 例子.中国 '],
      serverIps: ['47.95.1.10', '2408:4000::1'],
      registrar: { location: 'abroad', region: '', name: 'NameCheap, Inc.' },
      interactive: true,
      serviceTypes: ['www', '论坛BBS'],
      languages: ['中文简体', '英语'],
      preApprovals: [],
    })
    const step = portalFields(subject, site)[2]
    const keyed = Object.fromEntries((step?.fields ?? []).map((f) => [f.key, f]))
    expect(keyed['site.name']?.value).toBe('小明的博客')
    expect(keyed['site.icpNumber']?.value).toBe('京ICP备12345678号-1')
    expect(keyed['site.mainDomain']?.value).toBe('example-blog.cn')
    expect(keyed['site.extraDomains.2']).toMatchObject({ label: '其他域名 2', value: '例子.中国' })
    expect(keyed['site.serverIps.1']).toMatchObject({ label: '网站 IP 地址 1', value: '47.95.1.10' })
    expect(keyed['site.serverIps.2']).toMatchObject({ label: '网站 IP 地址 2', value: '2408:4000::1' })
    expect(keyed['site.accessProvider.name']).toMatchObject({
      block: '网站接入服务商',
      value: '阿里云计算有限公司',
    })
    expect(keyed['site.accessProvider.region']?.value).toBe('浙江省杭州市')
    expect(keyed['site.registrar.location']).toMatchObject({ block: '域名注册服务商', value: '境外' })
    expect(keyed['site.registrar.region']).toBeUndefined()
    expect(keyed['site.interactive']?.value).toBe('是（交互式网站）')
    expect(keyed['site.serviceTypes']?.value).toBe('www、论坛BBS')
    expect(keyed['site.languages']?.value).toBe('中文简体、英语')
    expect(keyed['site.preApprovals']?.value).toBe('无')
    expect(keyed['site.controlledGoods']?.value).toBe('否')
    expect(keyed['site.controlledGoods.categories']).toBeUndefined()
    // One IP keeps the plain label.
    const one = portalFields(subject, makeSite(subject.id))[2]?.fields.find(
      (f) => f.key === 'site.serverIps.1',
    )
    expect(one?.label).toBe('网站 IP 地址')
  })

  it('lists the 管制物品 categories when the site offers them', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id, {
      offersControlledGoods: true,
      controlledGoods: ['管制器具', '警用装备'],
      preApprovals: ['新闻', '教育'],
    })
    const v = values(portalFields(subject, site)[2])
    expect(v).toMatchObject({
      是否提供涉及管制物品信息发布服务: '是',
      管制物品类别: '管制器具、警用装备',
      前置许可: '新闻、教育',
    })
  })

  it('asks for the 首页 URL or IP instead of domains when the site has no own domain, and 否 without ICP', () => {
    const subject = makeIndividual()
    const site = makeSite(subject.id, { hasOwnDomain: false, homeUrl: 'http://47.95.1.10/', icpNumber: '' })
    const v = values(portalFields(subject, site)[2])
    expect(v).toMatchObject({
      是否有独立一级域名: '否',
      '首页 URL 或 IP': 'http://47.95.1.10/',
      是否有工信部备案号: '否',
    })
    expect(v['网站主域名']).toBeUndefined()
    expect(v['工信部备案号']).toBeUndefined()
  })

  it('resolves "same as 主体负责人" and gives a separate person in full', () => {
    const subject = makeIndividual()
    const officer = makePerson({
      name: '赵敏',
      idType: 'passport',
      idNumber: 'E12345678',
      idExpiry: '2031-02-28',
      mobile: '13800138000',
      email: 'zm@example.com',
    })
    const site = makeSite(subject.id, { securityOfficer: { sameAsPrincipal: false, person: officer } })
    const fields = portalFields(subject, site)[3]?.fields ?? []
    const security = fields.filter((f) => f.block === '网站安全负责人')
    const emergency = fields.filter((f) => f.block === '网站应急联络人')
    expect(security.map((f) => [f.label, f.value])).toEqual([
      ['同主体负责人信息', '否'],
      ['姓名', '赵敏'],
      ['证件类型', '普通护照'],
      ['证件号码', 'E12345678'],
      ['证件有效期', '2031-02-28'],
      ['手机号码', '13800138000'],
      ['电子邮箱', 'zm@example.com'],
    ])
    expect(emergency[0]?.value).toBe('是')
    expect(emergency.find((f) => f.label === '证件号码')?.value).toBe(subject.principal.idNumber)
    expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length)
  })

  it('keeps empty values empty (never invented) and every key unique', () => {
    const subject = makeIndividual({ principal: makePerson({ email: '', idExpiry: '' }) })
    const steps = portalFields(subject, makeSite(subject.id, { serverIps: [], accessMethod: '' }))
    const all = steps.flatMap((s) => s.fields)
    expect(all.find((f) => f.key === 'principal.email')?.value).toBe('')
    expect(all.find((f) => f.key === 'principal.idExpiry')?.value).toBe('')
    expect(all.find((f) => f.key === 'site.serverIps')?.value).toBe('')
    expect(all.find((f) => f.key === 'site.accessMethod')?.value).toBe('')
    expect(new Set(all.map((f) => f.key)).size).toBe(all.length)
  })
})

describe('uploadStepOf', () => {
  it('puts each slot under the portal step that uploads it, in the step order', () => {
    const byStep = (key: string) => SLOT_KEYS.filter((s) => uploadStepOf(s) === key)
    expect(byStep('subject')).toEqual([
      'subject-certificate',
      'principal-id-front',
      'principal-id-back',
      'principal-id-handheld',
    ])
    expect(byStep('site-people')).toEqual(['security-id-front', 'security-id-back', 'security-id-handheld'])
    expect(byStep('site')).toContain('domain-certificate')
    expect(byStep('site')).toHaveLength(SLOT_KEYS.length - 7)
    expect(UPLOAD_STEPS.map((s) => s.key)).toEqual(['subject', 'site', 'site-people'])
  })
})
