/**
 * The batch-compress page's state. It lives outside the page so a run keeps going (and its
 * events keep arriving) when the user looks at a site meanwhile. Main does the work; this
 * records which files main has started (`batch:started`) and finished (`batch:progress`),
 * and the final summary.
 */
import { create } from 'zustand'
import {
  BATCH_CANCELLED_CODE,
  BATCH_MAX_FILES,
  type AppError,
  type BatchSummary,
  type Events,
} from '../../../../core/api'
import { DEFAULT_MAX_BYTES } from '../../../../core/model'
import { api, onEvent } from '../../api'
import { newId } from '../../components/ids'
import type { DroppedItems } from './drop-items'

/** 等待中 / 处理中 / 完成 / 失败 / 已取消 */
export type ItemStatus = 'waiting' | 'working' | 'done' | 'failed' | 'cancelled'
export type ItemProgress = { status: Exclude<ItemStatus, 'waiting'>; message?: string; code?: string }

/** Something the user should know about the files just added (shown above the list). */
export type BatchNotice = {
  kind: 'folders' | 'unreadable' | 'tooMany' | 'duplicates'
  n: number
}

type State = {
  paths: string[]
  outDir: string | null
  maxBytes: number
  /** Straighten photographed cards and pages (find the four corners) before compressing. */
  deskew: boolean
  batchId: string | null
  running: boolean
  cancelling: boolean
  /** Keyed by input path; a path without an entry is waiting. */
  progress: Record<string, ItemProgress>
  done: number
  summary: BatchSummary | null
  error: AppError | null
  notices: BatchNotice[]
}

/** What a run starts from: no progress, no outcome, no notices. */
const FRESH_RUN = {
  cancelling: false,
  progress: {},
  done: 0,
  summary: null,
  error: null,
  notices: [],
} satisfies Partial<State>

const INITIAL: State = {
  paths: [],
  outDir: null,
  maxBytes: DEFAULT_MAX_BYTES,
  deskew: false,
  batchId: null,
  running: false,
  ...FRESH_RUN,
}

export const useBatchStore = create<State>(() => ({ ...INITIAL }))

export function resetBatch(): void {
  useBatchStore.setState({ ...INITIAL })
}

/**
 * Adds paths to the list: duplicates once, at most BATCH_MAX_FILES. After a finished run the
 * new files start a fresh list (the last run's results are cleared). Ignored while running.
 */
export function addPaths(added: readonly string[], notices: BatchNotice[] = []): void {
  const s = useBatchStore.getState()
  if (s.running) return
  const fresh = s.summary !== null
  const before = fresh ? [] : s.paths
  const merged = [...new Set([...before, ...added])]
  const kept = merged.slice(0, BATCH_MAX_FILES)
  const duplicates = before.length + added.length - merged.length
  const tooMany = merged.length - kept.length
  useBatchStore.setState({
    paths: kept,
    ...(fresh ? { progress: {}, done: 0, batchId: null } : {}),
    summary: null,
    error: null,
    notices: [
      ...notices,
      ...(duplicates > 0 ? [{ kind: 'duplicates' as const, n: duplicates }] : []),
      ...(tooMany > 0 ? [{ kind: 'tooMany' as const, n: tooMany }] : []),
    ],
  })
}

/** 添加图片: the native dialog (many at once). Cancelling does nothing. */
export async function addFiles(): Promise<void> {
  const picked = await api.pickImages(true)
  if (picked.length > 0) addPaths(picked)
}

/**
 * Files dropped on the page: their local paths come through the bridge (the same way as for
 * a material card). Folders and items without a local file (a picture dragged out of a web
 * page or an archive) are not added; the user is told how many and what to do instead.
 */
export async function addDroppedFiles({ files, folders }: DroppedItems): Promise<void> {
  if (useBatchStore.getState().running) return
  const paths = await api.pathsForFiles(files)
  const notices: BatchNotice[] = []
  if (folders > 0) notices.push({ kind: 'folders', n: folders })
  if (paths.length < files.length) notices.push({ kind: 'unreadable', n: files.length - paths.length })
  if (paths.length > 0) addPaths(paths, notices)
  else useBatchStore.setState({ notices })
}

export function dismissNotices(): void {
  useBatchStore.setState({ notices: [] })
}

export function removeFile(path: string): void {
  useBatchStore.setState((s) => ({ paths: s.paths.filter((p) => p !== path) }))
}

