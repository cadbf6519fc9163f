/**
 * The batch-compress page's state. It lives outside the page so a run keeps going (and its
 * progress keeps arriving) when the user looks at a site meanwhile. Main does the work;
 * this only records the `batch:progress` events and the final summary.
 */
import { create } from 'zustand'
import type { AppError, BatchSummary } from '../../../../core/api'
import { DEFAULT_MAX_BYTES } from '../../../../core/model'
import { api, onEvent } from '../../api'
import { newId } from '../../components/ids'

export type ItemProgress = { ok: boolean; message?: string }
export type ItemStatus = 'waiting' | 'working' | 'done' | 'failed'

type State = {
  paths: string[]
  outDir: string | null
  maxBytes: number
  batchId: string | null
  running: boolean
  cancelling: boolean
  /** Keyed by input path. */
  progress: Record<string, ItemProgress>
  done: number
  summary: BatchSummary | null
  error: AppError | null
}

const INITIAL: State = {
  paths: [],
  outDir: null,
  maxBytes: DEFAULT_MAX_BYTES,
  batchId: null,
  running: false,
  cancelling: false,
  progress: {},
  done: 0,
  summary: null,
  error: null,
}

export const useBatchStore = create<State>(() => ({ ...INITIAL }))

/** Main compresses two files at a time, in order. */
const LANES = 2

export function resetBatch(): void {
  useBatchStore.setState({ ...INITIAL })
}

/** 添加图片: adds the picked files (duplicates once) and clears the last run's results. */
export async function addFiles(): Promise<void> {
  const picked = await api.pickImages(true)
  if (picked.length === 0) return
  useBatchStore.setState((s) => ({
    paths: [...new Set([...(s.summary ? [] : s.paths), ...picked])],
    progress: s.summary ? {} : s.progress,
    done: s.summary ? 0 : s.done,
    batchId: s.summary ? null : s.batchId,
    summary: null,
    error: null,
  }))
}

export function removeFile(path: string): void {
  useBatchStore.setState((s) => ({ paths: s.paths.filter((p) => p !== path) }))
}

export function clearFiles(): void {
  useBatchStore.setState({ paths: [], progress: {}, done: 0, batchId: null, summary: null, error: null })
}

export async function pickOutDir(): Promise<void> {
  const dir = await api.pickExportTarget('folder', '压缩后的图片', 'batch')
  if (dir) useBatchStore.setState({ outDir: dir })
}

export function setMaxBytes(maxBytes: number): void {
  useBatchStore.setState({ maxBytes })
}

/** Starts the run and records progress until main answers with the summary. */
export async function startBatch(): Promise<void> {
  const { paths, outDir, maxBytes, running } = useBatchStore.getState()
  if (running || !outDir || paths.length === 0) return
  const batchId = newId()
  useBatchStore.setState({
    batchId,
    running: true,
    cancelling: false,
    progress: {},
    done: 0,
    summary: null,
    error: null,
  })
  const off = onEvent('batch:progress', (p) => {
    if (p.batchId !== batchId) return
    useBatchStore.setState((s) => ({
      done: Math.max(s.done, p.done),
      progress: { ...s.progress, [p.input]: { ok: p.ok, ...(p.message ? { message: p.message } : {}) } },
    }))
  })
  const result = await api.compressBatch({ batchId, paths, outDir, maxBytes })
  off()
  useBatchStore.setState((s) => ({
    running: false,
    cancelling: false,
    summary: result.ok ? result.value : null,
    error: result.ok ? null : result.error,
    done: result.ok ? processedCount(result.value) : s.done,
    progress: result.ok ? progressOf(result.value) : s.progress,
  }))
}

export const CANCELLED_CODE = 'image/cancelled'

export const isCancelled = (r: BatchSummary['results'][number]): boolean =>
  'error' in r && r.error.code === CANCELLED_CODE

/** Files main actually processed (skipped-after-cancel ones are not counted). */
export function processedCount(summary: BatchSummary): number {
  return summary.results.filter((r) => !isCancelled(r)).length
}

function progressOf(summary: BatchSummary): Record<string, ItemProgress> {
  return Object.fromEntries(
    summary.results.map((r) => [
      r.input,
      'error' in r ? { ok: false, message: r.error.message } : { ok: true },
    ]),
  )
}

export async function cancelBatch(): Promise<void> {
  const { batchId, running } = useBatchStore.getState()
  if (!batchId || !running) return
  useBatchStore.setState({ cancelling: true })
  await api.cancelBatch(batchId)
}

/** Per-file status: what main reported, else "working" for the next files in line while running. */
export function itemStatuses(
  paths: readonly string[],
  progress: Record<string, ItemProgress>,
  running: boolean,
): ItemStatus[] {
  let lanes = running ? LANES : 0
  return paths.map((path) => {
    const p = progress[path]
    if (p) return p.ok ? 'done' : 'failed'
    if (lanes > 0) {
      lanes -= 1
      return 'working'
    }
    return 'waiting'
  })
}

/** The file name of a path from either platform. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
