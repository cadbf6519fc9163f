/**
 * Backup generations for the user: list them (date, counts) and restore one. Restoring first
 * keeps the current state as a generation of its own, so a restore can itself be undone.
 */
import type { GenerationInfo } from './store-backups'
import { parseJson, stateOf } from './store-salvage'
import type { OpenedStore, StoreBackend } from './store'
import type { WorkspaceRepo } from './workspace-repo'

export type RestoreResult = { restored: GenerationInfo; previousKeptAs: string }

export type BackupService = {
  list(): GenerationInfo[]
  restore(id: string): RestoreResult
}

export function isOpenedStore(store: StoreBackend): store is OpenedStore {
  return 'backups' in store && 'withoutPurge' in store
}

export function createBackupService(store: OpenedStore, repo: WorkspaceRepo): BackupService {
  return {
    list: () => store.backups.list(),
    restore(id) {
      if (store.readOnly) throw new Error('只读打开的数据目录不能恢复备份，请用写入模式打开后再试。')
      const info = store.backups.list().find((g) => g.id === id)
      const state = info?.valid ? stateOf(parseJson(store.backups.read(id))) : null
      if (!info) throw new Error(`没有编号为 ${id} 的备份，请刷新备份列表后重试。`)
      if (!state) throw new Error(`编号为 ${id} 的备份已损坏，无法恢复，请选择其他备份。`)
      const previousKeptAs = store.snapshotSeparate()
      // Records the generation lacks are not deletions: they stay in the other generations.
      store.withoutPurge(() => repo.replace(state))
      return { restored: info, previousKeptAs }
    },
  }
}
