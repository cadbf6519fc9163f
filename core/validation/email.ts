/** 电子邮箱: pragmatic shape check (the portal sends notices there); IDN domains allowed. */
import { analyzeHost } from './host'
import { buildResult, err } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { CheckResult, Finding } from './types'

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/

function localFindings(local: string): Finding[] {
  if (local === '' || local.length > 64)
    return [err('email.local-length', '邮箱“@”前的用户名应为1–64个字符。')]
  if (!LOCAL.test(local))
    return [err('email.local-chars', '邮箱用户名含有不允许的字符（如中文、空格或逗号），请核对。')]
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return [err('email.local-dots', '邮箱用户名不能以“.”开头或结尾，也不能有连续的“..”。')]
  }
  return []
}

export function checkEmail(input: string): CheckResult {
  const s = stripSpaces(toHalfWidth(input))
  if (s === '') return buildResult('email', input, '', [err('email.required', '请填写电子邮箱。')])
  const at = s.lastIndexOf('@')
  if (at < 0)
    return buildResult('email', input, s, [
      err('email.format', '邮箱格式应为“用户名@域名”，如 name@example.com。'),
    ])
  const local = s.slice(0, at)
  const host = analyzeHost(s.slice(at + 1))
  const normalized = `${local}@${host.host}`
  const findings = [...localFindings(local)]
  if (host.host === '') findings.push(err('email.format', '邮箱“@”后缺少域名，如 name@example.com。'))
  else
    findings.push(...host.findings.map((f) => ({ ...f, code: f.code.replace(/^domain\./, 'email.domain-') })))
  if (local.length + 1 + host.ascii.length > 254)
    findings.push(err('email.too-long', '邮箱地址超过254个字符，请核对。'))
  return buildResult('email', input, normalized, findings)
}
