/**
 * The whole import as one pure step: every row read, grouped into subjects (rows with the same
 * certificate number, or the same name when none is given, are one subject), matched against
 * the workspace, and checked with the same validators as the forms. The preview and the commit
 * run the same plan, so what is committed is what was shown.
 */
import type { Site, Subject, Workspace } from '../model'
import { validateSite } from '../validation/site'
import { validateSubject } from '../validation/subject'
import type { Finding } from '../validation/types'
import {
  certKey,
  domainKey,
  rowHasSite,
  siteFromRow,
  subjectFromRow,
  updateSite,
  updateSubject,
  type DraftContext,
} from './drafts'
import type { ColumnMapping } from './fields'
import { readRow, type RowValues } from './values'

/** A sheet: header cells and the data rows (each row's sheet line number kept for messages). */
export type ImportTable = { headers: string[]; rows: { line: number; cells: string[] }[] }

export type SubjectAction = 'new' | 'update' | 'same-as-above' | 'skip' | 'invalid'
export type SiteAction = 'new' | 'update' | 'none' | 'skip'

export type PlannedRow = {
  line: number
  subjectName: string
  certNumber: string
  siteName: string
  domain: string
  subjectAction: SubjectAction
  siteAction: SiteAction
  /** The existing subject this row's certificate number matches (the user must confirm the update). */
  matchedSubjectId: string | null
  /** Blocking: the file must be fixed before anything is imported. */
  problems: string[]
  /** What the import itself noticed (not blocking). */
  notes: string[]
  /** The forms' findings for the subject and the site as they would be stored. */
  findings: Finding[]
}

export type ExistingMatch = { subjectId: string; name: string; certNumber: string; lines: number[] }

export type ImportPlan = {
  rows: PlannedRow[]
  matches: ExistingMatch[]
  counts: {
    newSubjects: number
    updatedSubjects: number
    newSites: number
    updatedSites: number
    skippedRows: number
  }
  /** Rows with blocking problems (nothing may be imported while there are any). */
  blockingRows: number
  workspace: Workspace
}

type Group = { subject: Subject; action: 'new' | 'update' | 'skip'; firstLine: number }

function existingIndex(ws: Workspace): Map<string, Subject> {
  const index = new Map<string, Subject>()
  for (const s of ws.subjects) {
    const key = certKey(s.certNumber)
    if (key !== '' && !index.has(key)) index.set(key, s)
  }
  return index
}

const groupKey = (v: RowValues): string =>
  certKey(v.certNumber) !== '' ? `cert:${certKey(v.certNumber)}` : `name:${v.subjectName}`

function sameSite(site: Site, v: RowValues): boolean {
  const domain = domainKey(v.domain)
  if (domain !== '') return domainKey(site.mainDomain) === domain
  return v.siteName !== '' && site.name.trim() === v.siteName
}

/**
 * Plans the import. `confirmed` lists the existing subjects (ids) the user agreed to update;
 * rows matching any other existing subject are skipped. The preview passes `'all'`.
 */
