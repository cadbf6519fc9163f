/** Server IP (网站IP): a single public IPv4 or IPv6 address the domain really resolves to. */
import { formatIpv6, parseIpv4, parseIpv6 } from './ip-parse'
import { buildResult, err } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { CheckResult, Finding } from './types'

type Range4 = [base: string, bits: number, label: string]

/** Non-public IPv4 ranges (IANA special-purpose registry). */
const V4_RANGES: Range4[] = [
  ['0.0.0.0', 8, '“本网络”保留'],
  ['10.0.0.0', 8, '内网（私有）'],
  ['100.64.0.0', 10, '运营商级NAT（CGNAT）共享'],
  ['127.0.0.0', 8, '本机回环'],
  ['169.254.0.0', 16, '链路本地'],
  ['172.16.0.0', 12, '内网（私有）'],
  ['192.0.0.0', 24, 'IETF协议保留'],
  ['192.0.2.0', 24, '文档示例（TEST-NET-1）'],
  ['192.88.99.0', 24, '6to4中继（已废弃）'],
  ['192.168.0.0', 16, '内网（私有）'],
  ['198.18.0.0', 15, '网络基准测试'],
  ['198.51.100.0', 24, '文档示例（TEST-NET-2）'],
  ['203.0.113.0', 24, '文档示例（TEST-NET-3）'],
  ['224.0.0.0', 4, '组播'],
  ['240.0.0.0', 4, '保留（含广播地址）'],
]

const toInt = (p: number[]): number => p.reduce((acc, n) => acc * 256 + n, 0)

function v4Label(parts: number[]): string | null {
  const ip = toInt(parts)
  for (const [base, bits, label] of V4_RANGES) {
    const size = 2 ** (32 - bits)
    const start = toInt(parseIpv4(base) as number[])
    if (ip >= start && ip < start + size) return label
  }
  return null
}

function v6Label(g: number[]): string | null {
  const [a = 0, b = 0] = g
  if (g.every((n) => n === 0)) return '未指定（::）'
  if (g.slice(0, 7).every((n) => n === 0) && g[7] === 1) return '本机回环（::1）'
  if (g.slice(0, 5).every((n) => n === 0) && g[5] === 0xffff) return 'IPv4映射（请直接填写IPv4地址）'
  if ((a & 0xfe00) === 0xfc00) return '唯一本地（fc00::/7，内网）'
  if ((a & 0xffc0) === 0xfe80) return '链路本地（fe80::/10）'
  if ((a & 0xff00) === 0xff00) return '组播（ff00::/8）'
  if (a === 0x2001 && b === 0x0db8) return '文档示例（2001:db8::/32）'
  if (a >> 4 === 0x3ff) return '文档示例（3fff::/20）'
  if ((a & 0xe000) !== 0x2000) return '保留（不在全球单播 2000::/3 内）'
  return null
}

const nonPublic = (ip: string, label: string): Finding =>
  err(
    'ip.not-public',
    `${ip} 是${label}地址，公网无法访问。请填写域名实际解析到的公网IP（可用 ping 或 nslookup 查询）。`,
  )

export function checkIp(input: string): CheckResult {
  const s = stripSpaces(toHalfWidth(input))
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/。/g, '.')
  if (s === '') return buildResult('ip', input, s, [err('ip.required', '请填写服务器IP地址。')])
  if (/[/~]|\d-\d/.test(s)) {
    return buildResult('ip', input, s, [
      err('ip.range', '请逐个填写单个IP地址，不要填写网段或IP范围；有多个IP时分别添加。'),
    ])
  }
  const v4 = parseIpv4(s)
  if (v4) {
    const label = v4Label(v4)
    return buildResult('ip', input, v4.join('.'), label ? [nonPublic(s, label)] : [])
  }
  const v6 = parseIpv6(s)
  if (v6) {
    const text = formatIpv6(v6)
    const label = v6Label(v6)
    return buildResult('ip', input, text, label ? [nonPublic(text, label)] : [])
  }
  return buildResult('ip', input, s, [
    err('ip.format', `“${s}”不是有效的IPv4或IPv6地址，如 203.0.113.8 的格式；IPv4 每段0–255且不带前导零。`),
  ])
}

/** True when the text is an IPv4 or IPv6 literal (public or not). */
export const isIpLiteral = (s: string): boolean =>
  parseIpv4(s) !== null || parseIpv6(s.replace(/^\[(.*)\]$/, '$1')) !== null
