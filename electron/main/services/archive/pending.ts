/**
 * Importing an archive into the app's own data folder, which is open while the app runs: the
 * archive is imported (verified, staged, renamed) into `<data folder>.incoming` beside it, and
 * moved in at the next start, before the store opens. The move is resumable: first every old
 * workspace entry goes aside to `<data folder>.before-import-<time>` (named in the staged folder
 * before anything moves; removed later only when safe, see before-import.ts), then a marker
 * records that, then the new entries move in with config.json (the commit point) last. A crash
 * at any step is finished by the next start.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomicSync } from '../atomic-write'
import { acquireWriterLock, WriterLockError } from '../writer-lock'
import { isWorkspacePath } from './entries'
import { importArchive, type ArchiveImportOptions, type ArchiveImportResult } from './import'

const MARKER = '.moving-in'
/** Where the old entries go, written before the first of them moves. */
const ASIDE = '.aside'
const WORKSPACE_DIRS = new Set(['store', 'materials', 'backups'])

export const incomingDir = (dataDir: string): string => `${dataDir}.incoming`

const isWorkspaceTop = (name: string) => WORKSPACE_DIRS.has(name) || isWorkspacePath(name)

/** Imports into the folder the next start moves in (a leftover one, never applied, is replaced). */
export async function stageImport(
  options: Omit<ArchiveImportOptions, 'targetDir'> & { dataDir: string },
): Promise<ArchiveImportResult> {
  const incoming = incomingDir(options.dataDir)
  if (existsSync(incoming) && !existsSync(join(incoming, MARKER)))
    rmSync(incoming, { recursive: true, force: true })
  return importArchive({ ...options, targetDir: incoming })
}

export type PendingResult = { applied: boolean; keptAs?: string }

/**
 * At start, before the store opens: moves a staged import in, under the writer lock (while the
 * CLI writes the folder, nothing moves; the next start tries again). Says where the old went.
 */
export function applyPendingImport(dataDir: string, now = new Date()): PendingResult {
  if (!existsSync(incomingDir(dataDir))) return { applied: false }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  let lock
  try {
    lock = acquireWriterLock(dataDir, { owner: 'app' })
  } catch (error) {
    if (error instanceof WriterLockError) return { applied: false }
    throw error
  }
  try {
    return moveIn(dataDir, now)
  } finally {
    lock.release()
  }
}

function moveIn(dataDir: string, now: Date): PendingResult {
  const incoming = incomingDir(dataDir)
  if (!existsSync(join(incoming, MARKER))) {
    if (!existsSync(join(incoming, 'config.json'))) return { applied: false } // not a finished import
    // Named before anything moves: a start killed mid-way resumes into the same folder.
    const planned = join(incoming, ASIDE)
    const aside = existsSync(planned)
      ? readFileSync(planned, 'utf8')
      : `${dataDir}.before-import-${now.toISOString().replace(/[:.]/g, '-')}`
    if (!existsSync(planned)) writeFileAtomicSync(planned, aside)
    mkdirSync(aside, { recursive: true, mode: 0o700 })
    for (const name of readdirSync(dataDir))
      if (isWorkspaceTop(name)) renameSync(join(dataDir, name), join(aside, name))
    writeFileAtomicSync(join(incoming, MARKER), aside)
  }
  const names = readdirSync(incoming).filter((n) => n !== 'config.json' && isWorkspaceTop(n))
  for (const name of [...names, 'config.json'])
    if (existsSync(join(incoming, name))) renameSync(join(incoming, name), join(dataDir, name))
  const keptAs = readFileSync(join(incoming, MARKER), 'utf8')
  rmSync(incoming, { recursive: true, force: true }) // the marker and any temp file left
  return { applied: true, keptAs }
}
