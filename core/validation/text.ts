/** Text normalisation shared by the validators. */

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII forms. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

/** Removes every kind of whitespace, including the ideographic space. */
export const stripSpaces = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, '')
