/**
 * One sheet row read through the column mapping: trimmed texts, the nature, the date and the
 * yes/no column understood, and blocking problems (the row cannot be imported as written).
 */
import type { OrgKind, SubjectNature } from '../model'
import { ORG_KIND_LABELS } from '../validation/labels'
import { inferNatureFromName } from '../validation/names'
import { formatYmd, isRealDate } from '../validation/dates'
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping, type ImportField } from './fields'

export type RowValues = Record<ImportField, string> & {
  natureValue: SubjectNature | null
  orgKindValue: OrgKind | null
  interactiveValue: boolean
  /** ISO date or '' (not given). */
  openingIso: string
}

/** Longest text each field may hold (the store's schema limits). */
const MAX_LENGTH: Readonly<Record<ImportField, number>> = {
  subjectName: 120,
  nature: 20,
  orgKind: 20,
  certNumber: 40,
  investor: 120,
  officePhone: 30,
  address: 200,
  principalName: 60,
  principalIdNumber: 40,
  principalMobile: 30,
  principalEmail: 120,
  siteName: 120,
  domain: 253,
  icpNumber: 40,
  openingDate: 20,
  interactive: 10,
  serverIp: 45,
  accessProvider: 120,
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '交互式', '√', '✓'])
const NO = new Set(['否', '无', '不是', 'n', 'no', 'false', '0', '非交互式', '×', ''])

export function natureOf(text: string, name: string): SubjectNature | null {
  const t = text.trim()
  if (/^(个人|自然人|individual)$/i.test(t)) return 'individual'
  if (t !== '' && (/^(单位|organi[sz]ation)$/i.test(t) || orgKindOf(t))) return 'organization'
  if (t !== '') return null
  return inferNatureFromName(name)?.nature ?? null
}

export function orgKindOf(text: string): OrgKind | null {
  const t = text.trim().replace(/（旧分类）$/, '')
  if (t === '') return null
  if (t === '公司' || t === '企业单位') return 'enterprise'
  if (t === '政府机构' || t === '机关') return 'government'
  for (const [kind, label] of Object.entries(ORG_KIND_LABELS) as [OrgKind, string][])
    if (label.replace(/（旧分类）$/, '') === t) return kind
  return null
}

/**
 * Dates as spreadsheets write them: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305,
 * or an Excel serial day number (45356). Returns ISO or null.
 */
export function parseSheetDate(text: string): string | null {
  const t = text.trim()
  let m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (m) {
    const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
    return isRealDate(ymd) ? formatYmd(ymd) : null
  }
  m = /^(\d{5})(?:\.\d+)?$/.exec(t)
  if (m) {
    const serial = Number(m[1])
    if (serial < 20000 || serial > 80000) return null
    const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000)
    return date.toISOString().slice(0, 10)
  }
  return null
}

export type ReadRow = { values: RowValues; problems: string[] }

/** Reads one row of cells; `problems` are blocking (the import refuses the file until fixed). */
export function readRow(cells: readonly string[], mapping: ColumnMapping): ReadRow {
  const problems: string[] = []
  const raw = Object.fromEntries(
    IMPORT_FIELDS.map((f) => {
      const col = mapping[f]
      const text = col >= 0 ? (cells[col] ?? '').replace(/\s+/g, ' ').trim() : ''
      if (text.length > MAX_LENGTH[f])
        problems.push(`“${IMPORT_FIELD_LABELS[f]}”太长（${text.length} 字），最多 ${MAX_LENGTH[f]} 字。`)
      return [f, text]
    }),
  ) as Record<ImportField, string>
  if (raw.subjectName === '')
    problems.push('“主体名称”为空：每一行都要写明属于哪个主体（单位全称或个人姓名）。')
  const natureValue = natureOf(raw.nature, raw.subjectName)
  if (natureValue === null && raw.nature !== '')
    problems.push(`无法识别主体性质“${raw.nature}”：请填写“个人”或“单位”（也可填单位类别，如“企业”）。`)
  const orgKindValue = orgKindOf(raw.orgKind) ?? orgKindOf(raw.nature)
  if (raw.orgKind !== '' && !orgKindOf(raw.orgKind))
    problems.push(`无法识别单位类别“${raw.orgKind}”：请填写 企业、政府机关、事业单位、社会团体 等。`)
  const interactive = raw.interactive.toLowerCase()
  if (!YES.has(interactive) && !NO.has(interactive))
    problems.push(`“交互式”一栏应填“是”或“否”，而不是“${raw.interactive}”。`)
  let openingIso = ''
  if (raw.openingDate !== '') {
    const iso = parseSheetDate(raw.openingDate)
    if (iso) openingIso = iso
    else problems.push(`开通日期“${raw.openingDate}”无法识别：请写成 2026-03-05 这样的日期。`)
  }
  return {
    values: { ...raw, natureValue, orgKindValue, interactiveValue: YES.has(interactive), openingIso },
    problems,
  }
}