export function clearFiles(): void {
  useBatchStore.setState({
    paths: [],
    progress: {},
    done: 0,
    batchId: null,
    summary: null,
    error: null,
    notices: [],
  })
}

export async function pickOutDir(): Promise<void> {
  const dir = await api.pickExportTarget('folder', '压缩后的图片', 'batch')
  if (dir) useBatchStore.setState({ outDir: dir })
}

export function setMaxBytes(maxBytes: number): void {
  useBatchStore.setState({ maxBytes })
}

export function setDeskew(deskew: boolean): void {
  useBatchStore.setState({ deskew })
}

/** A finished file's row status: a cancel is not a failure. */
function finishedStatus(p: Pick<Events['batch:progress'], 'ok' | 'code'>): ItemProgress['status'] {
  if (p.ok) return 'done'
  return p.code === BATCH_CANCELLED_CODE ? 'cancelled' : 'failed'
}

/** Follows one run's events; returns the unsubscribe function. */
function follow(batchId: string): () => void {
  const offStarted = onEvent('batch:started', (p) => {
    if (p.batchId !== batchId) return
    useBatchStore.setState((s) =>
      // A finished row never goes back to "working".
      s.progress[p.input] ? s : { progress: { ...s.progress, [p.input]: { status: 'working' } } },
    )
  })
  const offProgress = onEvent('batch:progress', (p) => {
    if (p.batchId !== batchId) return
    const status = finishedStatus(p)
    useBatchStore.setState((s) => ({
      done: Math.max(s.done, p.done),
      progress: {
        ...s.progress,
        [p.input]: {
          status,
          ...(status === 'failed' && p.message
            ? { message: p.message, ...(p.code ? { code: p.code } : {}) }
            : {}),
        },
      },
    }))
  })
  return () => {
    offStarted()
    offProgress()
  }
}

/** Starts the run and records its events until main answers with the summary. */
export async function startBatch(): Promise<void> {
  const { paths, outDir, maxBytes, deskew, running } = useBatchStore.getState()
  if (running || !outDir || paths.length === 0) return
  const batchId = newId()
  useBatchStore.setState({ ...FRESH_RUN, batchId, running: true })
  const off = follow(batchId)
  const result = await api.compressBatch({ batchId, paths, outDir, maxBytes, ...(deskew ? { deskew } : {}) })
  off()
  useBatchStore.setState((s) =>
    result.ok
      ? {
          running: false,
          cancelling: false,
          summary: result.value,
          error: null,
          done: processedCount(result.value),
          progress: progressOf(result.value),
        }
      : {
          running: false,
          cancelling: false,
          summary: null,
          error: result.error,
          progress: unfinishedFailed(s.progress),
        },
  )
}

export const isCancelled = (r: BatchSummary['results'][number]): boolean =>
  'error' in r && r.error.code === BATCH_CANCELLED_CODE

/** Files main actually processed (skipped-after-cancel ones are not counted). */
export function processedCount(summary: BatchSummary): number {
  return summary.results.filter((r) => !isCancelled(r)).length
}

function progressOf(summary: BatchSummary): Record<string, ItemProgress> {
  return Object.fromEntries(
    summary.results.map((r): [string, ItemProgress] => [
      r.input,
      'error' in r
        ? {
            status: finishedStatus({ ok: false, code: r.error.code }),
            message: r.error.message,
            code: r.error.code,
          }
        : { status: 'done' },
    ]),
  )
}

/** When the whole call failed, a row still "working" will never finish. */
function unfinishedFailed(progress: Record<string, ItemProgress>): Record<string, ItemProgress> {
  return Object.fromEntries(
    Object.entries(progress).map(([path, p]): [string, ItemProgress] => [
      path,
      p.status === 'working' ? { status: 'failed' } : p,
    ]),
  )
}

export async function cancelBatch(): Promise<void> {
  const { batchId, running } = useBatchStore.getState()
  if (!batchId || !running) return
  useBatchStore.setState({ cancelling: true })
  await api.cancelBatch(batchId)
}

/** Per-file status, from what main reported: started → working, finished → done/failed/cancelled. */
export function itemStatuses(paths: readonly string[], progress: Record<string, ItemProgress>): ItemStatus[] {
  return paths.map((path) => progress[path]?.status ?? 'waiting')
}

/** The file name of a path from either platform. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
