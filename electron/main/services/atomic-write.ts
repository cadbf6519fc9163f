/**
 * Atomic file writes: write a sibling temp file, fsync it, then rename over the target.
 * A crash mid-write leaves either the old file or the new one, never half of one.
 */
import { open, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'

function tempPathFor(target: string): string {
  return `${target}.tmp-${randomBytes(6).toString('hex')}`
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
