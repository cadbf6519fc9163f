/**
 * The store outside Electron (CLI, test bridge, tests): `conf` with the very options object
 * main hands to electron-store (electron-store 11 wraps conf 15), opened as safely as main does.
 *
 * `{ readOnly: true }` (CLI commands that only read): no writer lock, nothing in the data
 * folder is changed or removed, not even a running writer's temp files. The file is read
 * through a private copy, so conf's own start-up writes (defaults, migrations) touch only
 * the copy; a damaged file is recovered in memory and reported, and repaired by the next writer.
 */
import Conf from 'conf'
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { READ_ONLY_PREFIX } from './orphan-sweep'
import { openStore, type OpenedStore, type StoreBackend } from './store'
import type { StoreCodec } from './store-codec'
import { storeOptions } from './store-options'

export type ConfStoreOptions = {
  readOnly?: boolean
  /** Who writes, named in the lock message when another program is refused: 'cli', 'bridge'… */
  owner?: string
  /** The bytes seam for every store file and backup generation (store-codec.ts); identity by default. */
  codec?: StoreCodec
}

const create = (dir: string) => () => new Conf({ ...storeOptions, cwd: dir }) as unknown as StoreBackend

/** A private folder for the copy: in the data folder (same disk, same protection), else the OS temp. */
function privateDir(dataDir: string): string {
  const name = `${READ_ONLY_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`
  for (const parent of [dataDir, tmpdir()]) {
    const dir = join(parent, name)
    try {
      mkdirSync(dir, { mode: 0o700 })
      return dir
    } catch {
      // read-only data folder: fall back to the OS temp folder
    }
  }
  throw new Error(`无法创建临时文件夹来只读打开 ${dataDir}`)
}

function openReadOnly(dir: string, codec: StoreCodec | undefined): OpenedStore {
  const file = join(dir, 'config.json')
  const copyDir = privateDir(dir)
  try {
    const copy = join(copyDir, 'config.json')
    try {
      copyFileSync(file, copy)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    return openStore(create(copyDir), copy, { readOnly: true, dataDir: dir, shownPath: file, codec })
  } finally {
    rmSync(copyDir, { recursive: true, force: true })
  }
}

export function openConfStore(dataDir: string, options: ConfStoreOptions = {}): OpenedStore {
  const dir = resolve(dataDir)
  if (options.readOnly) return openReadOnly(dir, options.codec)
  return openStore(create(dir), join(dir, 'config.json'), {
    owner: options.owner ?? 'cli',
    codec: options.codec,
  })
}
