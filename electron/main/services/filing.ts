/**
 * The filing desk in main: records and undoes filing events on the stored workspace. The
 * renderer is not trusted, so every event is re-checked here with the same core rules
 * (stage machine, dates, 公安备案号) before it is stored.
 */
import { randomUUID } from 'node:crypto'
import type { FilingChange } from '../../../core/api'
import type { OwnerRef } from '../../../core/filing/history'
import {
  pruneOrphanEvents,
  recordEvent,
  undoLastEvent,
  type FilingEventInput,
} from '../../../core/filing/record'
import { localToday } from '../../../core/packet/readiness'
import { AppFailure } from './app-error'
import type { WorkspaceRepo } from './workspace-repo'

export type FilingService = {
  record(input: FilingEventInput): FilingChange
  undo(owner: OwnerRef): FilingChange
}

export type Clock = () => Date

export function createFilingService(repo: WorkspaceRepo, clock: Clock = () => new Date()): FilingService {
  return {
    record(input) {
      const now = clock()
      const ws = pruneOrphanEvents(repo.workspace())
      const out = recordEvent(ws, input, { id: randomUUID(), now: now.toISOString(), today: localToday(now) })
      if (!out.ok) throw new AppFailure('filing/refused', out.errors[0] ?? '无法记录这条事件。', out.errors)
      const saved = repo.commit(out.workspace)
      return { event: out.event, warnings: out.warnings, filingEvents: saved.filingEvents ?? [] }
    },
    undo(owner) {
      const out = undoLastEvent(repo.workspace(), owner)
      if (!out.ok)
        throw new AppFailure('filing/nothing-to-undo', out.errors[0] ?? '没有可以撤销的记录。', out.errors)
      const saved = repo.commit(pruneOrphanEvents(out.workspace))
      return { event: out.removed, warnings: [], filingEvents: saved.filingEvents ?? [] }
    },
  }
}
