/** Dates as printed on ID cards and licences (1990年1月2日, 2020.01.02, 20200102) to ISO. */
import { formatYmd, isRealDate } from '../validation/dates'
import { digitsOf, noSpaces } from './text'

const DATE = /(\d{4})(?:年|[.\-/,·])?(\d{1,2})(?:月|[.\-/,·])?(\d{1,2})日?/g

/** Every real date in the text, in order, ISO; confusable letters read as digits. */
export function datesIn(text: string): string[] {
  const s = digitsOf(noSpaces(text))
  const out: string[] = []
  for (const m of s.matchAll(DATE)) {
    const y = Number(m[1])
    const mo = Number(m[2])
    const d = Number(m[3])
    const ymd = { y, m: mo, d }
    if (y >= 1900 && y <= 2100 && isRealDate(ymd)) out.push(formatYmd(ymd))
  }
  return out
}

/** The first real date, or null. */
export const firstDate = (text: string): string | null => datesIn(text)[0] ?? null

/** 有效期限 "2020.01.02-2040.01.02" or "2020.01.02-长期": start and end (ISO or '长期'). */
export function validityRange(text: string): { from: string; to: string } | null {
  const s = noSpaces(text)
  const longTerm = /长期|長期/.test(s)
  // Split at the dash between the dates when there is one, so "2020.01.02-2040.01.02" with a
  // lost dot does not run the two dates together.
  const parts = s.split(/-|至|到/).filter((p) => /\d/.test(digitsOf(p)))
  const dates = parts.length === 2 ? parts.flatMap((p) => datesIn(p).slice(0, 1)) : datesIn(s)
  const from = dates[0]
  if (!from) return null
  if (longTerm) return { from, to: '长期' }
  const to = dates[1]
  return to && to > from ? { from, to } : null
}
