/**
 * 保留期限 in main: lists the ID photos whose period is over and deletes the ones the user
 * confirmed, through the same removal as a user's delete (store first, backup generations
 * purged, then the files). Nothing is deleted without an explicit list of ids.
 */
import type { RetentionApplied } from '../../../core/api'
import { retentionDue, retentionEdit, type RetentionDue } from '../../../core/filing/retention'
import { localToday } from '../../../core/validation/dates'
import type { MaterialService } from './materials'
import type { WorkspaceRepo } from './workspace-repo'

export type RetentionService = {
  due(): RetentionDue[]
  /** Deletes the confirmed ids that are still due on today's date; others are left alone. */
  apply(materialIds: readonly string[]): Promise<RetentionApplied>
}

export function createRetentionService(
  repo: WorkspaceRepo,
  materials: Pick<MaterialService, 'commitRemoval'>,
  clock: () => Date = () => new Date(),
): RetentionService {
  const days = () => repo.settings().retentionDays
  return {
    due: () => retentionDue(repo.workspace(), days(), localToday(clock())),
    async apply(materialIds) {
      // Re-checked here: the window's list may be stale (a new photo, a change recorded since).
      const edit = retentionEdit(repo.workspace(), materialIds, days(), localToday(clock()))
      if (edit.removedMaterials.length === 0) return { removed: 0, workspace: repo.workspace() }
      const workspace = await materials.commitRemoval(edit)
      return { removed: edit.removedMaterials.length, workspace }
    },
  }
}
