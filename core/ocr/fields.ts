/** Small builders shared by the document parsers. */
import type { NumberRead } from './numbers'
import type { FieldName, FieldRead, OcrIssue } from './types'

/** Confidence kept for a value that had to be repaired or guessed without its label. */
export const REPAIRED = 0.85
export const UNLABELLED = 0.8

export const round = (n: number): number => Math.round(n * 1000) / 1000

export function field(value: string, confidence: number, raw?: string): FieldRead {
  return raw !== undefined && raw !== value
    ? { value, confidence: round(confidence), raw }
    : { value, confidence: round(confidence) }
}

/** A number read: the field when accepted, an issue saying why not otherwise. */
export function numberField(
  name: FieldName,
  read: NumberRead,
  confidence: number,
  what: string,
): { field?: FieldRead; issue?: OcrIssue } {
  switch (read.status) {
    case 'ok':
      return {
        field: {
          ...field(read.value, read.corrected ? confidence * REPAIRED : confidence, read.raw),
          checked: true,
        },
      }
    case 'rejected':
      return {
        issue: {
          field: name,
          code: `${name}.checksum`,
          message: `图片中读到的${what}“${read.raw}”校验位不符，未采用：请对照证件手动填写，或换一张更清晰的照片。`,
        },
      }
    case 'ambiguous':
      return {
        issue: {
          field: name,
          code: `${name}.ambiguous`,
          message: `图片中的${what}有个别字符看不清（可能是 ${read.values.join(' 或 ')}），未采用：请对照证件手动填写。`,
        },
      }
    default:
      return {}
  }
}
