/**
 * 网站域名: a registrable host name. Accepts a pasted URL (scheme, port and path are stripped with
 * a warning), converts IDN labels to Punycode and finds the registrable domain (主域名) with the
 * ICANN part of the public suffix list (tldts).
 */
import { analyzeHost, normalizeHost } from './host'
import { isIpLiteral } from './ip'
import { buildResult, err, warn } from './result'
import type { DomainCheckResult, Finding } from './types'

/** Strips scheme, user info, port, path, query and fragment; reports whether it had to. */
export function stripUrl(input: string): { host: string; stripped: boolean } {
  const s = normalizeHost(input)
  const noScheme = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
  const hostPort = (noScheme.split(/[/?#]/)[0] ?? '').replace(/^.*@/, '')
  const bareIpv6 = (hostPort.match(/:/g) ?? []).length > 1
  const host = hostPort.startsWith('[')
    ? hostPort.replace(/^\[(.*)\](:\d+)?$/, '$1')
    : bareIpv6
      ? hostPort
      : hostPort.replace(/:\d*$/, '')
  return { host: host.replace(/\.$/, ''), stripped: host !== s }
}

/** Unicode form of the registrable part (the last labels of the host). */
function registrableDisplay(host: string, registrableAscii: string): string {
  const n = registrableAscii.split('.').length
  return host.split('.').slice(-n).join('.')
}

const URL_STRIPPED = (host: string): Finding =>
  warn(
    'domain.url-stripped',
    `已从网址中提取域名“${host}”（去掉了 http(s)://、端口或路径），这里只需填写域名。`,
  )

const IP_GIVEN =
  '这里需要域名，不能填写IP地址。网站没有域名时，请把“是否有独立一级域名”选“否”，在“首页URL/IP”中填写。'

function subdomainWarning(host: string, registrableAscii: string): Finding {
  const main = registrableDisplay(host, registrableAscii)
  const msg = `“${host}”是子域名，主域名为“${main}”。有独立域名的网站请填写主域名 ${main}，子域名可加在域名列表中。`
  return warn('domain.subdomain', msg)
}

export function checkDomain(input: string): DomainCheckResult {
  const { host, stripped } = stripUrl(input)
  const lead = stripped && host !== '' ? [URL_STRIPPED(host)] : []
  const early = (f: Finding): DomainCheckResult => ({
    ...buildResult('domain', input, host, [...lead, f]),
    kind: 'domain',
    ascii: host,
    registrable: null,
    isSubdomain: false,
  })
  if (host === '') return early(err('domain.required', '请填写网站域名。'))
  if (isIpLiteral(host)) return early(err('domain.ip', IP_GIVEN))
  const a = analyzeHost(host)
  const isSubdomain = a.registrable !== null && a.ascii !== a.registrable
  const findings = [...lead, ...a.findings]
  if (isSubdomain && a.registrable) findings.push(subdomainWarning(a.host, a.registrable))
  const result = buildResult('domain', input, a.host, findings)
  return { ...result, kind: 'domain', ascii: a.ascii, registrable: a.registrable, isSubdomain }
}
