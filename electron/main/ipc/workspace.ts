/** Subjects and sites: load, save, delete. Rules are advisory on save (drafts are kept). */
import { deleteSite, deleteSubject, upsertSite, upsertSubject } from '../../../core/workspace'
import { AppFailure } from '../services/app-error'
import type { Services } from '../services/container'
import type { Handlers } from './types'

type WorkspaceHandlers = Pick<
  Handlers,
  'workspace:load' | 'subjects:save' | 'subjects:delete' | 'sites:save' | 'sites:delete'
>

export function workspaceHandlers({ repo, materials }: Services): WorkspaceHandlers {
  return {
    'workspace:load': () => repo.workspace(),
    'subjects:save': (subject) => {
      const saved = { ...subject, updatedAt: new Date().toISOString() }
      repo.commit(upsertSubject(repo.workspace(), saved))
      return saved
    },
    'subjects:delete': ({ id }) => materials.commitRemoval(deleteSubject(repo.workspace(), id)),
    'sites:save': (site) => {
      if (!repo.workspace().subjects.some((s) => s.id === site.subjectId)) {
        throw new AppFailure('sites/no-subject', '这个网站所属的开办主体不存在，请先保存主体信息。')
      }
      const saved = { ...site, updatedAt: new Date().toISOString() }
      repo.commit(upsertSite(repo.workspace(), saved))
      return saved
    },
    'sites:delete': ({ id }) => materials.commitRemoval(deleteSite(repo.workspace(), id)),
  }
}
