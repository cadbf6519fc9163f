/**
 * A scan of a folder (a data folder and whatever lies beside it: staging folders, temp files,
 * folders set aside) for personal data on disk in the clear: the given needles (ID numbers,
 * names) as UTF-8 or UTF-16LE bytes anywhere in a file, and JPEG/PNG magic at the start of a
 * file that is not a sealed container. Store files (config*.json, store/, backups/) are left out
 * unless `includeStore` is set: they are still plaintext while the store codec is being built;
 * turn it on once the store is sealed, and the same scan covers them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { isSealed } from '../../electron/main/services/crypto/envelope'

export type PlaintextScanOptions = {
  /** Strings that must not appear in the clear (ID numbers, names, phone numbers). */
  needles: readonly string[]
  /** Scan store files too (else skipped as not yet encrypted). */
  includeStore?: boolean
}
export type PlaintextFinding = { file: string; why: string }
export type PlaintextScan = { files: number; skippedStore: number; findings: PlaintextFinding[] }

const IMAGE_MAGIC: [string, Buffer][] = [
  ['JPEG', Buffer.from([0xff, 0xd8, 0xff])],
  ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
]
const STORE_FILE = /^(config.*\.json|purge\.pending\.json)$/
const STORE_DIRS = new Set(['store', 'backups'])

/** A store file of any workspace under the scan (the data folder itself or a staging copy). */
export function isStoreFile(relPath: string): boolean {
  const parts = relPath.split(sep)
  const name = parts[parts.length - 1] ?? ''
  return STORE_FILE.test(name) || parts.slice(0, -1).some((p) => STORE_DIRS.has(p))
}

/** Every regular file under `dir`, recursively; a file or folder removed meanwhile is skipped. */
export function* filesUnder(dir: string): Generator<string> {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return // removed while we looked
  }
  for (const name of names) {
    const path = join(dir, name)
    const info = statSync(path, { throwIfNoEntry: false })
    if (info?.isDirectory()) yield* filesUnder(path)
    else if (info?.isFile()) yield path
  }
}

/** What one file gives away, if anything. */
export function plaintextIn(bytes: Buffer, needles: readonly string[]): string[] {
  const why: string[] = []
  if (!isSealed(bytes))
    for (const [kind, magic] of IMAGE_MAGIC)
      if (bytes.subarray(0, magic.length).equals(magic)) why.push(`${kind} magic at the start`)
  for (const needle of needles)
    for (const encoding of ['utf8', 'utf16le'] as const)
      if (bytes.includes(Buffer.from(needle, encoding))) why.push(`"${needle}" in ${encoding}`)
  return why
}

/** Every file under `root` (hidden folders included), checked; store files only when asked. */
export function scanForPlaintext(root: string, options: PlaintextScanOptions): PlaintextScan {
  const scan: PlaintextScan = { files: 0, skippedStore: 0, findings: [] }
  for (const file of filesUnder(root)) {
    const rel = relative(root, file)
    if (!options.includeStore && isStoreFile(rel)) {
      scan.skippedStore++
      continue
    }
    let bytes: Buffer
    try {
      bytes = readFileSync(file)
    } catch {
      continue
    }
    scan.files++
    for (const why of plaintextIn(bytes, options.needles)) scan.findings.push({ file: rel, why })
  }
  return scan
}
