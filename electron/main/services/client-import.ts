/**
 * Importing an agency's clients and sites in main: the file the user chose in main's open
 * dialog is read once and kept under a token; the renderer then asks for a preview with its
 * column mapping and commits with the list of existing subjects it confirmed. The commit is
 * one store write: a refused or failed import changes nothing.
 */
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { ClientImportFile, ClientImportPreview, ClientImportSummary } from '../../../core/api'
import {
  detectMapping,
  mappingProblems,
  planImport,
  tableFromCells,
  TEMPLATE_HEADERS,
  type ColumnMapping,
  type ImportPlan,
  type ImportTable,
} from '../../../core/client-import'
import { localToday } from '../../../core/packet/readiness'
import { AppFailure } from './app-error'
import { readSheetFile } from './client-import-read'
import { writeTable, type TableFormat } from './table-export'
import type { WorkspaceRepo } from './workspace-repo'

export type ClientImportService = {
  /** Reads and checks the file; answers its header, a few rows and the suggested mapping. */
  open(path: string): Promise<ClientImportFile>
  preview(token: string, mapping: ColumnMapping): ClientImportPreview
  commit(token: string, mapping: ColumnMapping, confirmedSubjectIds: readonly string[]): ClientImportSummary
  writeTemplate(target: string, format: TableFormat): Promise<void>
}

/** Files kept for preview and commit (one wizard at a time; a few in case of back-and-forth). */
const KEPT_FILES = 3
const SAMPLE_ROWS = 5

export function createClientImportService(
  repo: WorkspaceRepo,
  clock: () => Date = () => new Date(),
): ClientImportService {
  const files = new Map<string, { name: string; table: ImportTable }>()

  const tableOf = (token: string): ImportTable => {
    const file = files.get(token)
    if (!file)
      throw new AppFailure('import/expired', '导入文件已失效（可能已导入或应用重启过）。请重新选择文件。')
    return file.table
  }
  const plan = (
    token: string,
    mapping: ColumnMapping,
    confirmed: ReadonlySet<string> | 'all',
  ): ImportPlan => {
    const table = tableOf(token)
    const problems = mappingProblems(mapping, table.headers)
    if (problems.length > 0) throw new AppFailure('import/bad-mapping', problems[0] ?? '', problems)
    const now = clock()
    const ctx = { newId: () => randomUUID().replaceAll('-', ''), now: now.toISOString() }
    return planImport(repo.workspace(), table, mapping, confirmed, ctx, localToday(now))
  }

  return {
    async open(path) {
      const sheet = await readSheetFile(path)
      const out = tableFromCells(sheet.cells)
      if (!out.ok) throw new AppFailure(out.code, out.message)
      const token = randomUUID()
      files.set(token, { name: basename(path), table: out.table })
      for (const key of [...files.keys()].slice(0, -KEPT_FILES)) files.delete(key)
      return {
        token,
        fileName: basename(path),
        encoding: sheet.encoding,
        headers: out.table.headers,
        sample: out.table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
        rowCount: out.table.rows.length,
        mapping: detectMapping(out.table.headers),
      }
    },
    preview(token, mapping) {
      const { rows, matches, counts, blockingRows } = plan(token, mapping, 'all')
      return { rows, matches, counts, blockingRows }
    },
    commit(token, mapping, confirmedSubjectIds) {
      const out = plan(token, mapping, new Set(confirmedSubjectIds))
      if (out.blockingRows > 0) {
        const lines = out.rows
          .filter((r) => r.problems.length > 0)
          .map((r) => `第 ${r.line} 行：${r.problems.join('；')}`)
        throw new AppFailure(
          'import/blocking-rows',
          `有 ${out.blockingRows} 行需要先改正，本次没有导入任何内容。请修改表格后重新导入。`,
          lines.slice(0, 50),
        )
      }
      repo.commit(out.workspace)
      files.delete(token)
      return out.counts
    },
    async writeTemplate(target, format) {
      await writeTable(target, format, [TEMPLATE_HEADERS], '客户导入模板')
    },
  }
}
