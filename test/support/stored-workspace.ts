import type { Workspace } from '../../core/model'
import { openConfStore } from '../../electron/main/services/conf-store'
import { createWorkspaceRepo } from '../../electron/main/services/workspace-repo'

/**
 * What a data folder holds now, read as the app reads it: config.json is the split store's
 * index, so tests must not parse it as the workspace. Read-only: changes nothing on disk.
 */
export function storedWorkspace(dir: string): Workspace {
  const store = openConfStore(dir, { readOnly: true })
  try {
    return createWorkspaceRepo(store).workspace()
  } finally {
    store.close()
  }
}
