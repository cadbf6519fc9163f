/** Host-name rules shared by the domain and e-mail checks. */
import { parse } from 'tldts'
import { isValidAceLabel, labelToAscii, strictToAscii } from './idna'
import { err } from './result'
import { toHalfWidth } from './text'
import type { Finding } from './types'

export type HostAnalysis = {
  /** Lower-cased Unicode form. */
  host: string
  /** Punycode form. */
  ascii: string
  /** Registrable domain (ASCII) per the ICANN section of the public suffix list, or null. */
  registrable: string | null
  findings: Finding[]
}

/** Lower-cases, maps full-width characters and the ideographic full stops to ASCII dots. */
export const normalizeHost = (s: string): string =>
  toHalfWidth(s.trim())
    .replace(/[。｡．]/g, '.')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\.$/, '')

function labelFindings(label: string, ascii: string): Finding[] {
  if (label === '') return [err('domain.empty-label', '域名中有连续的点或以点开头，请删除多余的“.”。')]
  const out: Finding[] = []
  const isAscii = ascii === label
  const shapeOk = isAscii ? /^[a-z0-9-]+$/.test(label) : /^[\p{L}\p{M}\p{N}-]+$/u.test(label)
  if (!shapeOk)
    out.push(err('domain.chars', `“${label}”含有域名不允许的字符：只能用字母、数字、连字符和中文等文字。`))
  if (label.startsWith('-') || label.endsWith('-'))
    out.push(err('domain.hyphen', `“${label}”不能以连字符“-”开头或结尾。`))
  if (ascii.length > 63) {
    out.push(
      err(
        'domain.label-too-long',
        `“${label}”转换为 Punycode 后有 ${ascii.length} 个字符，超过每段63个字符的上限。`,
      ),
    )
  }
  return out
}

/** Why UTS #46 refuses a host whose labels passed the friendlier checks above. */
function idnaFindings(labels: readonly string[]): Finding[] {
  const out: Finding[] = []
  for (const label of labels) {
    if (label.startsWith('xn--') && !isValidAceLabel(label)) {
      const msg = `“${label}”以 xn-- 开头，但不是有效的 Punycode 编码（无法解码，或解码后再编码与原文不一致）。请复制域名注册商给出的中文域名或正确的 xn-- 形式。`
      out.push(err('domain.punycode', msg))
    } else if (strictToAscii(label) === null) {
      const msg = `“${label}”不符合国际化域名规则（UTS #46）：如第3–4位不能是“--”，不能混用从左到右和从右到左的文字，零宽字符的位置不对等。请对照注册商的记录核对拼写。`
      out.push(err('domain.idna', msg))
    }
  }
  return out
}

/** Checks labels, length and the public suffix of an already stripped host name. */
export function analyzeHost(raw: string): HostAnalysis {
  const host = normalizeHost(raw)
  const labels = host.split('.')
  const asciiLabels = labels.map(labelToAscii)
  const findings = labels.flatMap((l, i) => labelFindings(l, asciiLabels[i] as string))
  const strict = findings.length === 0 ? strictToAscii(host) : null
  const ascii = strict ?? asciiLabels.join('.')
  if (ascii.length > 253)
    findings.push(err('domain.too-long', `域名转换后共 ${ascii.length} 个字符，超过253个字符的上限。`))
  if (findings.length === 0 && strict === null) findings.push(...idnaFindings(labels))
  if (labels.length < 2) {
    findings.push(err('domain.no-suffix', `“${host}”缺少后缀，请填写完整域名，如 example.com。`))
    return { host, ascii, registrable: null, findings }
  }
  if (findings.length > 0) return { host, ascii, registrable: null, findings }
  const p = parse(ascii)
  if (!p.isIcann)
    findings.push(
      err('domain.unknown-suffix', `后缀“.${labels.at(-1) ?? ''}”不是已登记的公共域名后缀，请检查拼写。`),
    )
  else if (!p.domain)
    findings.push(err('domain.is-suffix', `“${host}”本身是公共后缀，不是可注册的域名，请填写完整域名。`))
  return { host, ascii, registrable: p.isIcann ? p.domain : null, findings }
}
