/**
 * The single gateway for material files (originals and compressed copies) under the data
 * directory. Every read and write goes through here. Keys are relative, validated paths.
 *
 * Encryption at rest: when the workspace has a data key (crypto/workspace-keys.ts), every
 * write is sealed in the AES-256-GCM container (crypto/envelope.ts) and every read opened; a
 * changed file fails with 'crypto/tampered', never garbage. Plaintext files of an older
 * workspace are still read until `encryptExisting` has re-written them all (atomically, one by
 * one, so a crash mid-way leaves each file whole, plain or sealed); after that a plaintext file
 * is refused. A workspace without a key file stays plaintext, as before.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { TEMP_INFIX, writeFileAtomic } from './atomic-write'
import { CryptoFailure, isSealed, open, seal } from './crypto/envelope'

export type MaterialFiles = {
  write(key: string, data: Uint8Array): Promise<void>
  read(key: string): Promise<Buffer>
  remove(key: string): Promise<void>
  exists(key: string): Promise<boolean>
  /** Re-writes every plaintext material file sealed (needs the key); how many it re-wrote. */
  encryptExisting(): Promise<number>
}

/** What the gateway needs of the workspace keys (crypto/workspace-keys.ts). */
export type MaterialKeys = {
  /** A key file exists: files must be sealed. */
  isEncrypted(): boolean
  /** The data key while unlocked, else null. */
  dataKey(): Buffer | null
  /** Every file was re-written sealed (from then on plaintext is refused). */
  status(): { materialsEncrypted: boolean }
  markMaterialsEncrypted(): void
  /** Called when a sealed file is needed while locked (the CLI asks for the passphrase here). */
  unlockOnDemand?: () => Promise<void>
}

const KEY_PATTERN = /^materials\/[A-Za-z0-9_-]+\/[A-Za-z0-9_.-]+$/

/** Builds the storage key of a material file; ids are validated by the schema already. */
export function materialKey(ownerKind: string, ownerId: string, fileName: string): string {
  return `materials/${ownerKind}-${ownerId}/${fileName}`
}

const lockedError = (): CryptoFailure =>
  new CryptoFailure(
    'crypto/locked',
    '工作区已加密且尚未解锁：请在“设置 → 数据加密”中输入口令（或恢复密钥）解锁后再试。',
  )

const notSealed = (key: string): CryptoFailure =>
  new CryptoFailure(
    'crypto/not-encrypted',
    `材料文件“${key}”没有加密，而这个工作区的材料应当全部加密：文件可能被替换过。请重新上传这份材料。`,
  )

export function createMaterialFiles(dataDir: string, keys?: MaterialKeys): MaterialFiles {
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
  /** The data key when files must be sealed, null for a plaintext workspace; throws while locked. */
  const keyForUse = async (): Promise<Buffer | null> => {
    if (!keys?.isEncrypted()) return null
    if (!keys.dataKey() && keys.unlockOnDemand) await keys.unlockOnDemand()
    const k = keys.dataKey()
    if (!k) throw lockedError()
    return k
  }
  const writeSealed = async (full: string, data: Uint8Array, k: Buffer | null) => {
    await mkdir(dirname(full), { recursive: true, mode: 0o700 })
    await writeFileAtomic(full, k ? seal(k, data) : data)
  }

  return {
    async write(key, data) {
      const full = pathOf(key)
      await writeSealed(full, data, await keyForUse())
    },
    async read(key) {
      const full = pathOf(key)
      const bytes = await readFile(full)
      if (isSealed(bytes)) {
        const k = await keyForUse()
        if (!k) throw lockedError() // sealed, but this workspace has no key file
        return open(k, bytes, `材料文件“${key}”`)
      }
      if (keys?.isEncrypted() && keys.status().materialsEncrypted) throw notSealed(key)
      return bytes
    },
    remove: async (key) => rm(pathOf(key), { force: true }),
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile()
      } catch {
        return false
      }
    },
    async encryptExisting() {
      const k = await keyForUse()
      if (!k || !keys) return 0
      let count = 0
      const base = join(root, 'materials')
      for (const owner of await listDir(base)) {
        for (const name of await listDir(join(base, owner))) {
          if (name.includes(TEMP_INFIX)) continue
          const key = `materials/${owner}/${name}`
          if (!KEY_PATTERN.test(key)) continue
          const full = pathOf(key)
          let bytes: Buffer
          try {
            if (!(await stat(full)).isFile()) continue
            bytes = await readFile(full)
          } catch {
            continue // removed meanwhile
          }
          if (isSealed(bytes)) continue
          await writeSealed(full, bytes, k)
          count += 1
        }
      }
      keys.markMaterialsEncrypted()
      return count
    },
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch {
    return []
  }
}
