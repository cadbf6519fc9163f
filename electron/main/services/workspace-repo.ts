/**
 * The workspace held in memory and written through to the store on every change. It is read
 * once at start, so every later read is O(1); the split store writes only what an edit changed.
 */
import type { Settings } from '../../../core/api'
import type { Workspace } from '../../../core/model'
import type { StoreBackend } from './store'
import { EMPTY_STATE, STORE_VERSION, storedStateSchema, type StoredState } from './store-options'

export type WorkspaceRepo = {
  workspace(): Workspace
  settings(): Settings
  /** Applies an edit and persists it atomically; returns the new workspace. */
  commit(next: Workspace): Workspace
  updateSettings(patch: Partial<Settings>): Settings
  /** Replaces the whole stored state (restoring a backup generation). */
  replace(next: StoredState): void
}

export function createWorkspaceRepo(backend: StoreBackend): WorkspaceRepo {
  const raw = backend.store
  // An opened store hands over the state it checked; parsing it again would copy every record
  // and make the first write look like an edit of all of them.
  const parsed = backend.checked
    ? { success: true as const, data: raw as StoredState }
    : storedStateSchema.safeParse({ ...EMPTY_STATE, ...raw })
  // openStore has validated (or recovered) the file with the same schema: never empty it silently.
  if (!parsed.success) throw new Error(`数据文件不符合格式，已拒绝打开：${parsed.error.message}`)
  let state: StoredState = parsed.data

  const persist = (next: StoredState): void => {
    backend.store = { ...next, version: STORE_VERSION }
    state = next
  }

  return {
    workspace: () => state.workspace,
    settings: () => state.settings,
    commit(next) {
      persist({ ...state, workspace: next })
      return next
    },
    replace(next) {
      persist(storedStateSchema.parse(next))
    },
    updateSettings(patch) {
      const settings = { ...state.settings, ...patch }
      persist({ ...state, settings })
      return settings
    },
  }
}
