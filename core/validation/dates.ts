/** ISO date helpers (YYYY-MM-DD strings; no time zones, no Date arithmetic surprises). */

export type Ymd = { y: number; m: number; d: number }

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28
  return [4, 6, 9, 11].includes(m) ? 30 : 31
}

export function isRealDate({ y, m, d }: Ymd): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** Parses `YYYY-MM-DD` (or `YYYYMMDD`) into parts when it names a real calendar day. */
export function parseIsoDate(s: string): Ymd | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s.trim())
  if (!m) return null
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
  return isRealDate(ymd) ? ymd : null
}

export const formatYmd = ({ y, m, d }: Ymd): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

/**
 * Today's date (YYYY-MM-DD) in the user's local time zone: the one `today` of the app (rules,
 * deadlines, exports, CLI). Callers that decide something pass it on as a plain string.
 */
export function localToday(now = new Date()): string {
  return formatYmd({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() })
}

/** Full years between birth and today (both ISO); null when either is not a date. */
export function ageOn(birth: string, today: string): number | null {
  const b = parseIsoDate(birth)
  const t = parseIsoDate(today)
  if (!b || !t) return null
  const hadBirthday = t.m > b.m || (t.m === b.m && t.d >= b.d)
  return t.y - b.y - (hadBirthday ? 0 : 1)
}

/** Adds days to an ISO date (UTC arithmetic, no DST effects). */
export function addDays(iso: string, days: number): string {
  const p = parseIsoDate(iso)
  if (!p) return iso
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + days))
  return formatYmd({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() })
}
