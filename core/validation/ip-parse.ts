/** IPv4 / IPv6 text parsing (strict: no leading zeros in IPv4, no zone ids). */

export function parseIpv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s)
  if (!m) return null
  const parts = m.slice(1).map((p) => (p.length > 1 && p.startsWith('0') ? NaN : Number(p)))
  return parts.every((n) => n >= 0 && n <= 255) ? parts : null
}

function groups(part: string, allowV4: boolean): number[] | null {
  if (part === '') return []
  const items = part.split(':')
  const out: number[] = []
  for (const [i, g] of items.entries()) {
    if (allowV4 && i === items.length - 1 && g.includes('.')) {
      const v4 = parseIpv4(g)
      if (!v4) return null
      out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number))
    } else if (/^[0-9a-f]{1,4}$/i.test(g)) out.push(parseInt(g, 16))
    else return null
  }
  return out
}

/** Eight 16-bit groups, or null. */
export function parseIpv6(s: string): number[] | null {
  if (!/^[0-9a-f:.]+$/i.test(s)) return null
  const halves = s.split('::')
  if (halves.length > 2) return null
  const head = groups(halves[0] as string, halves.length === 1)
  const tail = halves.length === 2 ? groups(halves[1] as string, true) : []
  if (!head || !tail) return null
  if (halves.length === 1) return head.length === 8 ? head : null
  const fill = 8 - head.length - tail.length
  return fill >= 1 ? [...head, ...Array<number>(fill).fill(0), ...tail] : null
}

/** RFC 5952 text form: lower case, longest zero run (≥ 2 groups) compressed. */
export function formatIpv6(g: number[]): string {
  let best = { start: -1, len: 0 }
  for (let i = 0; i < 8;) {
    let j = i
    while (j < 8 && g[j] === 0) j++
    if (j - i > best.len && j - i >= 2) best = { start: i, len: j - i }
    i = j === i ? i + 1 : j
  }
  const hex = g.map((n) => n.toString(16))
  if (best.start < 0) return hex.join(':')
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.len).join(':')}`
}
