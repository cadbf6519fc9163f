/**
 * `beian-desk retention list --data-dir DIR [--days N] [--json]`: the ID photos whose 保留期限
 * is over (read-only). `beian-desk retention apply --yes --data-dir DIR [--days N] [--json]`
 * deletes them through the app's own removal (writer lock; store, backup generations, files).
 * The period is the app's setting unless --days gives one of the offered periods.
 */
import { parseArgs } from 'node:util'
import { RETENTION_DAY_CHOICES, retentionDue, type RetentionDue } from '../../../core/filing/retention'
import { localToday } from '../../../core/validation/dates'
import { createMaterialFiles } from '../../main/services/material-files'
import { createMaterialService } from '../../main/services/materials'
import { createRetentionService } from '../../main/services/retention'
import { createWorkspaceRepo } from '../../main/services/workspace-repo'
import { type CliContext, UsageError } from '../io'
import type { CliMessages } from '../messages'
import { openReadOnlyStore, withWriter } from '../workspace'

const line = (d: RetentionDue, m: CliMessages): string =>
  m.retention.line(
    d.uses.map((u) => u.siteName).join(m.retention.sep),
    d.personName,
    d.label,
    d.badgedOn,
    d.dueOn,
  )

function daysOf(value: string | undefined, setting: number | undefined, m: CliMessages): number {
  if (value === undefined) return setting ?? 0
  const n = Number(value)
  if (!(RETENTION_DAY_CHOICES as readonly number[]).includes(n))
    throw new UsageError(m.retention.badDays(value, RETENTION_DAY_CHOICES.join('/')))
  return n
}

function print(due: RetentionDue[], days: number, json: boolean | undefined, ctx: CliContext): void {
  const { io, m } = ctx
  if (json) io.out(`${JSON.stringify({ days, due }, null, 2)}\n`)
  else if (days === 0) io.out(`${m.retention.off}\n`)
  else if (due.length === 0) io.out(`${m.retention.none(days)}\n`)
  else io.out(`${due.map((d) => line(d, m)).join('\n')}\n${m.retention.summary(due.length, days)}\n`)
}

export async function retentionCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      days: { type: 'string' },
      yes: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  const { io, m } = ctx
  const [action, ...extra] = positionals
  if (action === undefined) throw new UsageError(m.retention.needAction)
  if (action !== 'list' && action !== 'apply') throw new UsageError(m.retention.badAction(action))
  if (extra[0] !== undefined) throw new UsageError(m.unexpectedArgument(extra[0]))
  if (action === 'list') {
    const store = await openReadOnlyStore(values['data-dir'], ctx, 'retention')
    try {
      const repo = createWorkspaceRepo(store)
      const days = daysOf(values.days, repo.settings().retentionDays, m)
      print(retentionDue(repo.workspace(), days, localToday()), days, values.json, ctx)
    } finally {
      store.close()
    }
    return 0
  }
  if (!values.yes) throw new UsageError(m.retention.needYes)
  return withWriter(values['data-dir'], ctx, 'retention', async (store, keys) => {
    const repo = createWorkspaceRepo(store)
    const days = daysOf(values.days, repo.settings().retentionDays, m)
    const files = createMaterialFiles(store.dataDir, keys)
    const materials = createMaterialService(repo, files)
    // --days applies to this run only; the app's setting is left as it is.
    const service = createRetentionService(
      { ...repo, settings: () => ({ ...repo.settings(), retentionDays: days }) },
      materials,
    )
    const due = service.due()
    const { removed } = await service.apply(due.map((d) => d.materialId))
    if (values.json) io.out(`${JSON.stringify({ days, removed, due }, null, 2)}\n`)
    else {
      if (due.length > 0) io.out(`${due.map((d) => line(d, m)).join('\n')}\n`)
      io.out(`${days === 0 ? m.retention.off : m.retention.removed(removed)}\n`)
    }
    return 0
  })
}
