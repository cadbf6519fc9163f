/**
 * Atomic file writes: write a sibling temp file, fsync it, then rename over the target.
 * A crash mid-write leaves either the old file or the new one, never half of one.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'

/** Every temp file name holds this infix (ours and conf's): the start-up sweep finds them by it. */
export const TEMP_INFIX = '.tmp-'

/** A hidden sibling of `target` that no user file is named like. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}${TEMP_INFIX}${randomBytes(6).toString('hex')}`)
}

/** Writes `data` to a new temp file beside `target` and flushes it to disk; returns its path. */
export async function writeSyncedTemp(target: string, data: Uint8Array, mode = 0o600): Promise<string> {
  const temp = tempPathFor(target)
  const handle = await open(temp, 'wx', mode)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  return temp
}

/** Replaces `target` (or creates it) in one step. Only for files the app owns or the user asked to replace. */
export async function writeFileAtomic(target: string, data: Uint8Array, mode = 0o600): Promise<void> {
  const temp = await writeSyncedTemp(target, data, mode)
  try {
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** The synchronous twin, for the store's own files (conf writes synchronously too). */
export function writeFileAtomicSync(target: string, data: Uint8Array | string, mode = 0o600): void {
  const temp = tempPathFor(target)
  const fd = openSync(temp, 'wx', mode)
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
