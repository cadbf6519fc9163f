/** SEC-01/SEC-04 backstop: no insecure Electron option appears anywhere in the code or config. */
import { describe, expect, it } from 'vitest'
import { codeWithoutComments, sourceFiles } from './source'

const PATTERNS: Array<[string, RegExp]> = [
  ['sandbox: false', /\bsandbox['"]?\s*:\s*false\b/],
  ['nodeIntegration: true', /\bnodeIntegration(InWorker|InSubFrames)?['"]?\s*:\s*true\b/],
  ['contextIsolation: false', /\bcontextIsolation['"]?\s*:\s*false\b/],
  ['webSecurity: false', /\bwebSecurity['"]?\s*:\s*false\b/],
  ['allowRunningInsecureContent: true', /\ballowRunningInsecureContent['"]?\s*:\s*true\b/],
  ['experimentalFeatures: true', /\bexperimentalFeatures['"]?\s*:\s*true\b/],
  ['webviewTag: true', /\bwebviewTag['"]?\s*:\s*true\b/],
  ['enableBlinkFeatures', /\benableBlinkFeatures\b/],
  ['bypassCSP: true', /\bbypassCSP['"]?\s*:\s*true\b/],
  ['--no-sandbox switch', /appendSwitch\(\s*['"]no-sandbox/],
]

const FILES = [
  ...sourceFiles(['electron', 'renderer', 'core', 'scripts']),
  ...sourceFiles(['.'], ['.config.ts', '.config.js', '.config.mjs']).filter((p) => !p.includes('/')),
  'electron-builder.yml',
  'package.json',
]

describe('no insecure Electron options', () => {
  it.each(PATTERNS)('nowhere sets %s', (_label, pattern) => {
    expect(FILES.filter((p) => pattern.test(codeWithoutComments(p)))).toEqual([])
  })

  it('ignores comments but not code', () => {
    expect(codeWithoutComments('electron.vite.config.ts')).not.toMatch(/sandbox/)
    expect(codeWithoutComments('electron/main/window.ts')).toMatch(/sandbox: true/)
  })

  it('scans the shell, the preload and the build configs', () => {
    expect(FILES).toEqual(
      expect.arrayContaining([
        'electron/main/window.ts',
        'electron/preload/index.ts',
        'electron.vite.config.ts',
        'electron-builder.yml',
      ]),
    )
  })
})
