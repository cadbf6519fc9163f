/** Fields of an ID card face or a 单位 certificate from OCR lines (pure; the engine is in main). */
import { parseIdBack } from './id-back'
import { parseIdFront } from './id-front'
import { toRows } from './layout'
import { parseLicence } from './licence'
import { DOCUMENT_KINDS, type DocumentKind, KEY_FIELD, type OcrLine, type ReadResult } from './types'

export * from './types'

/** Parses the lines of one image as a document of `kind`; `today` (ISO) bounds birth dates. */
export function parseDocument(kind: DocumentKind, lines: readonly OcrLine[], today?: string): ReadResult {
  const rows = toRows(lines)
  if (kind === 'id-front') return parseIdFront(rows, today)
  if (kind === 'id-back') return parseIdBack(rows)
  return parseLicence(rows)
}

/** Kinds tried when the kind is not given: the one whose key field is read wins. */
export function parseAnyDocument(lines: readonly OcrLine[], today?: string): ReadResult {
  const results = DOCUMENT_KINDS.map((kind) => parseDocument(kind, lines, today))
  const withKey = results.filter(hasKeyField)
  const pool = withKey.length > 0 ? withKey : results
  return pool.reduce((best, r) => (Object.keys(r.fields).length > Object.keys(best.fields).length ? r : best))
}

/** Whether the read found the document's key field (else the image may be upside down). */
export const hasKeyField = (result: ReadResult): boolean =>
  result.fields[KEY_FIELD[result.kind]] !== undefined
