/**
 * From a parsed sheet (rows of cell texts, as papaparse or exceljs give them) to the import
 * table: the first non-empty row is the header, empty rows are dropped, and the size caps are
 * checked. Every refusal is a Chinese message saying what to do.
 */
import { detectMapping, IMPORT_FIELDS, IMPORT_FIELD_LABELS } from './fields'
import type { ImportTable } from './plan'

/** Most data rows one import takes. */
export const IMPORT_MAX_ROWS = 5000
/** Largest file one import reads (bytes). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024
/** Most columns a header row may have. */
export const IMPORT_MAX_COLUMNS = 100

export type TableOutcome = { ok: true; table: ImportTable } | { ok: false; code: string; message: string }

const isEmptyRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '')

/** Rows above the header that may hold a title (e.g. a merged “2026 年客户名单” line). */
const HEADER_SEARCH_ROWS = 5

const mappedCount = (row: readonly string[]): number => {
  const mapping = detectMapping(row.map((c) => c.trim()))
  return IMPORT_FIELDS.filter((f) => mapping[f] >= 0).length
}

/** The header: among the first non-empty rows, the one naming the most fields (a title row above it is skipped). */
function findHeader(cells: readonly (readonly string[])[]): number {
  const candidates: number[] = []
  for (let i = 0; i < cells.length && candidates.length < HEADER_SEARCH_ROWS; i++)
    if (!isEmptyRow(cells[i] ?? [])) candidates.push(i)
  let best = candidates[0] ?? -1
  let bestCount = 0
  for (const i of candidates) {
    const count = mappedCount(cells[i] ?? [])
    if (count > bestCount) [best, bestCount] = [i, count]
  }
  return best
}

export function tableFromCells(cells: readonly (readonly string[])[]): TableOutcome {
  const headerIndex = findHeader(cells)
  if (headerIndex < 0)
    return {
      ok: false,
      code: 'import/empty',
      message: '文件是空的：没有任何内容。请选择填好客户信息的表格（可先下载模板）。',
    }
  const headers = (cells[headerIndex] ?? []).map((c) => c.trim())
  if (headers.length > IMPORT_MAX_COLUMNS)
    return {
      ok: false,
      code: 'import/too-many-columns',
      message: `表头有 ${headers.length} 列，最多 ${IMPORT_MAX_COLUMNS} 列。请删去无关的列后再导入。`,
    }
  const mapping = detectMapping(headers)
  if (IMPORT_FIELDS.every((f) => mapping[f] < 0)) {
    const first = headers
      .filter((h) => h !== '')
      .slice(0, 3)
      .join('、')
    return {
      ok: false,
      code: 'import/no-header',
      message: `第 ${headerIndex + 1} 行不像表头（“${first}”）：第一行应是列名，如“${IMPORT_FIELD_LABELS.subjectName}”“${IMPORT_FIELD_LABELS.certNumber}”“${IMPORT_FIELD_LABELS.siteName}”。请使用模板的表头。`,
    }
  }
  const rows: ImportTable['rows'] = []
  for (let i = headerIndex + 1; i < cells.length; i++) {
    const row = cells[i] ?? []
    if (isEmptyRow(row)) continue
    rows.push({ line: i + 1, cells: row.map((c) => c.trim()) })
    if (rows.length > IMPORT_MAX_ROWS)
      return {
        ok: false,
        code: 'import/too-many-rows',
        message: `表格超过 ${IMPORT_MAX_ROWS} 行数据。请拆成几个文件分别导入。`,
      }
  }
  if (rows.length === 0)
    return {
      ok: false,
      code: 'import/no-rows',
      message: '表格只有表头，没有数据行。请在表头下面逐行填写客户和网站。',
    }
  return { ok: true, table: { headers, rows } }
}
