/**
 * `beian-desk import FILE --data-dir DIR [--dry-run] [--confirm-updates] [--json]`: clients and
 * sites from a CSV/XLSX table through the client-import service the app uses (encoding and
 * column mapping detected the same way). Prints every row's plan and findings; an import with
 * rows to fix writes nothing (exit 1). Rows matching an existing subject are only applied
 * with --confirm-updates.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ClientImportPreview } from '../../../core/api'
import type { PlannedRow } from '../../../core/client-import'
import { createClientImportService } from '../../main/services/client-import'
import type { OpenedStore } from '../../main/services/store'
import { createWorkspaceRepo } from '../../main/services/workspace-repo'
import { type CliContext, UsageError } from '../io'
import type { CliMessages } from '../messages'
import { openReadOnlyStore, withWriter } from '../workspace'

function rowLines(row: PlannedRow, confirm: boolean, m: CliMessages): string[] {
  const i = m.import
  const blocked = row.problems.length > 0
  const unconfirmed = !confirm && row.matchedSubjectId !== null && !blocked
  const action = blocked
    ? i.actions.invalid
    : unconfirmed
      ? i.notConfirmed
      : `${i.actions[row.subjectAction]}${i.siteActions[row.siteAction]}`
  const site = [row.siteName, row.domain].filter((t) => t.trim() !== '').join(' ')
  return [
    i.row(row.line, row.subjectName, site, action),
    ...row.problems.map(i.problem),
    ...row.notes.map(i.note),
    ...row.findings.map((f) => i.finding(f.severity === 'error', f.message)),
  ]
}

async function importWith(
  store: OpenedStore,
  path: string,
  opts: { dryRun: boolean; confirm: boolean; json: boolean },
  { io, m }: CliContext,
): Promise<number> {
  const service = createClientImportService(createWorkspaceRepo(store))
  const file = await service.open(path)
  const preview: ClientImportPreview = service.preview(file.token, file.mapping)
  const blocked = preview.blockingRows > 0
  const apply = !blocked && !opts.dryRun
  const applied = apply
    ? service.commit(file.token, file.mapping, opts.confirm ? preview.matches.map((x) => x.subjectId) : [])
    : null
  if (opts.json) {
    const { fileName, encoding, rowCount, mapping } = file
    const payload = {
      file: { fileName, encoding, rowCount },
      mapping,
      dryRun: opts.dryRun,
      updatesConfirmed: opts.confirm,
      ...preview,
      applied,
    }
    io.out(`${JSON.stringify(payload, null, 2)}\n`)
    return blocked ? 1 : 0
  }
  io.out(`${m.import.file(file.fileName, file.encoding, file.rowCount)}\n`)
  for (const row of preview.rows) io.out(`${rowLines(row, opts.confirm, m).join('\n')}\n`)
  if (!opts.confirm && preview.matches.length > 0) {
    io.out(`${m.import.matches(preview.matches.length)}\n`)
    for (const x of preview.matches) io.out(`${m.import.match(x.name, x.certNumber, x.lines.join('、'))}\n`)
  }
  if (blocked) {
    io.err(`${m.import.blocking(preview.blockingRows)}\n`)
    return 1
  }
  if (applied) io.out(`${m.import.done(applied)}\n`)
  else io.out(`${m.import.dryRun(preview.counts.newSubjects, preview.counts.newSites)}\n`)
  return 0
}

export async function importCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'confirm-updates': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  const { m } = ctx
  if (positionals.length === 0) throw new UsageError(m.import.needFile)
  if (positionals.length > 1) throw new UsageError(m.import.oneFile)
  const path = resolve(positionals[0] as string)
  const opts = {
    dryRun: values['dry-run'] ?? false,
    confirm: values['confirm-updates'] ?? false,
    json: values.json ?? false,
  }
  if (opts.dryRun) {
    const store = await openReadOnlyStore(values['data-dir'], ctx, 'import')
    try {
      return await importWith(store, path, opts, ctx)
    } finally {
      store.close()
    }
  }
  return withWriter(values['data-dir'], ctx, 'import', (store) => importWith(store, path, opts, ctx))
}
