/**
 * The store outside Electron (CLI, test bridge, tests): `conf` with the very options object
 * main hands to electron-store (electron-store 11 wraps conf 15), opened as safely as main does.
 */
import Conf from 'conf'
import { join, resolve } from 'node:path'
import { openStore, type StoreBackend } from './store'
import { storeOptions } from './store-options'

export function openConfStore(dataDir: string): StoreBackend {
  const dir = resolve(dataDir)
  return openStore(() => new Conf({ ...storeOptions, cwd: dir }) as unknown as StoreBackend, join(dir, 'config.json'))
}