export function planImport(
  ws: Workspace,
  table: ImportTable,
  mapping: ColumnMapping,
  confirmed: ReadonlySet<string> | 'all',
  ctx: DraftContext,
  today: string,
): ImportPlan {
  const index = existingIndex(ws)
  const groups = new Map<string, Group>()
  const subjects = new Map(ws.subjects.map((s) => [s.id, s]))
  const sites = new Map(ws.sites.map((s) => [s.id, s]))
  /** Site ids per subject (kept current as rows add sites), so each row looks at its subject's sites only. */
  const siteIdsOf = new Map<string, string[]>()
  for (const s of ws.sites) siteIdsOf.set(s.subjectId, [...(siteIdsOf.get(s.subjectId) ?? []), s.id])
  const createdSites = new Map<string, number>()
  const rowSite = new Map<PlannedRow, string>()
  const rowSubject = new Map<PlannedRow, string>()
  const matches = new Map<string, ExistingMatch>()
  const rows: PlannedRow[] = []

  for (const { line, cells } of table.rows) {
    const { values: v, problems } = readRow(cells, mapping)
    const row: PlannedRow = {
      line,
      subjectName: v.subjectName,
      certNumber: certKey(v.certNumber),
      siteName: v.siteName,
      domain: v.domain,
      subjectAction: 'invalid',
      siteAction: 'none',
      matchedSubjectId: null,
      problems,
      notes: [],
      findings: [],
    }
    rows.push(row)
    if (v.subjectName === '') continue
    const key = groupKey(v)
    let group = groups.get(key)
    if (group) {
      row.subjectAction = group.action === 'skip' ? 'skip' : 'same-as-above'
      if (group.subject.name !== v.subjectName && group.action !== 'update')
        row.notes.push(
          `证件号码与第 ${group.firstLine} 行相同，但主体名称不同；按第 ${group.firstLine} 行的“${group.subject.name}”导入。`,
        )
    } else {
      const old = index.get(certKey(v.certNumber))
      if (old) {
        const ok = confirmed === 'all' || confirmed.has(old.id)
        group = {
          subject: ok ? updateSubject(old, v, ctx.now) : old,
          action: ok ? 'update' : 'skip',
          firstLine: line,
        }
        row.subjectAction = group.action
      } else {
        group = { subject: subjectFromRow(v, ctx), action: 'new', firstLine: line }
        row.subjectAction = 'new'
        if (ws.subjects.some((s) => s.name.trim() === v.subjectName))
          row.notes.push(
            `已有同名主体“${v.subjectName}”，但证件号码不同或未填写：将新建一个主体，请确认不是重复。`,
          )
      }
      groups.set(key, group)
      if (group.action !== 'skip') subjects.set(group.subject.id, group.subject)
    }
    if (matchesExisting(index, v)) {
      row.matchedSubjectId = group.subject.id
      const match = matches.get(group.subject.id) ?? {
        subjectId: group.subject.id,
        name: index.get(certKey(v.certNumber))?.name ?? group.subject.name,
        certNumber: certKey(v.certNumber),
        lines: [],
      }
      match.lines.push(line)
      matches.set(group.subject.id, match)
    }
    if (group.action !== 'skip') rowSubject.set(row, group.subject.id)
    if (!rowHasSite(v)) continue
    if (group.action === 'skip') {
      row.siteAction = 'skip'
      continue
    }
    const subjectId = group.subject.id
    const found = (siteIdsOf.get(subjectId) ?? [])
      .map((id) => sites.get(id))
      .find((s): s is Site => s !== undefined && sameSite(s, v))
    if (found && createdSites.has(found.id)) {
      row.problems.push(
        `与第 ${createdSites.get(found.id) ?? 0} 行是同一主体的同一网站（域名或名称相同），请删去重复的一行。`,
      )
      continue
    }
    const site = found ? updateSite(found, v, ctx.now) : siteFromRow(v, subjectId, ctx)
    row.siteAction = found ? 'update' : 'new'
    sites.set(site.id, site)
    if (!found) {
      createdSites.set(site.id, line)
      siteIdsOf.set(subjectId, [...(siteIdsOf.get(subjectId) ?? []), site.id])
    }
    rowSite.set(row, site.id)
  }

  const workspace: Workspace = { ...ws, subjects: [...subjects.values()], sites: [...sites.values()] }
  addFindings(workspace, rows, rowSubject, rowSite, today)
  return {
    rows,
    matches: [...matches.values()],
    counts: countsOf(rows),
    blockingRows: rows.filter((r) => r.problems.length > 0).length,
    workspace,
  }
}

const matchesExisting = (index: ReadonlyMap<string, Subject>, v: RowValues): boolean =>
  certKey(v.certNumber) !== '' && index.has(certKey(v.certNumber))

function addFindings(
  ws: Workspace,
  rows: readonly PlannedRow[],
  rowSubject: ReadonlyMap<PlannedRow, string>,
  rowSite: ReadonlyMap<PlannedRow, string>,
  today: string,
): void {
  const subjects = new Map(ws.subjects.map((s) => [s.id, s]))
  const sites = new Map(ws.sites.map((s) => [s.id, s]))
  const sitesOf = new Map<string, Site[]>()
  for (const s of ws.sites) {
    const list = sitesOf.get(s.subjectId)
    if (list) list.push(s)
    else sitesOf.set(s.subjectId, [s])
  }
  const subjectFindings = new Map<string, Finding[]>()
  for (const row of rows) {
    const subject = subjects.get(rowSubject.get(row) ?? '')
    if (!subject) continue
    let own = subjectFindings.get(subject.id)
    if (!own) {
      own = validateSubject(subject, today, sitesOf.get(subject.id) ?? [])
      subjectFindings.set(subject.id, own)
    }
    const site = sites.get(rowSite.get(row) ?? '')
    row.findings = site ? [...own, ...validateSite(site, subject, ws, today)] : [...own]
  }
}

function countsOf(rows: readonly PlannedRow[]): ImportPlan['counts'] {
  const count = (p: (r: PlannedRow) => boolean) => rows.filter(p).length
  return {
    newSubjects: count((r) => r.subjectAction === 'new'),
    updatedSubjects: new Set(rows.filter((r) => r.subjectAction === 'update').map((r) => r.matchedSubjectId))
      .size,
    newSites: count((r) => r.siteAction === 'new'),
    updatedSites: count((r) => r.siteAction === 'update'),
    skippedRows: count((r) => r.subjectAction === 'skip'),
  }
}
