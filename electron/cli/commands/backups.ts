/**
 * `beian-desk backups list --data-dir DIR [--json]`: the store's backup generations (date and
 * counts), read-only. `beian-desk backups restore ID --data-dir DIR [--json]`: restores one
 * through the backup service the app uses (writer lock; the current data is kept as a
 * generation of its own first, so the restore can be undone).
 */
import { parseArgs } from 'node:util'
import { createBackupService } from '../../main/services/backup-service'
import type { GenerationInfo } from '../../main/services/store-backups'
import { createWorkspaceRepo } from '../../main/services/workspace-repo'
import { type CliContext, UsageError } from '../io'
import type { CliMessages } from '../messages'
import { openReadOnlyStore, withWriter } from '../workspace'

const line = (g: GenerationInfo, m: CliMessages): string =>
  g.valid
    ? m.backups.line(g.id, g.takenAt, g.subjects, g.sites, g.materials)
    : m.backups.damaged(g.id, g.takenAt)

export async function backupsCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
  })
  const { io, m } = ctx
  const [action, id, ...extra] = positionals
  if (action === undefined) throw new UsageError(m.backups.needAction)
  if (action !== 'list' && action !== 'restore') throw new UsageError(m.backups.badAction(action))
  if (action === 'list') {
    if (id !== undefined) throw new UsageError(m.unexpectedArgument(id))
    const store = await openReadOnlyStore(values['data-dir'], ctx, 'backups')
    let generations: GenerationInfo[]
    try {
      generations = createBackupService(store, createWorkspaceRepo(store)).list()
    } finally {
      store.close()
    }
    if (values.json) io.out(`${JSON.stringify({ generations }, null, 2)}\n`)
    else if (generations.length === 0) io.out(`${m.backups.empty}\n`)
    else io.out(`${generations.map((g) => line(g, m)).join('\n')}\n`)
    return 0
  }
  if (id === undefined) throw new UsageError(m.backups.needId)
  if (extra[0] !== undefined) throw new UsageError(m.unexpectedArgument(extra[0]))
  return withWriter(values['data-dir'], ctx, 'backups', (store) => {
    const service = createBackupService(store, createWorkspaceRepo(store))
    let result
    try {
      result = service.restore(id)
    } catch (error) {
      // Unknown or damaged generation: the service's Chinese sentence says what to do.
      io.err(`${error instanceof Error ? error.message : String(error)}\n`)
      return 1
    }
    const g = result.restored
    if (values.json) io.out(`${JSON.stringify(result, null, 2)}\n`)
    else {
      io.out(`${m.backups.restored(g.id, g.takenAt, g.subjects, g.sites, g.materials)}\n`)
      io.out(`${m.backups.keptAs(result.previousKeptAs)}\n`)
    }
    return 0
  })
}
