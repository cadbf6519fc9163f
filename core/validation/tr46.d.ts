/** Types for tr46 (UTS #46 IDNA processing, the WHATWG URL standard's implementation). */
declare module 'tr46' {
  export type Tr46Options = {
    checkBidi?: boolean
    checkHyphens?: boolean
    checkJoiners?: boolean
    ignoreInvalidPunycode?: boolean
    transitionalProcessing?: boolean
    useSTD3ASCIIRules?: boolean
    verifyDNSLength?: boolean
  }
  /** The ASCII (Punycode) form, or null when the name is not valid under the options. */
  export function toASCII(domainName: string, options?: Tr46Options): string | null
  export function toUnicode(domainName: string, options?: Tr46Options): { domain: string; error: boolean }
}
