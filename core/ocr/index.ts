/** Fields of an ID card face or a 单位 certificate from OCR lines (pure; the engine is in main). */
import { parseIdBack } from './id-back'
import { parseIdFront } from './id-front'
import { toRows } from './layout'
import { parseLicence } from './licence'
import { type DocumentKind, KEY_FIELD, type OcrLine, type ReadResult } from './types'

export * from './types'

/** Parses the lines of one image as a document of `kind`; `today` (ISO) bounds birth dates. */
export function parseDocument(kind: DocumentKind, lines: readonly OcrLine[], today?: string): ReadResult {
  const rows = toRows(lines)
  if (kind === 'id-front') return parseIdFront(rows, today)
  if (kind === 'id-back') return parseIdBack(rows)
  return parseLicence(rows)
}

/** Whether the read found the document's key field (else the image may be upside down). */
export const hasKeyField = (result: ReadResult): boolean =>
  result.fields[KEY_FIELD[result.kind]] !== undefined
