/**
 * SEC-13: Electronegativity (Doyensec's Electron security scanner) over the main process, the
 * preload and the renderer's HTML, through its programmatic API, offline: the Electron version
 * comes from package.json (electronVersionOverride) and the check that downloads Electron's
 * release list is excluded. Any finding not in the reviewed allow-list below fails, as does a
 * file it cannot parse or an allow-list entry that no longer matches anything.
 *
 * The scanner reads a copy of the scanned sources in a temp folder, so build output, tests and
 * the dev-only test bridge are not part of the scan.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTempDirs } from '../../support/temp-dir'
import { readRepoFile, REPO_ROOT } from './source'

type Finding = {
  id: string
  file: string
  location: { line: number; column: number }
  severity: { name: string }
  confidence: { name: string }
  manualReview: boolean
}
type ScanResult = { issues: Finding[]; errors: { file: string; message: string; tolerable: boolean }[] }
type Scan = (options: Record<string, unknown>) => Promise<ScanResult>

const scan = createRequire(import.meta.url)('@doyensec/electronegativity') as Scan

/** Every accepted finding: check id, file (relative to the scanned copy), and why it is acceptable. */
const ALLOWED: { id: string; file: string; reason: string }[] = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/main/window.ts',
    reason:
      'Review-only: the window has a preload. It exposes exactly invoke/on/pathsForFiles over allow-listed channels and never ipcRenderer (preload-surface.test.ts, wiring/preload.test.ts).',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/external-links.ts',
    reason:
      'Review-only: the one shell.openExternal call, in the wrapper that opens only https URLs on a fixed host list (open-external.test.ts, wiring/external-links.test.ts).',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    reason:
      "Review-only (LOW): a CSP is present; it is default-src 'none', script-src 'self', no unsafe-inline/eval, object-src and base-uri 'none' (csp.test.ts), and app-protocol.ts sends the same header.",
  },
]

/** The Electron version the app is built with (package.json), so the scanner never asks the network. */
function electronVersion(): string {
  const pkg = JSON.parse(readRepoFile('package.json')) as { devDependencies?: Record<string, string> }
  const version = pkg.devDependencies?.electron?.replace(/^[\^~]/, '')
  if (!version || !/^\d+\.\d+\.\d+$/.test(version))
    throw new Error('package.json pins no exact electron version')
  return version
}

function run(input: string): Promise<ScanResult> {
  return scan({
    input,
    isRelative: true,
    customScan: [],
    // Downloads Electron's release list; the pinned-version test (SEC-12) covers currency offline.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    parserPlugins: [],
    electronVersionOverride: electronVersion(),
  })
}

const tempDir = useTempDirs()
const key = (f: { id: string; file: string }) => `${f.id} @ ${f.file.split('\\').join('/')}`

describe('SEC-13 Electronegativity gate', () => {
  let result: ScanResult
  beforeAll(async () => {
    const root = tempDir()
    for (const dir of ['electron/main', 'electron/preload'])
      cpSync(join(REPO_ROOT, dir), join(root, dir), { recursive: true })
    mkdirSync(join(root, 'renderer'))
    cpSync(join(REPO_ROOT, 'renderer/index.html'), join(root, 'renderer/index.html'))
    result = await run(root)
  }, 120_000)

  it('parses every scanned file', () => {
    expect(result.errors).toEqual([])
  })

  it('finds nothing outside the reviewed allow-list', () => {
    const allowed = new Set(ALLOWED.map(key))
    const unexpected = result.issues
      .filter((f) => !allowed.has(key(f)))
      .map((f) => `${key(f)}:${f.location.line} ${f.severity.name}/${f.confidence.name}`)
    expect(unexpected).toEqual([])
  })

  it('keeps the allow-list honest: every entry still matches a finding and says why', () => {
    const found = new Set(result.issues.map(key))
    expect(ALLOWED.map(key).filter((k) => !found.has(k))).toEqual([])
    for (const entry of ALLOWED) expect(entry.reason.length, key(entry)).toBeGreaterThan(40)
  })

  it('would fail an insecure window (the gate can fail)', async () => {
    const root = tempDir()
    mkdirSync(join(root, 'main'))
    writeFileSync(
      join(root, 'main', 'window.ts'),
      [
        "import { BrowserWindow } from 'electron'",
        'export const win = new BrowserWindow({',
        '  webPreferences: { contextIsolation: false, webSecurity: false },',
        '})',
        "void win.loadURL('http://example.com/')",
      ].join('\n'),
    )
    const insecure = await run(root)
    const ids = insecure.issues.map((f) => f.id)
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'WEB_SECURITY_JS_CHECK']))
    const allowed = new Set(ALLOWED.map(key))
    expect(insecure.issues.filter((f) => !allowed.has(key(f))).length).toBeGreaterThan(0)
  }, 120_000)
})
