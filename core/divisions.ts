/**
 * Administrative divisions (行政区划) for the cascading address picker: code shapes and pure helpers.
 *
 * Canonical codes are the prefixes of the 12-digit 统计用区划代码: province 2 digits, city (地级) 4,
 * county (县级) 6, town or street (乡级) 9, village or community (村级) 12. The 6-digit form of
 * a county is also its GB/T 2260 code (the one on ID cards). Padded forms are accepted as input:
 * GB/T 2260 `440000` / `440100` and 12-digit `440100000000` name the province / city they pad.
 */
import { PROVINCES } from './validation/divisions'

export type { DivisionNode } from './api'

export type DivisionLevel = 'province' | 'city' | 'county' | 'town' | 'village'

/** Canonical code length of each level, top down. */
export const DIVISION_LEVELS: readonly { level: DivisionLevel; length: number }[] = [
  { level: 'province', length: 2 },
  { level: 'city', length: 4 },
  { level: 'county', length: 6 },
  { level: 'town', length: 9 },
  { level: 'village', length: 12 },
]

const LENGTHS = DIVISION_LEVELS.map((l) => l.length)
const CODE_PATTERN = /^(?:\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/

/** True for a string of ASCII digits with one of the level lengths (2, 4, 6, 9 or 12). */
export function isDivisionCode(code: unknown): code is string {
  return typeof code === 'string' && CODE_PATTERN.test(code)
}

/** The level of a canonical code, or null when the shape is not a division code. */
export function divisionLevel(code: string): DivisionLevel | null {
  if (!isDivisionCode(code)) return null
  return DIVISION_LEVELS.find((l) => l.length === code.length)?.level ?? null
}

/** The parent's canonical code (`440106` → `4401`); null for a province or a malformed code. */
export function parentCode(code: string): string | null {
  if (!isDivisionCode(code)) return null
  const index = LENGTHS.indexOf(code.length)
  return index > 0 ? code.slice(0, LENGTHS[index - 1]) : null
}

/** The codes from the province down to the code itself (`440106` → `44`, `4401`, `440106`). */
export function ancestorCodes(code: string): string[] {
  if (!isDivisionCode(code)) return []
  return LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n))
}

/**
 * The canonical codes an input may mean, most specific first: the code itself, then each shorter
 * prefix whose dropped digits are all zeros (`440100` → `440100`, `4401`, `44`). A caller picks
 * the first one it knows; `441900` (东莞市, a county-less city) is a real county code in the data.
 */
export function candidateCodes(code: string): string[] {
  if (!isDivisionCode(code)) return []
  const shorter = LENGTHS.filter((n) => n < code.length && /^0+$/.test(code.slice(n)))
  return [code, ...shorter.reverse().map((n) => code.slice(0, n))]
}

/** The 12-digit 统计用区划代码 of a canonical code (`4401` → `440100000000`). */
export function toStatisticalCode(code: string): string | null {
  return isDivisionCode(code) ? code.padEnd(12, '0') : null
}

/** The 6-digit GB/T 2260 code of a province, city or county (`44` → `440000`); null below. */
export function toGbCode(code: string): string | null {
  return isDivisionCode(code) && code.length <= 6 ? code.padEnd(6, '0') : null
}

/**
 * The one-character province abbreviations used as the ICP number and 公网安备 badge prefix
 * (`11` → `['京']`, `52` → `['贵', '黔']`); empty for unknown codes and for HK, Macao, Taiwan.
 * Accepts any code and looks at its first two digits.
 */
export function provinceShortNames(code: string): readonly string[] {
  if (!/^\d{2}/.test(code)) return []
  return PROVINCES[code.slice(0, 2)]?.short ?? []
}
