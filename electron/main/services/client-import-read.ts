/**
 * Reads an agency's client list from a CSV or XLSX file into rows of cell texts. CSV bytes are
 * UTF-8 (with or without BOM) when they are valid UTF-8, else GB18030 (a superset of GBK, what
 * Excel and WPS on Chinese Windows save); UTF-16 with a BOM (Excel's "Unicode text") too.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { IMPORT_MAX_BYTES } from '../../../core/client-import/table'
import { AppFailure } from './app-error'

export type SheetEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'xlsx'
export type ReadSheet = { cells: string[][]; encoding: SheetEncoding }

const MB = 1024 * 1024

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: SheetEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: strictDecode('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: strictDecode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: strictDecode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: strictDecode('gb18030', bytes), encoding: 'gb18030' }
  }
}

function strictDecode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new AppFailure(
      'import/unknown-encoding',
      '无法识别文件的编码：它既不是 UTF-8，也不是 GBK/GB18030。请在 Excel 或 WPS 中“另存为”CSV UTF-8 或 .xlsx 后再导入。',
    )
  }
}

export function parseCsvText(text: string): string[][] {
  const out = Papa.parse<string[]>(text, { skipEmptyLines: false })
  const bad = out.errors.find((e) => e.type === 'Quotes')
  if (bad)
    throw new AppFailure(
      'import/bad-csv',
      `CSV 第 ${(bad.row ?? 0) + 1} 行的引号不成对，文件可能已损坏。请在 Excel 或 WPS 中打开检查后重新保存。`,
    )
  return out.data.map((row) => row.map((c) => String(c)))
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue)
    if ('error' in value) return ''
    return ''
  }
  return String(value)
}

export async function parseXlsxBytes(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AppFailure(
      'import/bad-xlsx',
      '无法读取这个 .xlsx 文件：文件可能已损坏或被加密。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
    )
  }
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0)
  if (!sheet) return []
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)))
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '')
  })
  return Array.from(rows, (r) => r ?? [])
}

/** Reads the file the user chose; refuses what is too large, empty or of another kind. */
export async function readSheetFile(path: string): Promise<ReadSheet> {
  const ext = extname(path).toLowerCase()
  if (ext === '.xls' || ext === '.et')
    throw new AppFailure(
      'import/old-format',
      '不支持旧版 .xls/.et 表格。请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后再导入。',
    )
  if (!['.csv', '.txt', '.xlsx'].includes(ext))
    throw new AppFailure(
      'import/unsupported',
      '只能导入 .csv 或 .xlsx 表格。请另存为这两种格式之一后再导入。',
    )
  const info = await stat(path).catch(() => null)
  if (!info?.isFile())
    throw new AppFailure('import/missing', '找不到这个文件，可能已被移动或删除。请重新选择。')
  if (info.size > IMPORT_MAX_BYTES)
    throw new AppFailure(
      'import/too-large',
      `文件有 ${(info.size / MB).toFixed(1)} MB，最大 ${IMPORT_MAX_BYTES / MB} MB。请拆成几个文件分别导入。`,
    )
  if (info.size === 0)
    throw new AppFailure(
      'import/empty',
      '文件是空的：没有任何内容。请选择填好客户信息的表格（可先下载模板）。',
    )
  const bytes = new Uint8Array(await readFile(path))
  if (ext === '.xlsx') return { cells: await parseXlsxBytes(bytes), encoding: 'xlsx' }
  const { text, encoding } = decodeCsvBytes(bytes)
  return { cells: parseCsvText(text), encoding }
}
