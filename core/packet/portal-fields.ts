/**
 * Every field the user types at the portal (beian.mps.gov.cn), in the portal's order and wording,
 * grouped by its steps: 开办主体 → 主体负责人 → 网站基本信息 → 网站负责人 (网站安全负责人,
 * 网站应急联络人). Pure data for 备案信息.pdf, 填写清单.txt and the 填报助手 view. ID numbers are
 * given in full: the packet is the user's own copy.
 */
import {
  controlledGoodsOf,
  type Address,
  type Person,
  type Provider,
  type Site,
  type SitePersonRef,
  type SlotKey,
  type Subject,
} from '../model'
import {
  NATURE_LABELS,
  ORG_CERT_TYPE_LABELS,
  ORG_KIND_LABELS,
  PERSON_ID_TYPE_LABELS,
} from '../validation/labels'

export type PortalStepKey = 'subject' | 'principal' | 'site' | 'site-people'

export type PortalField = {
  /** Stable key (e.g. `principal.idNumber`, `site.serverIps.2`) for copy buttons and tests. */
  key: string
  /** The portal's wording. */
  label: string
  /** Exactly what to type or choose; '' when the app has no value yet. */
  value: string
  /** A sub-heading inside the step (网站接入服务商, 网站安全负责人 …), when the portal has one. */
  block?: string
}

export type PortalStep = { key: PortalStepKey; step: string; fields: PortalField[] }

/** Shown wherever a field has no value yet. */
export const EMPTY_VALUE = '（未填写）'
const NONE = '无'
const yesNo = (b: boolean): string => (b ? '是' : '否')
const joinList = (items: readonly string[]): string =>
  items
    .map((s) => s.trim())
    .filter(Boolean)
    .join('、')

/** 省 / 市 / 区 as the portal's three selects show them. */
export function divisionText(address: Address): string {
  return address.divisionNames
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' / ')
}

/** 证件有效期: a date, 长期 for a long-term ID, '' when not entered. */
export function expiryText(idExpiry: string): string {
  return idExpiry === 'long-term' ? '长期' : idExpiry.trim()
}

type FieldList = { add: (key: string, label: string, value: string) => void; fields: PortalField[] }

function fieldList(prefix: string, block?: string): FieldList {
  const fields: PortalField[] = []
  const add = (key: string, label: string, value: string): void => {
    fields.push({ key: `${prefix}.${key}`, label, value: value.trim(), ...(block ? { block } : {}) })
  }
  return { add, fields }
}

/** Several values the portal takes one per row (add-button): numbered keys and labels past the first. */
function addEach(list: FieldList, key: string, label: string, values: readonly string[]): void {
  const clean = values.map((v) => v.trim()).filter(Boolean)
  if (clean.length === 0) list.add(key, label, '')
  clean.forEach((v, i) => {
    list.add(`${key}.${i + 1}`, clean.length > 1 ? `${label} ${i + 1}` : label, v)
  })
}

function subjectStep(subject: Subject): PortalStep {
  const list = fieldList('subject')
  list.add('nature', '开办主体性质', NATURE_LABELS[subject.nature])
  if (subject.nature === 'individual') {
    list.add('name', '开办者姓名', subject.name)
    return { key: 'subject', step: '开办主体', fields: list.fields }
  }
  list.add('orgKind', '单位性质', subject.orgKind ? ORG_KIND_LABELS[subject.orgKind] : '')
  list.add('name', '主办单位名称', subject.name)
  list.add('certType', '主办单位证件类型', subject.certType ? ORG_CERT_TYPE_LABELS[subject.certType] : '')
  list.add('certNumber', '主办单位证件号码', subject.certNumber)
  // 投资者或上级主管单位 is optional and not confirmed on the current form: listed only when filled.
  if (subject.investor.trim()) list.add('investor', '投资者或上级主管单位', subject.investor)
  list.add('officeAddress.division', '单位办公地址（省/市/区）', divisionText(subject.officeAddress))
  list.add('officeAddress.detail', '单位办公地址（详细地址）', subject.officeAddress.detail)
  list.add('officePhone', '办公电话', subject.officePhone)
  return { key: 'subject', step: '开办主体', fields: list.fields }
}

function identityFields(list: FieldList, p: Person): void {
  list.add('name', '姓名', p.name)
  list.add('idType', '证件类型', PERSON_ID_TYPE_LABELS[p.idType])
  list.add('idNumber', '证件号码', p.idNumber)
  list.add('idExpiry', '证件有效期', expiryText(p.idExpiry))
}

