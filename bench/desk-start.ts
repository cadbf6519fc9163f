// App start to dashboard at agency scale (issue 10 §6: ≤ 1.5 s), measured where it can be here:
// the built renderer in Chromium against main's real handlers through the web bridge (Electron
// cannot run on this machine; the bridge's HTTP hop stands in for IPC and costs more). From
// navigation to the tree shown (the workspace loaded and drawn), then one click on 备案看板 to
// the first dashboard row (stages, deadlines and readiness of 1,000 sites computed and drawn).
// Needs `npm run build` (out/renderer) and Chromium; skipped with a note otherwise.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHROMIUM, launchBrowser, RENDERER_DIR } from '../test/e2e/browser'
import { startBridge } from '../electron/web-bridge/server'

const root = fileURLToPath(new URL('..', import.meta.url))

export type StartTimes = { shownMs: number[]; dashboardMs: number[] }

/** `runs` fresh page loads on the data folder `dir`; null when Chromium or the build is missing. */
export async function startToDashboard(dir: string, runs: number): Promise<StartTimes | null> {
  if (!existsSync(CHROMIUM) || !existsSync(join(RENDERER_DIR, 'index.html'))) return null
  const bridge = await startBridge({
    dataDir: dir,
    rendererDir: RENDERER_DIR,
    divisionsDir: join(root, 'assets/divisions'),
  })
  const browser = await launchBrowser()
  const times: StartTimes = { shownMs: [], dashboardMs: [] }
  try {
    // One warm-up load: Chromium's own first start is not the app's.
    for (let i = 0; i <= runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
      const t0 = performance.now()
      await page.goto(bridge.pageUrl)
      await page.locator('[data-testid^="tree-subject-"]').first().waitFor({ timeout: 60_000 })
      const shown = performance.now() - t0
      await page.click('[data-testid="nav-dashboard"]')
      await page.locator('[data-testid="desk-row"]').first().waitFor({ timeout: 60_000 })
      const dashboard = performance.now() - t0
      if (i > 0) {
        times.shownMs.push(shown)
        times.dashboardMs.push(dashboard)
      }
      await page.close()
    }
  } finally {
    await browser.close()
    await bridge.close()
  }
  return times
}
