/** CSV as Excel and WPS open it: UTF-8 with a BOM, CRLF lines, quoted where needed. */

export const UTF8_BOM = '\uFEFF'

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
export function safeCell(text: string): string {
  if (/^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text)) return `'${text}`
  return text
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map((c) => quote(safeCell(c))).join(',')).join('\r\n') + '\r\n'
}
