/**
 * Name rules ② and ③: what a subject's name says about its nature (个人 / 单位 and which 单位).
 */
import type { OrgKind, SubjectNature } from '../model'
import { toHalfWidth } from './text'

/** Middle-dot variants users type in transliterated names, mapped to U+00B7. */
export const normalizePersonName = (s: string): string =>
  toHalfWidth(s)
    .trim()
    .replace(/[•・．‧∙]/g, '·')
    .replace(/\s+/g, ' ')

/** 2–30 chars: Han characters (with `·`), or Latin letters with spaces, `.`, `'`, `-`. */
export function isPersonNameShape(name: string): boolean {
  const n = normalizePersonName(name)
  const len = [...n].length
  if (len < 2 || len > 30) return false
  return /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u.test(n) || /^[A-Za-z]+\.?(?:[ '·-][A-Za-z]+\.?)*$/.test(n)
}

type Rule = readonly [pattern: RegExp, kind: OrgKind | null]

/** Most specific first: a hospital run as a company is an enterprise. */
const RULES: readonly Rule[] = [
  [/律师事务所/, 'law-firm'],
  [/基金会/, 'foundation'],
  [/有限公司|有限责任公司|股份|公司|集团|厂$|合作社|企业|事务所|合伙\)/, 'enterprise'],
  [/中国人民解放军|武装警察|部队|军区|军事|国防/, 'military-academy'],
  [/人民政府|政府|委员会|人民法院|人民检察院|公安|局$|厅$|办公室$/, 'government'],
  [/民办/, 'private-non-enterprise'],
  [
    /医院|卫生院|学校|大学|学院|中学|小学|幼儿园|研究所|研究院|图书馆|博物馆|电视台|广播电台|出版社|疾病预防控制中心/,
    'public-institution',
  ],
  [/协会|学会|研究会|促进会|商会|联合会|联谊会|校友会/, 'social-group'],
  [/店$|工作室|经营部|商行|门市部|个体|馆$|摊/, 'sole-proprietor'],
  [/中心$|社$|站$|所$|部$|院$/, null],
]

export type NatureGuess = { nature: SubjectNature; orgKind: OrgKind | null }

/**
 * Guesses the nature from the name (rule ③): organisation words give 单位 and, when specific
 * enough, the kind; a plain person-name shape gives 个人; anything else null (no opinion).
 */
export function inferNatureFromName(name: string): NatureGuess | null {
  const n = toHalfWidth(name).trim()
  if (n === '') return null
  for (const [pattern, kind] of RULES) if (pattern.test(n)) return { nature: 'organization', orgKind: kind }
  return isPersonNameShape(n) ? { nature: 'individual', orgKind: null } : null
}

/** True when the text looks like a domain or URL (rule ②: a name must not be one). */
export const looksLikeDomain = (s: string): boolean =>
  /^(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?:[/:?#].*)?$/u.test(toHalfWidth(s).trim())

/** True when the text has no Han character and no Latin letter (digits/symbols only). */
export const isDigitsOrSymbolsOnly = (s: string): boolean => !/[\p{Script=Han}A-Za-z]/u.test(s)
