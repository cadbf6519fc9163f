/**
 * Opening the JSON store safely: orphaned temp files are removed, a damaged file is moved
 * aside (never overwritten) and the last good backup is restored.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** What the app needs from electron-store / conf. */
export type StoreBackend = { store: Record<string, unknown>; readonly path: string }

export type StoreRecovery = { quarantined: string; restoredFromBackup: boolean }

let lastRecovery: StoreRecovery | null = null
/** The recovery that happened at the last open, if any (shown to the user once). */
export function takeStoreRecovery(): StoreRecovery | null {
  const r = lastRecovery
  lastRecovery = null
  return r
}

export function backupPathOf(filePath: string): string {
  return filePath.replace(/\.json$/, '') + '.backup.json'
}

function removeOrphanTempFiles(filePath: string): void {
  const dir = dirname(filePath)
  if (!existsSync(dir)) return
  const prefix = `${basename(filePath)}.tmp-`
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(prefix)) rmSync(join(dir, entry), { force: true })
  }
}

function openAndRead<T extends StoreBackend>(create: () => T): T {
  const store = create()
  void store.store // conf parses and validates on read: surface errors now, not mid-session
  return store
}

export function openStore<T extends StoreBackend>(create: () => T, filePath: string): T {
  removeOrphanTempFiles(filePath)
  const backup = backupPathOf(filePath)
  try {
    const store = openAndRead(create)
    if (existsSync(filePath)) copyFileSync(filePath, backup)
    return store
  } catch (error) {
    if (!existsSync(filePath)) throw error
    const quarantined = `${filePath}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
    renameSync(filePath, quarantined)
    let restoredFromBackup = false
    if (existsSync(backup)) {
      copyFileSync(backup, filePath)
      try {
        const store = openAndRead(create)
        restoredFromBackup = true
        lastRecovery = { quarantined, restoredFromBackup }
        return store
      } catch {
        // The backup is damaged too: keep it aside as well and start empty.
        renameSync(filePath, `${backup}.corrupt`)
      }
    }
    lastRecovery = { quarantined, restoredFromBackup }
    return openAndRead(create)
  }
}
