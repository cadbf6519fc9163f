/**
 * Backup generations and quarantined records for the user: list the generations (date,
 * counts) and restore one; list what recovery set aside and discard it for good. Restoring
 * first keeps the current state as a generation of its own, so a restore can be undone.
 */
import { rmSync } from 'node:fs'
import { basename } from 'node:path'
import type { GenerationInfo } from './store-backups'
import { readStoreText, type StoreCodec } from './store-codec'
import { quarantineFiles } from './store-recovery'
import { isPlainObject, parseJson, stateOf, type QuarantinedRecord } from './store-salvage'
import type { OpenedStore, StoreBackend } from './store'
import type { WorkspaceRepo } from './workspace-repo'

export type RestoreResult = { restored: GenerationInfo; previousKeptAs: string }

/** One quarantine file: the records one recovery set aside, without their contents. */
export type QuarantineInfo = {
  /** The file name (in the data folder), the handle for discarding it. */
  name: string
  createdAt: string
  records: Omit<QuarantinedRecord, 'record'>[]
}

export type BackupService = {
  list(): GenerationInfo[]
  restore(id: string): RestoreResult
  quarantined(): QuarantineInfo[]
  /** Deletes a quarantine file; its records' photos go at the next start. */
  discardQuarantined(name: string): void
}

export function isOpenedStore(store: StoreBackend): store is OpenedStore {
  return 'backups' in store && 'withoutPurge' in store
}

const READ_ONLY = '只读打开的数据目录不能修改，请用写入模式打开后再试。'

function quarantineInfo(path: string, codec: StoreCodec): QuarantineInfo {
  let raw: unknown
  try {
    raw = parseJson(readStoreText(path, codec))
  } catch {
    raw = undefined
  }
  const body = isPlainObject(raw) ? raw : {}
  const records = Array.isArray(body.records) ? body.records.filter(isPlainObject) : []
  return {
    name: basename(path),
    createdAt: typeof body.createdAt === 'string' ? body.createdAt : '',
    records: records.map((r) => ({
      kind: String(r.kind),
      id: typeof r.id === 'string' ? r.id : null,
      label: typeof r.label === 'string' ? r.label : null,
      problems: Array.isArray(r.problems) ? r.problems.map(String) : [],
    })),
  }
}

export function createBackupService(store: OpenedStore, repo: WorkspaceRepo): BackupService {
  return {
    list: () => store.backups.list(),
    restore(id) {
      if (store.readOnly) throw new Error(READ_ONLY)
      const info = store.backups.list().find((g) => g.id === id)
      const state = info?.valid ? stateOf(parseJson(store.backups.read(id))) : null
      if (!info) throw new Error(`没有编号为 ${id} 的备份，请刷新备份列表后重试。`)
      if (!state) throw new Error(`编号为 ${id} 的备份已损坏，无法恢复，请选择其他备份。`)
      const previousKeptAs = store.snapshotSeparate()
      // Records the generation lacks are not deletions: they stay in the other generations.
      store.withoutPurge(() => repo.replace(state))
      return { restored: info, previousKeptAs }
    },
    quarantined: () => quarantineFiles(store.dataDir).map((p) => quarantineInfo(p, store.codec)),
    discardQuarantined(name) {
      if (store.readOnly) throw new Error(READ_ONLY)
      const path = quarantineFiles(store.dataDir).find((p) => basename(p) === name)
      if (!path) throw new Error(`没有名为 ${name} 的隔离文件，请刷新列表后重试。`)
      rmSync(path, { force: true })
    },
  }
}
