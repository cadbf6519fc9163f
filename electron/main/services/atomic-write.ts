/**
 * Atomic file writes: write a sibling temp file, fsync it, then rename over the target.
 * A crash mid-write leaves either the old file or the new one, never half of one.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'

function tempPathFor(target: string): string {
  return `${target}.tmp-${randomBytes(6).toString('hex')}`
}

export function writeFileAtomicSync(target: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = tempPathFor(target)
  const fd = openSync(temp, 'w', mode)
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
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

export async function writeFileAtomic(target: string, data: Uint8Array, mode = 0o600): Promise<void> {
  const temp = tempPathFor(target)
  const handle = await open(temp, 'w', mode)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
