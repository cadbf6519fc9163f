/**
 * `npm run dev:web`: the built renderer in any local browser, talking to the real
 * main-process handlers through the loopback bridge. Data goes to ./.tmp/web-data unless
 * BEIAN_DATA_DIR is set.
 */
import { resolve } from 'node:path'
import { startBridge } from '../electron/web-bridge/server'

const dataDir = resolve(process.env.BEIAN_DATA_DIR ?? '.tmp/web-data')
const bridge = await startBridge({ dataDir, rendererDir: resolve('out/renderer'), port: Number(process.env.PORT ?? 0) })
process.stdout.write(`Beian Desk test bridge: ${bridge.url}\n数据目录 / data: ${dataDir}\nCtrl+C 结束 / to stop\n`)
