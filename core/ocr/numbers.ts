/**
 * 公民身份号码 and 统一社会信用代码 from OCR text. A number is accepted only when its check
 * character holds (GB 11643, GB 32100) together with the rest of the validator's rules. When
 * the text as read fails, the usual confusions (O↔0, I/l↔1, Z↔2, S↔5, B↔8) are tried, and a
 * repaired number is accepted only when exactly one variant passes.
 */
import { checkResidentId } from '../validation/resident-id'
import { USCC_CHARSET, USCC_DEPARTMENTS, isValidUsccChecksum } from '../validation/uscc'
import { DIGIT_TO_LETTER, LETTER_TO_DIGIT, cleanOcrText, noSpaces } from './text'

export type NumberRead =
  | { status: 'ok'; value: string; raw: string; corrected: boolean }
  | { status: 'rejected'; raw: string }
  | { status: 'ambiguous'; raw: string; values: string[] }
  | { status: 'none' }

const MAX_VARIANTS = 1024

/** Runs of number-like characters, at least `min` long. */
function runs(text: string, min: number): string[] {
  return (noSpaces(cleanOcrText(text)).match(/[0-9A-Za-z|×]+/g) ?? []).filter((r) => r.length >= min)
}

/** 18-character windows of runs 18–21 long (a stray character on either side). */
function windows(run: string): string[] {
  if (run.length > 21) return []
  const out: string[] = []
  for (let i = 0; i + 18 <= run.length; i++) out.push(run.slice(i, i + 18))
  return out
}

function pick(
  candidates: readonly string[],
  variants: (w: string) => string[],
  valid: (v: string) => boolean,
): NumberRead {
  if (candidates.length === 0) return { status: 'none' }
  for (const w of candidates) {
    const exact = w.toUpperCase().replace('×', 'X')
    if (/^[0-9A-Z]{18}$/.test(exact) && valid(exact) && !/[a-z]/.test(w.slice(0, 17)))
      return { status: 'ok', value: exact, raw: w, corrected: false }
  }
  const passing = new Map<string, string>()
  for (const w of candidates) for (const v of variants(w)) if (valid(v) && !passing.has(v)) passing.set(v, w)
  const [first, ...more] = [...passing.entries()]
  if (first && more.length === 0) return { status: 'ok', value: first[0], raw: first[1], corrected: true }
  if (first) return { status: 'ambiguous', raw: first[1], values: [...passing.keys()] }
  return { status: 'rejected', raw: candidates[0] ?? '' }
}

/** Cartesian product of per-position options, or [] when it would be too large. */
function expand(options: readonly string[][]): string[] {
  const size = options.reduce((n, o) => n * o.length, 1)
  if (size === 0 || size > MAX_VARIANTS) return []
  let acc = ['']
  for (const o of options) acc = acc.flatMap((prefix) => o.map((c) => prefix + c))
  return acc
}

function residentIdVariants(w: string): string[] {
  const options = [...w].map((c, i) => {
    if (i === 17 && /[xX×]/.test(c)) return ['X']
    if (/\d/.test(c)) return [c]
    const d = LETTER_TO_DIGIT[c]
    return d ? [d] : []
  })
  return expand(options)
}

function usccVariants(w: string): string[] {
  const options = [...w].map((c) => {
    const up = c.toUpperCase()
    const set = new Set<string>()
    if (USCC_CHARSET.includes(up)) set.add(up)
    const digit = LETTER_TO_DIGIT[c]
    if (digit) set.add(digit)
    const letter = DIGIT_TO_LETTER[c]
    if (letter && USCC_CHARSET.includes(letter)) set.add(letter)
    return [...set]
  })
  return expand(options)
}

/** Reads a 公民身份号码 from the texts, first text first; `today` bounds the birth date. */
export function readResidentId(texts: readonly string[], today?: string): NumberRead {
  const valid = (v: string): boolean => /^\d{17}[\dX]$/.test(v) && checkResidentId(v, today).valid
  const candidates = texts.flatMap((t) => runs(t, 18).flatMap(windows))
  return pick(candidates, residentIdVariants, valid)
}

/** Reads a 统一社会信用代码 from the texts, first text first. */
export function readUscc(texts: readonly string[]): NumberRead {
  // The check character and a known registering department; the embedded 组织机构代码 check is
  // left to the form's validator (older codes do not always satisfy it).
  const valid = (v: string): boolean => isValidUsccChecksum(v) && Object.hasOwn(USCC_DEPARTMENTS, v[0] ?? '')
  const candidates = texts.flatMap((t) => runs(t, 18).flatMap(windows))
  return pick(candidates, usccVariants, valid)
}
