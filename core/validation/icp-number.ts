/**
 * 工信部备案号 (ICP number), e.g. 京ICP备12345678号 or 京ICP备12345678号-1 (site number).
 * Numbers since 2019 carry a year prefix (粤ICP备2021012345号, 10 digits); older ones have 8,
 * and early ones 6–7 (accepted with a note). 京ICP证123456号 is a 经营许可证, not the 备案号.
 */
import { PROVINCE_SHORT_NAMES } from './divisions'
import { buildResult, err, warn } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { CheckResult, Finding } from './types'

const ICP_SHORT_NAMES = PROVINCE_SHORT_NAMES

/**
 * MIIT prints 黔, 滇 and 陇 for 贵州, 云南 and 甘肃 (黔ICP备…, 滇ICP备…, 陇ICP备…); the other
 * short names users type for these provinces are normalised to them, with a note.
 */
const MIIT_SHORT: Readonly<Record<string, string>> = { 贵: '黔', 云: '滇', 甘: '陇' }

export const normalizeIcpNumber = (input: string): string =>
  stripSpaces(toHalfWidth(input))
    .replace(/[－—–]/g, '-')
    .replace(/icp/i, 'ICP')
    .replace(/備/g, '备')
    .replace(/證/g, '证')
    .replace(/號/g, '号')

function bodyFindings(kind: string, digits: string, hasHao: boolean): Finding[] {
  const out: Finding[] = []
  if (kind === '证') {
    out.push(
      warn(
        'icp-number.licence',
        '“ICP证”是增值电信业务经营许可证编号，不是备案号。公安备案需要“ICP备”开头的备案号，请在工信部备案系统查询后填写。',
      ),
    )
  } else if (digits.length === 10 && !/^20\d{2}/.test(digits)) {
    out.push(warn('icp-number.digits', '10位备案号一般以年份（如2021）开头，请核对。'))
  } else if (digits.length !== 8 && digits.length !== 10) {
    out.push(
      warn(
        'icp-number.old-format',
        `备案号数字部分为${digits.length}位，属于较早的格式，请确认与工信部备案系统中的完全一致。`,
      ),
    )
  }
  if (!hasHao) out.push(warn('icp-number.missing-hao', '备案号末尾应有“号”字，已自动补上。'))
  return out
}

export function checkIcpNumber(input: string): CheckResult {
  const s = normalizeIcpNumber(input)
  if (s === '') return buildResult('icp-number', input, '', [err('icp-number.required', '请填写ICP备案号。')])
  const m = /^(.)ICP(备|证)(\d+)(号?)(?:-(\d*))?$/.exec(s)
  if (!m) {
    const msg = 'ICP备案号格式应为“省份简称 + ICP备 + 数字 + 号”，网站序号可加“-1”，如 京ICP备12345678号-1。'
    return buildResult('icp-number', input, s, [err('icp-number.format', msg)])
  }
  const [, short, kind, digits, hao, site] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ]
  const findings: Finding[] = []
  const miit = MIIT_SHORT[short]
  if (miit) {
    const msg = `工信部备案号中${short === '贵' ? '贵州' : short === '云' ? '云南' : '甘肃'}的简称是“${miit}”，已把“${short}ICP…”改为“${miit}ICP…”，请与工信部备案系统中的备案号核对。`
    findings.push(warn('icp-number.short-name', msg))
  }
  if (!ICP_SHORT_NAMES.includes(short)) {
    findings.push(err('icp-number.province', `“${short}”不是省份简称，ICP备案号应以 京、沪、粤 等简称开头。`))
  }
  if (digits.length < 6 || digits.length > 10) {
    findings.push(err('icp-number.digits', `备案号数字部分应为6–10位，当前为${digits.length}位，请核对。`))
  } else findings.push(...bodyFindings(kind, digits, hao === '号'))
  if (site !== undefined && (site === '' || /^0/.test(site))) {
    findings.push(err('icp-number.site-no', '“-”后的网站序号应为从1开始的数字，如 -1。'))
  }
  const normalized = `${miit ?? short}ICP${kind}${digits}号${site !== undefined ? `-${site}` : ''}`
  return buildResult('icp-number', input, normalized, findings)
}
