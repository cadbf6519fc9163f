/**
 * How far a workspace archive (工作区迁移包) export or import is, as pure data shared by main
 * (which reports it), the renderer (a bar) and the CLI (a line on stderr). An export derives the
 * archive key from the passphrase, then writes; an import derives, checks the whole archive
 * (first pass), then writes the workspace (second pass). `done`/`total` count content bytes.
 */

export type ArchiveOperation = 'export' | 'import'
export type ArchivePhase = 'key' | 'checking' | 'writing'
export type ArchiveStep = { phase: ArchivePhase; done: number; total: number }

/** Whole percent (0–100) of the operation: an import's checking pass is its first half. */
export function archivePercent(operation: ArchiveOperation, step: ArchiveStep): number {
  if (step.phase === 'key') return 0
  const part = step.total > 0 ? Math.min(1, step.done / step.total) : 1
  if (operation === 'export') return Math.floor(part * 100)
  return Math.floor((step.phase === 'checking' ? part / 2 : 0.5 + part / 2) * 100)
}

/**
 * Passes on the first step of each phase and its last (done = total), and otherwise at most one
 * step per `intervalMs`: a 256 KiB frame at a time would flood IPC and the terminal.
 */
export function throttleSteps(
  emit: (step: ArchiveStep) => void,
  intervalMs = 100,
  now: () => number = Date.now,
): (step: ArchiveStep) => void {
  let phase: ArchivePhase | null = null
  let last = -Infinity
  return (step) => {
    const t = now()
    const boundary = step.phase !== phase || step.done >= step.total
    if (!boundary && t - last < intervalMs) return
    phase = step.phase
    last = t
    emit(step)
  }
}
