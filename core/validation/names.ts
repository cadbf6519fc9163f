/**
 * Name rules ② and ③: what a subject's name says about its nature (个人 / 单位 and which 单位).
 */
import type { OrgKind, SubjectNature } from '../model'
import { parse } from 'tldts'
import { hostToAscii } from './idna'
import { toHalfWidth } from './text'

/**
 * Middle-dot variants users type in transliterated names (•, ・, ･, ‧, ∙, ⋅, and a full stop
 * between Han characters), mapped to U+00B7.
 */
export const normalizePersonName = (s: string): string =>
  toHalfWidth(s)
    .trim()
    .replace(/[•・･‧∙⋅]/g, '·')
    .replace(/(?<=\p{Script=Han})\s*\.\s*(?=\p{Script=Han})/gu, '·')
    .replace(/\s+/g, ' ')

const HAN_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u
/** Words of letters (with combining marks), joined by space, hyphen, apostrophe or `·`; initials may end in `.`. */
const LETTER_NAME = /^[\p{L}\p{M}]+\.?(?:[ '’·-][\p{L}\p{M}]+\.?)*$/u

/**
 * A personal name as ID documents print it: 2–30 Han characters (ethnic-minority names joined
 * by `·`), or 2–60 letters of the scripts passports print — Latin with any diacritics (é, ü, ñ,
 * ø, ł…), Cyrillic, Greek, Arabic, Hebrew, Hangul, Kana, Thai… — in words joined by spaces,
 * hyphens, apostrophes or `·`. No digits, no Han mixed with other letters.
 */
export function isPersonNameShape(name: string): boolean {
  const n = normalizePersonName(name)
  const len = [...n].length
  if (HAN_NAME.test(n)) return len >= 2 && len <= 30
  if (/\p{Script=Han}/u.test(n)) return false
  return len >= 2 && len <= 60 && LETTER_NAME.test(n)
}

/**
 * An organisation word. `certain` words are legal forms no person is named after (有限公司,
 * 事务所, 委员会…); the others (国防, 学会, 大学, a final 店/站/所…) also occur in given names, so
 * they only make a guess.
 */
type Rule = readonly [pattern: RegExp, kind: OrgKind | null, certain: boolean]

/** Most specific first: a hospital run as a company is an enterprise. */
const RULES: readonly Rule[] = [
  [/律师事务所/, 'law-firm', true],
  // Legal forms of organisations registered abroad (境外组织), as their names print them.
  [
    /\b(?:Ltd|LTD|Limited|LIMITED|Inc|INC|Incorporated|Corp|CORP|Corporation|Company|LLC|LLP|PLC|GmbH|AG|Pte)\b\.?|\b(?:Co|CO|S\.A|B\.V)\./,
    'enterprise',
    true,
  ],
  [/\b(?:Foundation|Association|Society|University|Institute|College)\b/, null, true],
  [/基金会/, 'foundation', true],
  [/有限责任公司|股份有限公司|有限公司|公司|集团|合作社|事务所|合伙\)|合伙企业/, 'enterprise', true],
  [/股份|企业|厂$/, 'enterprise', false],
  [/中国人民解放军|武装警察|部队|军区/, 'military', true],
  [/军事|国防/, 'military', false],
  [/人民政府|委员会|人民法院|人民检察院|公安局|公安厅|办公室$/, 'government', true],
  [/政府|公安|局$|厅$/, 'government', false],
  [/民办/, 'private-non-enterprise', false],
  [/高等专科学校|职业技术学院/, 'higher-education', true],
  [/大学|学院/, 'higher-education', false],
  [
    /医院|卫生院|学校|幼儿园|研究所|研究院|图书馆|博物馆|电视台|广播电台|出版社|疾病预防控制中心/,
    'public-institution',
    true,
  ],
  [/中学|小学/, 'public-institution', false],
  [/协会|研究会|促进会|商会|联合会|联谊会|校友会/, 'social-group', true],
  [/学会/, 'social-group', false],
  [/工作室|经营部|商行|门市部|个体/, 'sole-proprietor', true],
  [/店$|馆$|摊/, 'sole-proprietor', false],
  [/中心$|社$|站$|所$|部$|院$/, null, false],
]

export type NatureGuess = {
  nature: SubjectNature
  orgKind: OrgKind | null
  /** The organisation word the guess rests on ('' for a person-name guess). */
  word: string
  /** True when the word is a legal form (有限公司, 委员会…), not a word that also names people. */
  certain: boolean
}

/**
 * Guesses the nature from the name (rule ③): organisation words give 单位 and, when specific
 * enough, the kind; a plain person-name shape gives 个人; anything else null (no opinion).
 * An ambiguous word in a name longer than a personal name counts as certain.
 */
export function inferNatureFromName(name: string): NatureGuess | null {
  const n = toHalfWidth(name).trim()
  if (n === '') return null
  for (const [pattern, kind, certain] of RULES) {
    const m = pattern.exec(n)
    if (m) {
      const long = /^\p{Script=Han}{5,}$/u.test(n)
      return { nature: 'organization', orgKind: kind, word: m[0], certain: certain || long }
    }
  }
  return isPersonNameShape(n) ? { nature: 'individual', orgKind: null, word: '', certain: false } : null
}

const DOMAIN_SHAPE = /^(https?:\/\/)?((?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,})(?:[/:?#].*)?$/u

/**
 * True when the text looks like a domain or URL (rule ②: a name must not be one): a URL, or
 * dotted labels ending in a real public suffix (so initials such as “J.R.Smith” are a name).
 */
export function looksLikeDomain(s: string): boolean {
  const m = DOMAIN_SHAPE.exec(toHalfWidth(s).trim().replace(/。/g, '.'))
  if (!m) return false
  if (m[1]) return true
  return parse(hostToAscii((m[2] ?? '').toLowerCase())).isIcann === true
}

/** True when the text has no Han character and no Latin letter (digits/symbols only). */
export const isDigitsOrSymbolsOnly = (s: string): boolean => !/[\p{Script=Han}A-Za-z]/u.test(s)
