/** Domain part of the site form: main/extra domains, home URL, and reuse by other sites. */
import type { Site } from '../model'
import { checkDomain, stripUrl } from './domain'
import { checkIp, isIpLiteral } from './ip'
import { atField, err, findingsOf, warn } from './result'
import type { Finding } from './types'

/** All domains of a site (main first), as entered. */
export const siteDomains = (s: Site): string[] =>
  s.hasOwnDomain ? [s.mainDomain, ...s.extraDomains] : [s.homeUrl]

function ownDomainFindings(site: Site): Finding[] {
  if (site.mainDomain.trim() === '')
    return [err('site.main-domain-required', '请填写网站主域名。', 'mainDomain')]
  const main = checkDomain(site.mainDomain)
  const out = atField('mainDomain', findingsOf(main))
  const seen = new Set([main.ascii])
  site.extraDomains.forEach((d, i) => {
    const field = `extraDomains.${i}`
    const r = checkDomain(d)
    out.push(
      ...atField(field, r.errors),
      ...atField(
        field,
        r.warnings.filter((w) => w.code !== 'domain.subdomain'),
      ),
    )
    if (r.ascii !== '' && seen.has(r.ascii))
      out.push(err('site.domain-duplicate', `域名“${r.normalized}”重复填写了，请删除重复项。`, field))
    seen.add(r.ascii)
  })
  return out
}

function homeUrlFindings(site: Site): Finding[] {
  const url = site.homeUrl.trim()
  const f = 'homeUrl'
  if (url === '')
    return [
      err(
        'site.home-url-required',
        '没有独立域名时，请填写首页URL（如 https://shop.example.com/abc）或IP地址。',
        f,
      ),
    ]
  const { host } = stripUrl(url)
  const hasScheme = /^https?:\/\//i.test(url)
  if (!hasScheme && !isIpLiteral(url)) {
    return [err('site.home-url-scheme', '首页URL应以 http:// 或 https:// 开头，或直接填写IP地址。', f)]
  }
  if (isIpLiteral(host)) return atField(f, findingsOf(checkIp(host)))
  const r = checkDomain(host)
  return atField(f, r.errors)
}

export function domainFindings(site: Site): Finding[] {
  return site.hasOwnDomain ? ownDomainFindings(site) : homeUrlFindings(site)
}

type Key = { host: string; registrable: string | null }

/** Keys per site object; records are immutable data, so identity is a safe cache key. */
const KEY_CACHE = new WeakMap<Site, Key[]>()

function keysOf(site: Site): Key[] {
  const cached = KEY_CACHE.get(site)
  if (cached) return cached
  const keys = siteDomains(site)
    .filter((d) => d.trim() !== '')
    .map((d) => checkDomain(stripUrl(d).host))
    .filter((r) => r.valid)
    .map((r) => ({ host: r.ascii, registrable: r.registrable }))
  KEY_CACHE.set(site, keys)
  return keys
}

type ReuseIndex = {
  /** Host → positions (in the list) of the sites using it; the same for registrable domains. */
  byHost: Map<string, number[]>
  byRegistrable: Map<string, number[]>
}

/** One index per list of sites (lists are immutable data): built once, O(sites). */
const REUSE_INDEX = new WeakMap<readonly Site[], ReuseIndex>()

function reuseIndex(others: readonly Site[]): ReuseIndex {
  const cached = REUSE_INDEX.get(others)
  if (cached) return cached
  const byHost = new Map<string, number[]>()
  const byRegistrable = new Map<string, number[]>()
  const add = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key)
    if (!list) map.set(key, [at])
    else if (list[list.length - 1] !== at) list.push(at)
  }
  others.forEach((other, at) => {
    for (const k of keysOf(other)) {
      add(byHost, k.host, at)
      if (k.registrable) add(byRegistrable, k.registrable, at)
    }
  })
  const index = { byHost, byRegistrable }
  REUSE_INDEX.set(others, index)
  return index
}

/**
 * The sites that share a host or a registrable domain with `mine`, in list order: the only
 * ones the pairwise check can warn about (an index instead of scanning every site per site).
 */
function candidates(mine: readonly Key[], others: readonly Site[]): Site[] {
  const index = reuseIndex(others)
  const at = new Set<number>()
  for (const k of mine) {
    for (const i of index.byHost.get(k.host) ?? []) at.add(i)
    if (k.registrable) for (const i of index.byRegistrable.get(k.registrable) ?? []) at.add(i)
  }
  return [...at].sort((a, b) => a - b).map((i) => others[i] as Site)
}

/** The warning about `other` when it shares a host or a registrable domain with `mine`. */
function reuseOf(mine: readonly Key[], other: Site): Finding | null {
  const theirs = keysOf(other)
  const same = mine.find((k) => theirs.some((t) => t.host === k.host))
  const related =
    same ?? mine.find((k) => k.registrable && theirs.some((t) => t.registrable === k.registrable))
  if (!related) return null
  const how = same ? `同一域名 ${related.host}` : `同一主域名 ${related.registrable ?? related.host}`
  return warn(
    'site.domain-reused',
    `网站“${other.name}”也使用了${how}。同一域名只能备案一次；多个域名属于同一网站时请合并到一个网站的域名列表中。`,
    'mainDomain',
  )
}

function reuseAmong(site: Site, mine: readonly Key[], others: readonly Site[]): Finding[] {
  const out: Finding[] = []
  for (const other of others) {
    if (other.id === site.id) continue
    const f = reuseOf(mine, other)
    if (f) out.push(f)
  }
  return out
}

/** Warns when another site uses the same host or the same registrable domain. */
export function reuseFindings(site: Site, others: readonly Site[]): Finding[] {
  const mine = keysOf(site)
  return mine.length === 0 ? [] : reuseAmong(site, mine, candidates(mine, others))
}

/** The same check against every other site, without the index: the reference it is tested against. */
export function reuseFindingsPlain(site: Site, others: readonly Site[]): Finding[] {
  return reuseAmong(site, keysOf(site), others)
}
