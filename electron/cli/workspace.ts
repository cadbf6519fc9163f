/** Opening a data directory (the app's userData folder) read-write, exactly as the app does. */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServices, type Services } from '../main/services/container'
import { openConfStore } from '../main/services/conf-store'
import { UsageError } from './io'

/** out/cli/index.js → <project>/assets/divisions */
const DIVISIONS_DIR = fileURLToPath(new URL('../../assets/divisions', import.meta.url))

export function openDataDir(dataDir: string | undefined): Services {
  if (!dataDir) throw new UsageError('需要 --data-dir DIR（应用的数据目录，即包含 config.json 的文件夹）')
  const dir = resolve(dataDir)
  const file = join(dir, 'config.json')
  if (!existsSync(file)) throw new UsageError(`在 ${dir} 中找不到 config.json：请确认 --data-dir 指向 Beian Desk 的数据目录`)
  return createServices(dir, openConfStore(dir), DIVISIONS_DIR)
}
