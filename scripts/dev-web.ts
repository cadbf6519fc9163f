/**
 * `npm run dev:web`: the built renderer in any local browser, talking to the real
 * main-process handlers through the loopback bridge. Data goes to a folder in the OS temp
 * folder unless BEIAN_DATA_DIR is set; a folder outside it needs --force or
 * BEIAN_BRIDGE_FORCE=1, so a real workspace is never opened by accident.
 */
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBridge } from '../electron/web-bridge/server'

const dataDir = resolve(process.env.BEIAN_DATA_DIR ?? join(tmpdir(), 'beian-desk-web-data'))
const force = process.argv.includes('--force') || process.env.BEIAN_BRIDGE_FORCE === '1'
try {
  const bridge = await startBridge({
    dataDir,
    rendererDir: resolve('out/renderer'),
    port: Number(process.env.PORT ?? 0),
    force,
  })
  process.stdout.write(
    `Beian Desk test bridge — 在浏览器中打开 / open in a browser (the address carries this run's key):\n${bridge.pageUrl}\n` +
      `数据目录 / data: ${dataDir}\nCtrl+C 结束 / to stop\n`,
  )
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
