/**
 * The single gateway for material files (originals and compressed copies) under the data
 * directory. Every read and write goes through here, so encryption at rest can be added
 * in this module without touching its callers. Keys are relative, validated paths.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { writeFileAtomic } from './atomic-write'

export type MaterialFiles = {
  write(key: string, data: Uint8Array): Promise<void>
  read(key: string): Promise<Buffer>
  remove(key: string): Promise<void>
  exists(key: string): Promise<boolean>
}

const KEY_PATTERN = /^materials\/[A-Za-z0-9_-]+\/[A-Za-z0-9_.-]+$/

/** Builds the storage key of a material file; ids are validated by the schema already. */
export function materialKey(ownerKind: string, ownerId: string, fileName: string): string {
  return `materials/${ownerKind}-${ownerId}/${fileName}`
}

export function createMaterialFiles(dataDir: string): MaterialFiles {
  const root = resolve(dataDir)
  const pathOf = (key: string): string => {
    if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error(`invalid material key: ${key}`)
    const full = resolve(root, key)
    const rel = relative(root, full)
    if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
      throw new Error(`material key escapes the data directory: ${key}`)
    }
    return full
  }
  return {
    async write(key, data) {
      const full = pathOf(key)
      await mkdir(dirname(full), { recursive: true, mode: 0o700 })
      await writeFileAtomic(full, data)
    },
    read: async (key) => readFile(pathOf(key)),
    remove: async (key) => rm(pathOf(key), { force: true }),
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile()
      } catch {
        return false
      }
    },
  }
}
