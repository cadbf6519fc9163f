/** 网站: basic information, domains, IPs, providers and the site's responsible persons. */
import { controlledGoodsOf, type Provider, type Site, type Subject } from '../model'
import { parseIsoDate } from './dates'
import { checkIcpNumber } from './icp-number'
import { checkIp } from './ip'
import { looksLikeDomain } from './names'
import { prefixFields, validatePerson } from './person'
import { providerForBrand } from './providers'
import { atField, err, findingsOf, warn } from './result'
import { domainFindings, reuseFindings } from './site-domains'
import { hasLegalNameShape } from './subject'
import type { Finding } from './types'

function basicFindings(site: Site, today: string): Finding[] {
  const out: Finding[] = []
  const name = site.name.trim()
  if (name === '')
    out.push(err('site.name-required', '请填写网站名称，须与ICP备案的网站名称完全一致。', 'name'))
  else if (looksLikeDomain(name))
    out.push(err('site.name-domain', '网站名称不能是域名，请填写ICP备案中的网站名称。', 'name'))
  if (site.icpNumber.trim() === '')
    out.push(
      warn('site.icp-missing', '未填写ICP备案号：在境内服务器上开通的网站须先完成ICP备案。', 'icpNumber'),
    )
  else out.push(...atField('icpNumber', findingsOf(checkIcpNumber(site.icpNumber))))
  const d = site.openingDate.trim()
  if (d === '')
    out.push(
      err('site.opening-date-required', '请填写网站开通日期（30天备案期限从这天起算）。', 'openingDate'),
    )
  else if (!parseIsoDate(d))
    out.push(err('site.opening-date-format', '开通日期应为有效日期，如 2024-05-01。', 'openingDate'))
  else if (d > today)
    out.push(
      err('site.opening-date-future', '开通日期不能晚于今天；网站开通后再办理公安备案。', 'openingDate'),
    )
  return out
}

function ipFindings(site: Site): Finding[] {
  if (site.serverIps.every((ip) => ip.trim() === '')) {
    return [err('site.ip-required', '请至少填写一个服务器IP（域名实际解析到的公网IP）。', 'serverIps')]
  }
  const seen = new Set<string>()
  return site.serverIps.flatMap((ip, i) => {
    const r = checkIp(ip)
    const out = atField(`serverIps.${i}`, findingsOf(r))
    if (r.valid && seen.has(r.normalized))
      out.push(warn('site.ip-duplicate', `IP ${r.normalized} 重复填写了。`, `serverIps.${i}`))
    seen.add(r.normalized)
    return out
  })
}

function providerFindings(p: Provider, field: string, label: string): Finding[] {
  const out: Finding[] = []
  const name = p.name.trim()
  if (name === '')
    out.push(err('site.provider-name-required', `请填写${label}名称（填错会被退回）。`, `${field}.name`))
  const legal = providerForBrand(name)
  if (legal && legal.name !== name) {
    out.push(
      warn(
        'site.provider-brand',
        `“${name}”是品牌名，${label}应填写公司全称“${legal.name}”。`,
        `${field}.name`,
      ),
    )
  }
  if (p.location === 'domestic' && p.region.trim() === '') {
    out.push(err('site.provider-region-required', `境内${label}须选择所属区域（省/市）。`, `${field}.region`))
  }
  return out
}

/** 管制物品: 是 needs its categories (the permit itself is a material slot). */
function controlledGoodsFindings(site: Site): Finding[] {
  const { offers, categories } = controlledGoodsOf(site)
  if (!offers || categories.length > 0) return []
  const msg = '选择了“提供涉及管制物品信息发布服务”，请选择涉及的类别（如管制器具）；不提供此类信息请选“否”。'
  return [err('site.controlled-goods-required', msg, 'controlledGoods')]
}

function peopleFindings(site: Site, today: string): Finding[] {
  const out: Finding[] = []
  if (!site.securityOfficer.sameAsPrincipal) {
    out.push(
      ...prefixFields(
        'securityOfficer.person',
        validatePerson(site.securityOfficer.person, 'security', today),
      ),
    )
  }
  if (!site.emergencyContact.sameAsPrincipal) {
    out.push(
      ...prefixFields(
        'emergencyContact.person',
        validatePerson(site.emergencyContact.person, 'emergency', today),
      ),
    )
  }
  return out
}

/**
 * Validates one site against its subject and the other sites/subjects of the workspace.
 * Field paths: `name`, `mainDomain`, `extraDomains.1`, `serverIps.0`, `accessProvider.region`, …
 */
export function validateSite(
  site: Site,
  subject: Subject,
  others: { sites: readonly Site[]; subjects: readonly Subject[] },
  today: string,
): Finding[] {
  const out = [
    ...basicFindings(site, today),
    ...domainFindings(site),
    ...reuseFindings(site, others.sites),
    ...ipFindings(site),
    ...providerFindings(site.accessProvider, 'accessProvider', '接入服务商'),
    ...providerFindings(site.registrar, 'registrar', '域名注册服务商'),
    ...peopleFindings(site, today),
    ...controlledGoodsFindings(site),
  ]
  if (site.name.trim() !== '' && site.name.trim() === subject.name.trim() && !hasLegalNameShape(subject)) {
    const msg =
      '网站名称与主体名称相同，而主体名称不像证件上的姓名或单位全称（仅凭名称推测）。网站可以用主体名称命名；如主体名称误填成了网站名，请改为证件上的全称（规则②）。'
    out.push(warn('site.name-is-subject', msg, 'name'))
  }
  if (site.accessMethod.trim() === '')
    out.push(
      warn('site.access-method-missing', '请选择网站接入方式（如 云服务器、租赁虚拟空间）。', 'accessMethod'),
    )
  return out
}
