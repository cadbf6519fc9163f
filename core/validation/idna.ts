/**
 * IDN processing by UTS #46 (tr46, the implementation the WHATWG URL standard uses): mapping
 * (case, width, compatibility forms), Punycode, and the validity checks a registry applies —
 * hyphens in positions 3–4, bidi rules, joiners, STD3 characters, DNS lengths, and `xn--`
 * labels that must decode and round-trip.
 */
import { toASCII, toUnicode, type Tr46Options } from 'tr46'

/** Non-transitional (ß, ς stay themselves), every check on: what registries enforce. */
const STRICT: Tr46Options = {
  checkBidi: true,
  checkHyphens: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  verifyDNSLength: true,
  transitionalProcessing: false,
}
/** Mapping and Punycode only, for a best-effort ASCII form of a name already known to be bad. */
const LENIENT: Tr46Options = { transitionalProcessing: false, ignoreInvalidPunycode: true }

/** The ASCII form of a valid host name, or null when UTS #46 refuses it. */
export const strictToAscii = (host: string): string | null => toASCII(host, STRICT)

/** ASCII form of one label, even when invalid (falls back to the label itself). */
export const labelToAscii = (label: string): string => toASCII(label, LENIENT) ?? label

/** ASCII form of a host name, label by label (best effort; validity is strictToAscii's job). */
export const hostToAscii = (host: string): string => host.split('.').map(labelToAscii).join('.')

/**
 * Whether an `xn--` label is real Punycode: it decodes, and encoding the result gives the label
 * back (so `xn--abc`, `xn--fsqu00a-` and upper-case-decoding labels are refused).
 */
export function isValidAceLabel(label: string): boolean {
  const lower = label.toLowerCase()
  if (!lower.startsWith('xn--')) return true
  const { domain, error } = toUnicode(lower, STRICT)
  return !error && domain !== lower && toASCII(domain, STRICT) === lower
}

/** Display (Unicode) form of a valid ASCII host. */
export const asciiToUnicode = (ascii: string): string => toUnicode(ascii, STRICT).domain
