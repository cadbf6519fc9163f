/** 居民身份证 国徽面: 签发机关 and 有效期限 (start and end date, or 长期). */
import { addMonths } from '../validation/id-validity'
import { validityRange } from './dates'
import { UNLABELLED, field } from './fields'
import { type Label, type Row, labelledValues, rowTexts } from './layout'
import { cjkOnly } from './text'
import type { FieldRead, IdBackField, OcrIssue, ReadResult } from './types'

const LABELS: readonly Label[] = [
  { key: 'authority', pattern: /签发机关|签发机/ },
  { key: 'validity', pattern: /有效期限|有效期/ },
  { key: 'title', pattern: /中华人民共和国|居民身份证/ },
]

type Fields = Partial<Record<IdBackField, FieldRead>>

function authorityField(
  rows: readonly Row[],
  hits: ReturnType<typeof labelledValues>,
): FieldRead | undefined {
  const hit = hits.get('authority')
  const text = hit ? cjkOnly(hit.text) : ''
  if (hit && text.length >= 4) return field(text, hit.confidence, hit.text)
  const row = rowTexts(rows).find((r) => /公安.*(局|厅)$/.test(cjkOnly(r.text)))
  return row ? field(cjkOnly(row.text), row.confidence * UNLABELLED, row.text) : undefined
}

/** 居民身份证 terms are 5, 10 or 20 years (or 长期): anything else is worth a second look. */
function spanIssue(from: string, to: string): OcrIssue[] {
  if (to === '长期') return []
  if ([60, 120, 240].some((months) => addMonths(from, months) === to)) return []
  return [
    {
      field: 'validTo',
      code: 'validTo.span',
      message: `读到的有效期限 ${from} 至 ${to} 不是身份证常见的5、10或20年，请对照证件核对。`,
    },
  ]
}

export function parseIdBack(rows: readonly Row[]): ReadResult<IdBackField> {
  const hits = labelledValues(rows, LABELS)
  const fields: Fields = {}
  const authority = authorityField(rows, hits)
  if (authority) fields.authority = authority
  const hit = hits.get('validity')
  const fromLabel = hit && validityRange(hit.text)
  const row = fromLabel ? undefined : rowTexts(rows).find((r) => validityRange(r.text))
  const range = fromLabel ?? (row && validityRange(row.text))
  const confidence = fromLabel ? hit.confidence : (row?.confidence ?? 0) * UNLABELLED
  const raw = fromLabel ? hit.text : row?.text
  if (range) {
    fields.validFrom = field(range.from, confidence, raw)
    fields.validTo = field(range.to, confidence, raw)
  }
  return { kind: 'id-back', fields, issues: range ? spanIssue(range.from, range.to) : [] }
}
