/**
 * 办公电话 / 手机号码 (rule ⑦): standard format and not obviously fake.
 * Mobile: 1[3-9] + 9 digits (+86 / 86 / 0086 prefix allowed). Landline: area code 010, 02x or
 * 0[3-9]xx; local part 8 digits after 010/02x, 7 or 8 digits elsewhere; optional extension.
 */
import { buildResult, err, warn } from './result'
import { toHalfWidth } from './text'
import type { CheckKind, CheckResult, Finding } from './types'
import { landlineVerdict, mobileVerdict, type PhoneVerdict } from './fake-phone'

export type ParsedPhone = {
  form: 'mobile' | 'landline' | 'service' | 'invalid'
  normalized: string
  findings: Finding[]
}

/** Removes decoration (spaces, brackets, dots) and splits off an extension. */
function clean(input: string): { body: string; ext: string | null } {
  const s = toHalfWidth(input)
    .trim()
    .replace(/[\s()（）.]/g, '')
    .replace(/[－—–]/g, '-')
  const m = /^(.+?)(?:转|分机|ext|x|#)(\d{1,6})$/i.exec(s) ?? /^(0\d{2,3}-\d{7,8})-(\d{1,6})$/.exec(s)
  if (!m) return { body: s.replace(/-/g, ''), ext: null }
  return { body: (m[1] as string).replace(/-/g, ''), ext: m[2] as string }
}

/** A placeholder is refused; a memorable number only questioned (it may well be real). */
function verdictFinding(v: PhoneVerdict, what: string): Finding {
  if (v.severity === 'error') {
    const msg = `${v.reason}，是占位用的假号码（如 010-00000000 会被退回）。请填写真实的${what}（规则⑦）。`
    return err('phone.fake', msg)
  }
  const msg = `${v.reason}。这类好记的号码确有人使用，但也常被当作随手填的假号码：请确认这是真实的${what}（规则⑦）。`
  return warn('phone.memorable', msg)
}

function parseMobile(digits: string): ParsedPhone | null {
  const d = digits.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '')
  if (!/^1\d{10}$/.test(d)) return null
  const findings: Finding[] = []
  if (!/^1[3-9]/.test(d))
    findings.push(err('phone.mobile-prefix', `手机号码“${d}”的号段不存在（应以13–19开头），请核对。`))
  const verdict = mobileVerdict(d)
  if (verdict) findings.push(verdictFinding(verdict, '手机号'))
  return { form: 'mobile', normalized: d, findings }
}

function areaCode(d: string): string | null {
  if (/^010/.test(d)) return '010'
  if (/^02\d/.test(d)) return d.slice(0, 3)
  if (/^0[3-9]\d{2}/.test(d)) return d.slice(0, 4)
  return null
}

function parseLandline(digits: string, ext: string | null): ParsedPhone {
  const d = digits.replace(/^(?:\+86|0086|86)(?=[1-9]\d{8,})/, '0')
  const area = areaCode(d)
  if (!area) {
    const msg = /^[2-9]\d{6,7}$/.test(d)
      ? '缺少区号，请按“区号-号码”填写，如 010-12345678、0571-8888xxxx。'
      : '电话号码格式不正确，应为手机号或“区号-号码”形式的固定电话（规则⑦）。'
    return { form: 'invalid', normalized: d, findings: [err('phone.format', msg)] }
  }
  const local = d.slice(area.length)
  const lengths = area.length === 3 ? [8] : [7, 8]
  const findings: Finding[] = []
  const verdict = lengths.includes(local.length) ? landlineVerdict(local) : null
  if (verdict?.severity === 'error') {
    findings.push(verdictFinding(verdict, '办公电话'))
  } else if (!lengths.includes(local.length) || !/^[2-9]/.test(local)) {
    const want = area.length === 3 ? '8位' : '7或8位'
    const msg = `区号 ${area} 后的本地号码应为${want}且不以0或1开头，请核对（规则⑦）。`
    findings.push(err('phone.local-length', msg))
  } else if (verdict) findings.push(verdictFinding(verdict, '办公电话'))
  const normalized = `${area}-${local}${ext ? `转${ext}` : ''}`
  return { form: 'landline', normalized, findings }
}

function parseService(digits: string): ParsedPhone | null {
  if (!/^[48]00\d{7}$/.test(digits)) return null
  const normalized = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`
  const note = warn(
    'phone.service-number',
    '400/800 是企业客服号码，审核时可能要求改为带区号的固定电话，建议填写办公室座机。',
  )
  return { form: 'service', normalized, findings: [note] }
}

/** Parses any phone form; callers restrict the form by kind. */
export function parsePhone(input: string): ParsedPhone {
  const { body, ext } = clean(input)
  if (body === '')
    return { form: 'invalid', normalized: '', findings: [err('phone.required', '请填写电话号码。')] }
  if (!/^\+?\d+$/.test(body)) {
    return {
      form: 'invalid',
      normalized: body,
      findings: [err('phone.format', '电话号码只能包含数字、区号分隔符“-”和分机号，请删去其他字符。')],
    }
  }
  if (ext === null) {
    const mobile = parseMobile(body)
    if (mobile) return mobile
  }
  return parseService(body) ?? parseLandline(body, ext)
}

function restrict(kind: CheckKind, parsed: ParsedPhone): Finding[] {
  if (kind === 'mobile' && parsed.form !== 'mobile' && parsed.form !== 'invalid') {
    return [err('phone.not-mobile', '这里需要11位手机号码（1开头），请勿填写固定电话。')]
  }
  if (kind === 'landline' && parsed.form === 'mobile') {
    return [err('phone.not-landline', '这里需要带区号的固定电话，如 010-12345678，请勿填写手机号。')]
  }
  return []
}

function checkPhoneKind(kind: 'phone' | 'mobile' | 'landline', input: string): CheckResult {
  const parsed = parsePhone(input)
  let findings = [...parsed.findings, ...restrict(kind, parsed)]
  if (kind === 'mobile' && parsed.form === 'invalid' && findings.every((f) => f.code !== 'phone.required')) {
    findings = [err('phone.mobile-format', '手机号码应为11位数字，以13–19开头（可带 +86），请核对。')]
  }
  return buildResult(kind, input, parsed.normalized, findings)
}

/** Mobile or landline. */
export const checkPhone = (input: string): CheckResult => checkPhoneKind('phone', input)
export const checkMobile = (input: string): CheckResult => checkPhoneKind('mobile', input)
export const checkLandline = (input: string): CheckResult => checkPhoneKind('landline', input)
