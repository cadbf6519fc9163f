/**
 * The workspace archive (工作区迁移包) from settings → 数据加密. The file comes only from main's
 * own save/open dialog (no path crosses IPC). Import only into an empty workspace: it is staged
 * beside the data folder and moved in when the app starts again (services/archive/pending.ts).
 * Both report `archive:progress` to the window that asked, under the id it gave.
 */
import type { ArchiveImportSummary } from '../../../core/api'
import { throttleSteps, type ArchiveOperation } from '../../../core/archive-progress'
import { AppFailure } from '../services/app-error'
import { exportArchive } from '../services/archive/export'
import { stageImport } from '../services/archive/pending'
import type { Services } from '../services/container'
import type { KeychainPort } from '../services/crypto/keychain'
import type { ProgressSink } from '../services/ports'
import type { Handlers } from './types'

export type ArchiveDialogs = {
  /** Where to save the archive (main's save dialog); null when cancelled. */
  pickArchiveTarget(suggestedName: string): Promise<string | null>
  /** The archive to import (main's open dialog); null when cancelled. */
  pickArchiveFile(): Promise<string | null>
}

export type ArchiveDeps = {
  dialogs?: ArchiveDialogs
  keychain?: KeychainPort | null
  /** Restarts the app so the staged import is moved in; absent: the user restarts it. */
  relaunch?: () => void
}

const RELAUNCH_DELAY_MS = 2500

const unavailable = () =>
  new AppFailure(
    'archive/unavailable',
    '这里不能选择文件，无法导出或导入迁移包。请在桌面应用中操作，或使用命令行 beian-desk archive。',
  )

const notEmpty = () =>
  new AppFailure(
    'archive/workspace-not-empty',
    '当前工作区已有主体、网站或材料：应用内只能把迁移包导入到空的工作区，不会覆盖现有数据。请先导出当前工作区作备份；或用命令行 beian-desk archive import 导入到一个新的空文件夹。',
  )

const today = () => new Date().toISOString().slice(0, 10)

/** `archive:progress` events to the window that asked, throttled; none when it gave no id. */
function reporter(ctx: ProgressSink, operation: ArchiveOperation, progressId: string | undefined) {
  if (!progressId) return {}
  return {
    onProgress: throttleSteps((step) => ctx.emit('archive:progress', { progressId, operation, ...step })),
  }
}

export function archiveHandlers(
  { dataDir, repo, encryption }: Services,
  deps: ArchiveDeps,
): Pick<Handlers, 'archive:export' | 'archive:import'> {
  return {
    'archive:export': async ({ passphrase, progressId }, ctx) => {
      if (!deps.dialogs) throw unavailable()
      const status = await encryption.status()
      if (status.encrypted && !status.unlocked)
        throw new AppFailure(
          'archive/locked',
          '工作区已加密且尚未解锁：请先在“数据加密”中解锁，再导出迁移包。',
        )
      const out = await deps.dialogs.pickArchiveTarget(`Beian Desk 工作区迁移包 ${today()}.bdxa`)
      if (!out) return null
      // The save dialog asked before replacing a file.
      const dataKey = await encryption.dataKey()
      const onProgress = reporter(ctx, 'export', progressId)
      return exportArchive({ dataDir, out, passphrase, dataKey, overwrite: true, ...onProgress })
    },
    'archive:import': async ({ passphrase, progressId }, ctx): Promise<ArchiveImportSummary | null> => {
      if (!deps.dialogs) throw unavailable()
      const ws = repo.workspace()
      if (ws.subjects.length > 0 || ws.sites.length > 0 || ws.materials.length > 0) throw notEmpty()
      const archive = await deps.dialogs.pickArchiveFile()
      if (!archive) return null
      const result = await stageImport({
        archive,
        dataDir,
        passphrase,
        keychain: deps.keychain ?? null,
        ...reporter(ctx, 'import', progressId),
      })
      const relaunch = deps.relaunch
      if (relaunch) setTimeout(relaunch, RELAUNCH_DELAY_MS)
      return {
        files: result.files,
        bytes: result.bytes,
        encrypted: result.encrypted,
        unlockWith: result.unlockWith,
        restart: relaunch ? 'automatic' : 'manual',
      }
    },
  }
}