function principalStep(subject: Subject): PortalStep {
  const individual = subject.nature === 'individual'
  const list = fieldList('principal')
  const p = subject.principal
  identityFields(list, p)
  list.add('address.division', '常住地址（省/市/区）', divisionText(p.address))
  list.add('address.detail', '常住地址（详细地址）', p.address.detail)
  // A 个人's office phone is optional: listed only when filled.
  if (!individual || p.officePhone.trim()) list.add('officePhone', '办公电话', p.officePhone)
  list.add('mobile', '手机号码', p.mobile)
  list.add('email', '电子邮箱', p.email)
  return {
    key: 'principal',
    step: individual ? '开办者信息（主体负责人）' : '主体负责人',
    fields: list.fields,
  }
}

function providerFields(list: FieldList, key: string, p: Provider): void {
  list.add(`${key}.location`, '境内 / 境外', p.location === 'domestic' ? '境内' : '境外')
  if (p.location === 'domestic' || p.region.trim()) list.add(`${key}.region`, '所属区域', p.region)
  list.add(`${key}.name`, '服务商名称', p.name)
}

function siteStep(site: Site): PortalStep {
  const basic = fieldList('site')
  basic.add('name', '网站名称', site.name)
  basic.add('hasIcp', '是否有工信部备案号', yesNo(site.icpNumber.trim() !== ''))
  if (site.icpNumber.trim()) basic.add('icpNumber', '工信部备案号', site.icpNumber)
  basic.add('openingDate', '网站开通日期', site.openingDate)
  basic.add('hasOwnDomain', '是否有独立一级域名', yesNo(site.hasOwnDomain))
  if (site.hasOwnDomain) {
    basic.add('mainDomain', '网站主域名', site.mainDomain)
    if (site.extraDomains.some((d) => d.trim())) addEach(basic, 'extraDomains', '其他域名', site.extraDomains)
  } else {
    basic.add('homeUrl', '首页 URL 或 IP', site.homeUrl)
  }
  addEach(basic, 'serverIps', '网站 IP 地址', site.serverIps)
  const access = fieldList('site', '网站接入服务商')
  providerFields(access, 'accessProvider', site.accessProvider)
  access.add('accessMethod', '网站接入方式', site.accessMethod)
  const registrar = fieldList('site', '域名注册服务商')
  providerFields(registrar, 'registrar', site.registrar)
  const service = fieldList('site', '服务内容')
  service.add('interactive', '是否提供互联网交互服务', site.interactive ? '是（交互式网站）' : '否')
  service.add('serviceTypes', '网站服务类型', joinList(site.serviceTypes))
  service.add('languages', '网站语种', joinList(site.languages))
  service.add('preApprovals', '前置许可', joinList(site.preApprovals) || NONE)
  const goods = controlledGoodsOf(site)
  service.add('controlledGoods', '是否提供涉及管制物品信息发布服务', yesNo(goods.offers))
  if (goods.offers) service.add('controlledGoods.categories', '管制物品类别', joinList(goods.categories))
  return {
    key: 'site',
    step: '网站基本信息',
    fields: [...basic.fields, ...access.fields, ...registrar.fields, ...service.fields],
  }
}

function sitePersonFields(key: string, block: string, ref: SitePersonRef, principal: Person): PortalField[] {
  const list = fieldList(`site.${key}`, block)
  list.add('sameAsPrincipal', '同主体负责人信息', yesNo(ref.sameAsPrincipal))
  const p = ref.sameAsPrincipal ? principal : ref.person
  identityFields(list, p)
  list.add('mobile', '手机号码', p.mobile)
  list.add('email', '电子邮箱', p.email)
  return list.fields
}

function sitePeopleStep(subject: Subject, site: Site): PortalStep {
  return {
    key: 'site-people',
    step: '网站负责人',
    fields: [
      ...sitePersonFields('securityOfficer', '网站安全负责人', site.securityOfficer, subject.principal),
      ...sitePersonFields('emergencyContact', '网站应急联络人', site.emergencyContact, subject.principal),
    ],
  }
}

/** The portal's steps for one site, each with its fields in the portal's order. */
export function portalFields(subject: Subject, site: Site): PortalStep[] {
  return [subjectStep(subject), principalStep(subject), siteStep(site), sitePeopleStep(subject, site)]
}

/**
 * The portal step where a material is uploaded: 单位证件 and the 主体负责人's photos under
 * 开办主体, the 安全负责人's under 网站负责人, everything about the site (域名证书, permits, the
 * 安全评估报告) under 网站基本信息.
 */
export function uploadStepOf(slot: SlotKey): PortalStepKey {
  if (slot === 'subject-certificate' || slot.startsWith('principal-')) return 'subject'
  if (slot.startsWith('security-id-')) return 'site-people'
  return 'site'
}

/** Upload steps in portal order with their titles, for grouping the packet's images. */
export const UPLOAD_STEPS: readonly { key: PortalStepKey; title: string }[] = [
  { key: 'subject', title: '开办主体' },
  { key: 'site', title: '网站基本信息' },
  { key: 'site-people', title: '网站负责人' },
]
