/**
 * Exporting many sites' packets into one folder (an agency's selection, or the CLI's `--all`):
 * a folder or a zip per site, two sites at a time, one `packet:progress` event per site, and
 * a summary saying which were written and which were refused and why. One refusal never stops
 * the others.
 *
 * Nothing half-written is ever visible: each site is written by exportPacket into its own
 * folder inside a hidden staging folder (`.beian-export.tmp-…` in the output folder, so the
 * final move is a rename on the same disk), and only a packet that was written and read back
 * completely is moved to its final name (a free one: `name(2)` when taken). A cancel lets the
 * packets in flight finish into staging, then discards them and starts no more; the staging
 * folder is removed at the end whatever happens.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  PACKET_CANCELLED_CODE,
  type AppError,
  type Events,
  type ExportFormat,
  type PacketBatchItem,
  type PacketBatchSummary,
} from '../../../core/api'
import type { Workspace } from '../../../core/model'
import { exportBlockers, planPacket } from '../../../core/packet/plan'
import { localToday } from '../../../core/packet/readiness'
import { AppFailure } from './app-error'
import { TEMP_INFIX } from './atomic-write'
import { candidateNames, moveToFreeName } from './free-path'
import { BATCH_CONCURRENCY, runLimited } from './images/batch'
import type { MaterialFiles } from './material-files'
import { exportPacket } from './packet-export'
import { EXPORT_DIR_MODE } from './export-modes'

export type ExportManyRequest = {
  batchId: string
  siteIds: readonly string[]
  format: ExportFormat
  outDir: string
  /** Write 草稿 packets for sites with something missing instead of refusing them. */
  force?: boolean
}
export type ExportManyEvents = { progress(payload: Events['packet:progress']): void }
/** Test seam: runs after a site's packet is staged, before it is moved to its final name. */
export type ExportManyHooks = { staged?(index: number): Promise<void> | void }

export const PACKET_BATCH_CONCURRENCY = BATCH_CONCURRENCY
export const STAGING_PREFIX = `.beian-export${TEMP_INFIX}`

const running = new Map<string, AbortController>()

export function cancelExportMany(batchId: string): boolean {
  const controller = running.get(batchId)
  controller?.abort()
  return controller !== undefined
}

const CANCELLED: AppError = { code: PACKET_CANCELLED_CODE, message: '已取消，这个网站的材料包没有导出。' }

function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.toAppError()
  const code = (error as NodeJS.ErrnoException).code
  const reason =
    code === 'ENOSPC'
      ? '磁盘空间不足'
      : code === 'EACCES' || code === 'EPERM'
        ? '没有写入这个文件夹的权限'
        : '写入时出错'
  return {
    code: 'packet/write-failed',
    message: `这个网站的材料包没有导出：${reason}。请检查输出文件夹（空间、权限）后重新导出这个网站。`,
  }
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  )

/**
 * Moves a finished packet folder to the first free name in `dir`. A name is taken when anything
 * has it; rename would replace an empty folder on POSIX, so each candidate is checked first, and
 * a rename that loses a race (EEXIST, ENOTEMPTY, EPERM on Windows) moves on to the next.
 */
async function moveFolderToFreeName(folder: string, dir: string, name: string): Promise<string> {
  for (const candidate of candidateNames(name)) {
    const target = join(dir, candidate)
    if (await exists(target)) continue
    try {
      await rename(folder, target)
      return target
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY' && code !== 'EPERM') throw error
    }
  }
  throw new AppFailure('packet/no-free-name', `输出文件夹里“${name}”的同名项太多，请换一个空文件夹后重试。`)
}

async function moveIntoPlace(staged: string, format: ExportFormat, outDir: string): Promise<string> {
  const name = basename(staged)
  return format === 'zip' ? moveToFreeName(staged, outDir, name) : moveFolderToFreeName(staged, outDir, name)
}

export async function exportMany(
  ws: Workspace,
  files: MaterialFiles,
  req: ExportManyRequest,
  events: ExportManyEvents,
  today = localToday(),
  hooks: ExportManyHooks = {},
): Promise<PacketBatchSummary> {
  if (running.has(req.batchId))
    throw new AppFailure('packet/batch-running', '这一批导出已在进行中，请等它结束或先取消。')
  const controller = new AbortController()
  running.set(req.batchId, controller)
  const { batchId, format, outDir } = req
  const total = req.siteIds.length
  const names = new Map(ws.sites.map((s) => [s.id, s.name.trim() || '未命名网站']))
  let done = 0
  let staging: string | null = null
  try {
    await mkdir(outDir, { recursive: true, mode: EXPORT_DIR_MODE })
    staging = join(outDir, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`)
    await mkdir(staging, { mode: EXPORT_DIR_MODE })
    const stagingDir = staging
    const results = await runLimited(req.siteIds, PACKET_BATCH_CONCURRENCY, async (siteId, index) => {
      const siteName = names.get(siteId) ?? siteId
      const item = await exportOne(ws, files, req, siteId, siteName, join(stagingDir, String(index)), {
        signal: controller.signal,
        today,
        staged: () => hooks.staged?.(index),
      })
      done += 1
      const failure = item.ok ? {} : { code: item.error.code, message: item.error.message }
      events.progress({ batchId, index, done, total, siteId, siteName, ok: item.ok, ...failure })
      return item
    })
    return { batchId, outDir, format, cancelled: controller.signal.aborted, results }
  } finally {
    running.delete(batchId)
    if (staging) await rm(staging, { recursive: true, force: true })
  }
}

async function exportOne(
  ws: Workspace,
  files: MaterialFiles,
  req: ExportManyRequest,
  siteId: string,
  siteName: string,
  stageDir: string,
  ctx: { signal: AbortSignal; today: string; staged: () => Promise<void> | void },
): Promise<PacketBatchItem> {
  const refused = (error: AppError): PacketBatchItem => ({ siteId, siteName, ok: false, error })
  if (ctx.signal.aborted) return refused(CANCELLED)
  try {
    const plan = planPacket(ws, siteId)
    if (!plan) return refused({ code: 'packet/no-site', message: '找不到这个网站，请刷新后重试。' })
    await mkdir(stageDir, { mode: EXPORT_DIR_MODE })
    const target = req.format === 'zip' ? join(stageDir, `${plan.baseName}.zip`) : stageDir
    const summary = await exportPacket(
      ws,
      files,
      { siteId, format: req.format, target, force: req.force === true },
      ctx.today,
    )
    await ctx.staged()
    if (ctx.signal.aborted) return refused(CANCELLED)
    const final = await moveIntoPlace(summary.target, req.format, req.outDir)
    const draft = (exportBlockers(ws, siteId, ctx.today)?.length ?? 0) > 0
    return { siteId, siteName, ok: true, target: final, draft }
  } catch (error) {
    return refused(toAppError(error))
  } finally {
    await rm(stageDir, { recursive: true, force: true })
  }
}
