/** IDN to ASCII: kept as an entry point for existing imports; the work is UTS #46 in idna.ts. */
export { hostToAscii, labelToAscii } from './idna'
