/**
 * Server IP (网站IP): a single public IPv4 or IPv6 address the domain really resolves to.
 * Parsing and range arithmetic are ipaddr.js's; the special-purpose ranges (IANA IPv4 / IPv6
 * Special-Purpose Address Registries) are listed here with the Chinese reason shown to the user.
 */
import ipaddr from 'ipaddr.js'
import { buildResult, err, warn } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { CheckResult, Finding, Severity } from './types'

type Range = [cidr: string, label: string, severity: Severity]

/** Not reachable from the internet, or not a server's address: refused. */
const V4_RANGES: readonly Range[] = [
  ['0.0.0.0/8', '“本网络”保留', 'error'],
  ['10.0.0.0/8', '内网（私有）', 'error'],
  ['100.64.0.0/10', '运营商级NAT（CGNAT）共享', 'error'],
  ['127.0.0.0/8', '本机回环', 'error'],
  ['169.254.0.0/16', '链路本地', 'error'],
  ['172.16.0.0/12', '内网（私有）', 'error'],
  ['192.0.0.0/24', 'IETF协议保留', 'error'],
  ['192.0.2.0/24', '文档示例（TEST-NET-1）', 'error'],
  ['192.88.99.0/24', '6to4中继（已废弃）', 'error'],
  ['192.168.0.0/16', '内网（私有）', 'error'],
  ['198.18.0.0/15', '网络基准测试', 'error'],
  ['198.51.100.0/24', '文档示例（TEST-NET-2）', 'error'],
  ['203.0.113.0/24', '文档示例（TEST-NET-3）', 'error'],
  ['224.0.0.0/4', '组播', 'error'],
  ['240.0.0.0/4', '保留（含广播地址）', 'error'],
  // Public anycast services, not a web server: probably a wrong copy.
  ['192.31.196.0/24', 'AS112 反向解析服务（任播）', 'warning'],
  ['192.175.48.0/24', 'AS112 反向解析服务（任播）', 'warning'],
  ['192.52.193.0/24', 'AMT 组播中继（任播）', 'warning'],
]

const V6_RANGES: readonly Range[] = [
  ['::/128', '未指定（::）', 'error'],
  ['::1/128', '本机回环（::1）', 'error'],
  ['::ffff:0:0/96', 'IPv4映射（请直接填写IPv4地址）', 'error'],
  ['100::/64', '丢弃（100::/64）', 'error'],
  ['fc00::/7', '唯一本地（fc00::/7，内网）', 'error'],
  ['fe80::/10', '链路本地（fe80::/10）', 'error'],
  ['fec0::/10', '站点本地（fec0::/10，已废弃）', 'error'],
  ['ff00::/8', '组播（ff00::/8）', 'error'],
  ['2001:db8::/32', '文档示例（2001:db8::/32）', 'error'],
  ['3fff::/20', '文档示例（3fff::/20）', 'error'],
  ['2001:2::/48', '网络基准测试（2001:2::/48）', 'error'],
  ['2001:10::/28', 'ORCHID（不可路由）', 'error'],
  ['2001:20::/28', 'ORCHIDv2（不可路由）', 'error'],
  // Translation and tunnel prefixes: an address in them stands for another (guess: warn).
  ['64:ff9b::/96', 'NAT64 转换（64:ff9b::/96）', 'warning'],
  ['64:ff9b:1::/48', 'NAT64 本地转换（64:ff9b:1::/48）', 'warning'],
  ['2001::/32', 'Teredo 隧道（2001::/32）', 'warning'],
  ['2002::/16', '6to4 隧道（2002::/16）', 'warning'],
]

const V4 = V4_RANGES.map(([cidr, label, severity]) => ({ net: ipaddr.IPv4.parseCIDR(cidr), label, severity }))
const V6 = V6_RANGES.map(([cidr, label, severity]) => ({ net: ipaddr.IPv6.parseCIDR(cidr), label, severity }))
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3')

type Verdict = { label: string; severity: Severity }

function v4Verdict(a: ipaddr.IPv4): Verdict | null {
  return V4.find((r) => a.match(r.net)) ?? null
}

function v6Verdict(a: ipaddr.IPv6): Verdict | null {
  const hit = V6.find((r) => a.match(r.net))
  if (hit) return hit
  return a.match(GLOBAL_UNICAST_V6) ? null : { label: '保留（不在全球单播 2000::/3 内）', severity: 'error' }
}

function verdictFinding(ip: string, v: Verdict): Finding {
  if (v.severity === 'error') {
    const msg = `${ip} 是${v.label}地址，公网无法访问。请填写域名实际解析到的公网IP（可用 ping 或 nslookup 查询）。`
    return err('ip.not-public', msg)
  }
  const msg = `${ip} 属于${v.label}地址段，通常不是网站服务器本身的地址（仅凭地址段推测）。请确认这是域名实际解析到的IP。`
  return warn('ip.special-purpose', msg)
}

/** Strict forms only: dotted quad without leading zeros; IPv6 without a zone id. */
function parseStrict(s: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s)
  if (!s.includes('%') && s.includes(':') && ipaddr.IPv6.isValid(s)) return ipaddr.IPv6.parse(s)
  return null
}

const clean = (input: string): string =>
  stripSpaces(toHalfWidth(input))
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/。/g, '.')

export function checkIp(input: string): CheckResult {
  const s = clean(input)
  if (s === '') return buildResult('ip', input, s, [err('ip.required', '请填写服务器IP地址。')])
  if (/[/~]|\d-\d/.test(s)) {
    return buildResult('ip', input, s, [
      err('ip.range', '请逐个填写单个IP地址，不要填写网段或IP范围；有多个IP时分别添加。'),
    ])
  }
  const addr = parseStrict(s)
  if (!addr) {
    return buildResult('ip', input, s, [
      err('ip.format', `“${s}”不是有效的IPv4或IPv6地址，如 203.0.113.8 的格式；IPv4 每段0–255且不带前导零。`),
    ])
  }
  const text = addr.toString()
  const verdict = addr.kind() === 'ipv4' ? v4Verdict(addr as ipaddr.IPv4) : v6Verdict(addr as ipaddr.IPv6)
  return buildResult('ip', input, text, verdict ? [verdictFinding(text, verdict)] : [])
}

/** True when the text is an IPv4 or IPv6 literal (public or not). */
export const isIpLiteral = (s: string): boolean => parseStrict(s.replace(/^\[(.*)\]$/, '$1')) !== null
