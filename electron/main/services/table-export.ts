/**
 * Writes a table (header row + rows of text) as CSV (UTF-8 with BOM, so Excel and WPS show the
 * Chinese) or XLSX, atomically. Used by the dashboard export and the import template.
 */
import ExcelJS from 'exceljs'
import { toCsv } from '../../../core/client-import/csv'
import { writeFileAtomic } from './atomic-write'
import { EXPORT_FILE_MODE } from './export-modes'

export type TableFormat = 'csv' | 'xlsx'

export async function tableBytes(
  format: TableFormat,
  cells: readonly (readonly string[])[],
  sheetName = 'Sheet1',
): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(toCsv(cells))
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(sheetName)
  for (const row of cells) sheet.addRow([...row])
  const header = sheet.getRow(1)
  header.font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(...cells.map((row) => [...(row[i] ?? '')].length), 4)
    column.width = Math.min(60, longest * 2 + 2)
  })
  // Every cell is text: an ID or certificate number must not become a rounded number.
  sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')))
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** Writes the table to `target` (the path the user chose in the save dialog), all or nothing. */
export async function writeTable(
  target: string,
  format: TableFormat,
  cells: readonly (readonly string[])[],
  sheetName?: string,
): Promise<void> {
  await writeFileAtomic(target, await tableBytes(format, cells, sheetName), EXPORT_FILE_MODE)
}

/** `name.csv` / `name.xlsx` unless it already ends so. */
export function withTableExtension(path: string, format: TableFormat): string {
  return path.toLowerCase().endsWith(`.${format}`) ? path : `${path}.${format}`
}
