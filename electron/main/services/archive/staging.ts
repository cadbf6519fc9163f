/**
 * The folders an import unpacks into before it renames one into place, beside the target as
 * `.<target name>.import-<pid>-<hex>`, so a crash never leaves something that looks like a
 * workspace. The next import into the same target removes those whose process is gone.
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** 'missing', 'empty' (an empty folder) or 'busy' (anything else is there). */
export function targetState(dir: string): 'missing' | 'empty' | 'busy' {
  const info = statSync(dir, { throwIfNoEntry: false })
  if (!info) return 'missing'
  if (!info.isDirectory()) return 'busy'
  return readdirSync(dir).length === 0 ? 'empty' : 'busy'
}

const stagingPrefix = (target: string) => `.${basename(target)}.import-`

/** Removes staging folders of imports into `target` whose process is gone (a killed import). */
export function sweepImportStaging(target: string): string[] {
  const parent = dirname(target)
  const prefix = stagingPrefix(target)
  const removed: string[] = []
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return removed
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1])
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue
    if (pid === process.pid && importing.has(join(parent, name))) continue
    rmSync(join(parent, name), { recursive: true, force: true })
    removed.push(join(parent, name))
  }
  return removed
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

/** Staging folders of imports running in this process: the sweep leaves them alone. */
const importing = new Set<string>()

/** A new staging folder name for an import into `target` (not created), marked as running. */
export function newStagingPath(target: string): string {
  const staging = join(
    dirname(target),
    `${stagingPrefix(target)}${String(process.pid)}-${randomBytes(6).toString('hex')}`,
  )
  importing.add(staging)
  return staging
}

/** The import using `staging` has ended (renamed into place or removed). */
export function stagingDone(staging: string): void {
  importing.delete(staging)
}
