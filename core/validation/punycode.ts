/**
 * Punycode encoder (RFC 3492) for IDN labels. core/ cannot use node:punycode or the WHATWG URL
 * class (no DOM/Node typings), so the small encoder lives here.
 */
const BASE = 36
const T_MIN = 1
const T_MAX = 26
const SKEW = 38
const DAMP = 700
const INITIAL_BIAS = 72
const INITIAL_N = 128

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1
  d += Math.floor(d / numPoints)
  let k = 0
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN))
    k += BASE
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW))
}

const digitChar = (d: number): string => String.fromCharCode(d < 26 ? 97 + d : 22 + d)

function encodeDelta(delta: number, bias: number): string {
  let out = ''
  let q = delta
  for (let k = BASE; ; k += BASE) {
    const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias
    if (q < t) break
    out += digitChar(t + ((q - t) % (BASE - t)))
    q = Math.floor((q - t) / (BASE - t))
  }
  return out + digitChar(q)
}

/** Encodes a Unicode string to Punycode (without the `xn--` prefix). */
export function punycodeEncode(input: string): string {
  const cps = Array.from(input, (c) => c.codePointAt(0) as number)
  let out = String.fromCodePoint(...cps.filter((c) => c < 0x80))
  const basic = out.length
  let handled = basic
  if (basic > 0) out += '-'
  let n = INITIAL_N
  let delta = 0
  let bias = INITIAL_BIAS
  while (handled < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n))
    delta += (m - n) * (handled + 1)
    n = m
    for (const c of cps) {
      if (c < n) delta++
      if (c !== n) continue
      out += encodeDelta(delta, bias)
      bias = adapt(delta, handled + 1, handled === basic)
      delta = 0
      handled++
    }
    delta++
    n++
  }
  return out
}

/** ASCII form of one label: unchanged when ASCII, else `xn--` + Punycode. */
export const labelToAscii = (label: string): string =>
  [...label].every((c) => c.charCodeAt(0) < 0x80) ? label : `xn--${punycodeEncode(label)}`

/** ASCII form of a host name, label by label. */
export const hostToAscii = (host: string): string => host.split('.').map(labelToAscii).join('.')
