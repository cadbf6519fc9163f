/**
 * 统一社会信用代码 (GB 32100-2015): 1 registration department, 1 category, 6 division digits,
 * 9-character 组织机构代码 (GB 11714, incl. its own check), 1 MOD 31 check character.
 * Department/category table from GB 32100-2015 表1 and later allocations published by the
 * national USCC centre (A = 中央军委改革和编制办公室, N = 农业农村). Sources: the standard's
 * text as reproduced in public validator code; verify against the current standard when updating.
 */
import { isKnownProvince } from './divisions'
import { isValidOrgCode } from './org-code'
import { buildResult, err, warn } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { CheckResult, Finding } from './types'

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

type Dept = { name: string; categories: Readonly<Record<string, string>> }

export const USCC_DEPARTMENTS: Readonly<Record<string, Dept>> = {
  '1': {
    name: '机构编制',
    categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    categories: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    categories: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { name: '其他', categories: { '1': '其他' } },
}

/** MOD 31 check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '')
    if (v < 0) throw new Error('usccCheckChar: character outside the USCC charset')
    sum += v * (WEIGHTS[i] as number)
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31] as string
}

/** Department and category names of a USCC (null parts when not in the table). */
export function usccCategory(code: string): { department: string | null; category: string | null } {
  const dept = USCC_DEPARTMENTS[code[0] ?? '']
  return { department: dept?.name ?? null, category: dept?.categories[code[1] ?? ''] ?? null }
}

/** A valid USCC for test fixtures. `orgBody` is the 8-character 组织机构代码 body. */
export function generateUscc(
  opts: { department?: string; category?: string; division?: string; orgBody?: string } = {},
): string {
  const body = opts.orgBody ?? '12345678'
  const first17 = `${opts.department ?? '9'}${opts.category ?? '1'}${opts.division ?? '110108'}${body}${orgCheck(body)}`
  return first17 + usccCheckChar(first17)
}

function orgCheck(body8: string): string {
  for (const c of '0123456789X') if (isValidOrgCode(body8 + c)) return c
  return '0'
}

export const isValidUsccChecksum = (s: string): boolean =>
  s.length === 18 && [...s].every((c) => USCC_CHARSET.includes(c)) && usccCheckChar(s.slice(0, 17)) === s[17]

function structureFindings(s: string): Finding[] {
  const out: Finding[] = []
  const dept = USCC_DEPARTMENTS[s[0] as string]
  if (!dept)
    out.push(warn('uscc.department', `第1位“${s.charAt(0)}”不是已知的登记管理部门代码，请核对证书。`))
  else if (!dept.categories[s[1] as string]) {
    out.push(
      err(
        'uscc.category',
        `第2位“${s.charAt(1)}”不是“${dept.name}”部门下的机构类别，第1、2位组合无效，请核对证书（规则④）。`,
      ),
    )
  }
  const province = s.slice(2, 4)
  if (!isKnownProvince(province) && s.slice(2, 8) !== '100000') {
    out.push(err('uscc.division', `第3–8位行政区划码“${s.slice(2, 8)}”的省份不存在，请核对证书。`))
  }
  if (!isValidOrgCode(s.slice(8, 17))) {
    const soft = s[0] === '9' && s[1] === '2'
    const msg = '第9–17位内含的组织机构代码校验不通过（GB 11714），请对照证书逐位核对。'
    out.push(soft ? warn('uscc.org-code', msg) : err('uscc.org-code', msg))
  }
  return out
}

export function checkUscc(input: string): CheckResult {
  const s = stripSpaces(toHalfWidth(input)).toUpperCase()
  const findings: Finding[] = []
  const bad = [...s].filter((c) => !USCC_CHARSET.includes(c))
  if (s === '') findings.push(err('uscc.required', '请填写统一社会信用代码。'))
  else if (s.length !== 18)
    findings.push(err('uscc.length', `统一社会信用代码应为18位，当前为${s.length}位，请对照营业执照核对。`))
  else if (bad.length > 0) {
    const list = [...new Set(bad)].join('、')
    findings.push(
      err(
        'uscc.charset',
        `包含不允许的字符“${list}”：代码只用数字和除 I、O、Z、S、V 以外的大写字母（常见误把 O 当 0、I 当 1）。`,
      ),
    )
  } else {
    findings.push(...structureFindings(s))
    if (!isValidUsccChecksum(s))
      findings.push(
        err('uscc.checksum', '第18位校验码不正确（GB 32100），号码中可能有输错的字符，请逐位核对（规则④）。'),
      )
  }
  return buildResult('uscc', input, s, findings)
}
