/** Text clean-up for OCR output, and the character confusions a recogniser typically makes. */
import { toHalfWidth } from '../validation/text'

/** Half-width ASCII, unified dashes and middle dots, runs of spaces to one. */
export function cleanOcrText(s: string): string {
  return toHalfWidth(s)
    .replace(/[\u2010-\u2015\u2212\uff0d\u30fc~～]/g, '-')
    .replace(/[•∙・]/g, '·')
    .replace(/\s+/g, ' ')
    .trim()
}

export const noSpaces = (s: string): string => s.replace(/\s+/g, '')

/** Letters a recogniser reads in place of a digit (O↔0, I/l↔1, Z↔2, S↔5, B↔8). */
export const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  B: '8',
}

/** Digits a recogniser reads in place of a letter (the reverse pairs). */
export const DIGIT_TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '8': 'B',
}

/** Every confusable letter replaced by its digit (for dates and other digit-only text). */
export const digitsOf = (s: string): string => [...s].map((c) => LETTER_TO_DIGIT[c] ?? c).join('')

/** Only CJK ideographs and the middle dot of minority names. */
export const cjkOnly = (s: string): string => s.replace(/[^\u3400-\u9fff·]/g, '')
