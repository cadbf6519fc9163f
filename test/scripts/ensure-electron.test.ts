/**
 * scripts/ensure-electron.mjs against a stand-in electron package (no network): what the user
 * sees and the exit code when the installer succeeds, fails, or is not needed.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'

const SCRIPT = resolve('scripts/ensure-electron.mjs')
const VERSION = '45.5.0'
const tempDir = useTempDirs()

/** Writes what electron's install.js leaves behind: dist/version, the binary and path.txt. */
const INSTALLED_FILES = `
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true })
  fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v${VERSION}')
  fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), 'binary')
  fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron')
`

const INSTALLERS = {
  /** Downloads into os.tmpdir() in steps, like @electron/get, then unpacks. */
  success: `
    const fs = require('fs'); const os = require('os'); const path = require('path')
    fs.writeFileSync(path.join(__dirname, 'ran'), '1')
    const dl = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-download-'))
    const zip = path.join(dl, 'electron-v${VERSION}.zip')
    let step = 0
    const timer = setInterval(() => {
      fs.appendFileSync(zip, Buffer.alloc(1024 * 1024))
      if (++step === 8) {
        clearInterval(timer)
        fs.rmSync(dl, { recursive: true })
        setTimeout(() => {
          ${INSTALLED_FILES}
        }, 300)
      }
    }, 60)
  `,
  /** What install.js prints when the download fails: console.error(err.stack), exit 1. */
  failure: `
    const fs = require('fs'); const path = require('path')
    fs.writeFileSync(path.join(__dirname, 'ran'), '1')
    console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13502:13\\n    at async FetchDownloader.download (/x/node_modules/@electron/get/dist/FetchDownloader.js:45:30)')
    process.exit(1)
  `,
  /** An uncaught throw: Node prints the source line, a caret and the stack. */
  throws: `
    throw new Error('Electron builds are not available on platform: plan9')
  `,
  /** A download that never ends (until Ctrl+C). */
  hang: `
    const fs = require('fs'); const os = require('os'); const path = require('path')
    const dl = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-download-'))
    setInterval(() => fs.appendFileSync(path.join(dl, 'part.zip'), Buffer.alloc(64 * 1024)), 50)
  `,
  /** Exits 0 without leaving a binary behind. */
  noop: `
    require('fs').writeFileSync(require('path').join(__dirname, 'ran'), '1')
  `,
} as const

type Installer = keyof typeof INSTALLERS

function fakeElectron(installer: Installer, installed = false): string {
  const dir = join(tempDir(), 'electron')
  mkdirSync(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION }))
  writeFileSync(join(dir, 'install.js'), INSTALLERS[installer])
  if (installed) {
    mkdirSync(join(dir, 'dist'))
    writeFileSync(join(dir, 'dist', 'version'), `v${VERSION}`)
    writeFileSync(join(dir, 'dist', 'electron'), 'binary')
    writeFileSync(join(dir, 'path.txt'), 'electron')
  }
  return dir
}

function run(dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [SCRIPT, '--electron-dir', dir, '--progress-ms', '20'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_MIRROR: '', ELECTRON_EXEC_PATH: '', ...env },
    timeout: 20_000,
  })
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    all: result.stdout + result.stderr,
  }
}

const NO_STACK = /^\s+at\s|node:internal|FetchDownloader|\^\s*$/m

describe('ensure-electron', () => {
  it('runs the installer when the binary is missing, shows progress and reports it ready', () => {
    const dir = fakeElectron('success')
    const { code, stdout, stderr } = run(dir)
    expect(code).toBe(0)
    expect(existsSync(join(dir, 'ran'))).toBe(true)
    expect(stdout).toContain(`下载 Electron ${VERSION}`)
    expect(stdout).toMatch(/Downloading Electron 45\.5\.0: [1-9]\.\d MB so far/)
    expect(stdout).toMatch(/Unpacking Electron 45\.5\.0/)
    expect(stdout).toContain(`Electron ${VERSION} 已就绪`)
    expect(stderr).toBe('')
  })

  it('is a quick no-op when the binary is installed: the installer is not run, nothing is printed', () => {
    const dir = fakeElectron('failure', true)
    const { code, all } = run(dir)
    expect(code).toBe(0)
    expect(all).toBe('')
    expect(existsSync(join(dir, 'ran'))).toBe(false)
  })

  it('reinstalls when dist/ holds another version', () => {
    const dir = fakeElectron('success', true)
    writeFileSync(join(dir, 'dist', 'version'), 'v44.0.0')
    expect(run(dir).code).toBe(0)
    expect(existsSync(join(dir, 'ran'))).toBe(true)
  })

  it('skips the download when ELECTRON_EXEC_PATH points at a binary (electron-vite uses it)', () => {
    const dir = fakeElectron('failure')
    const binary = join(tempDir(), 'my-electron')
    writeFileSync(binary, 'binary')
    expect(run(dir, { ELECTRON_EXEC_PATH: binary })).toMatchObject({ code: 0, all: '' })
  })

  it('on a failed download says what failed, how to retry and how to use a mirror, in Chinese and English, without a stack trace', () => {
    const { code, stderr } = run(fakeElectron('failure'))
    expect(code).toBe(1)
    expect(stderr).not.toMatch(NO_STACK)
    expect(stderr).toContain(`无法下载 Electron ${VERSION}`)
    expect(stderr).toContain(`Could not download the Electron ${VERSION} binary`)
    expect(stderr).toContain('原因：TypeError: fetch failed')
    expect(stderr).toContain('Reason: TypeError: fetch failed')
    expect(stderr).toContain('重新运行 npm start')
    expect(stderr).toContain('run npm start again')
    expect(stderr).toContain('在中国大陆通常需要通过镜像下载')
    expect(stderr).toContain('users in mainland China usually need a mirror')
    expect(stderr).toContain('ELECTRON_MIRROR=<镜像地址> npm start')
    expect(stderr).toContain('$env:ELECTRON_MIRROR="<mirror URL>"; npm start')
    // No mirror host is suggested by name.
    expect(stderr).not.toMatch(/https?:\/\//)
  })

  it('names the mirror in use when ELECTRON_MIRROR is already set', () => {
    const { code, stderr } = run(fakeElectron('failure'), {
      ELECTRON_MIRROR: 'https://mirror.invalid/electron/',
    })
    expect(code).toBe(1)
    expect(stderr).toContain('当前使用的镜像：ELECTRON_MIRROR=https://mirror.invalid/electron/')
    expect(stderr).toContain('Mirror in use: ELECTRON_MIRROR=https://mirror.invalid/electron/')
  })

  it('turns an uncaught installer error into the reason line, not a stack trace', () => {
    const { code, stderr } = run(fakeElectron('throws'))
    expect(code).toBe(1)
    expect(stderr).toContain('Reason: Error: Electron builds are not available on platform: plan9')
    expect(stderr).not.toMatch(NO_STACK)
    expect(stderr).not.toContain('throw new Error')
  })

  it('fails clearly when the installer exits 0 but leaves no binary', () => {
    const { code, stderr } = run(fakeElectron('noop'))
    expect(code).toBe(1)
    expect(stderr).toContain('the installer finished but the binary is missing')
  })

  it('asks for npm install when the electron package is missing', () => {
    const { code, stderr } = run(join(tempDir(), 'nothing-here'))
    expect(code).toBe(1)
    expect(stderr).toContain('请先在项目目录运行 npm install')
    expect(stderr).toContain('Run npm install in the project folder first')
  })

  it('on Ctrl+C stops, says so and leaves no partial download in the temp folder', async () => {
    const temp = tempDir()
    const child = spawn(
      process.execPath,
      [SCRIPT, '--electron-dir', fakeElectron('hang'), '--progress-ms', '20'],
      {
        env: { ...process.env, TMPDIR: temp, TEMP: temp, TMP: temp, ELECTRON_EXEC_PATH: '' },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
    await expect.poll(() => /[1-9]\.\d MB so far/.test(stdout), { timeout: 10_000 }).toBe(true)
    expect(readdirSync(temp)).not.toEqual([])
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(stderr).toContain('Electron download cancelled')
    expect(readdirSync(temp)).toEqual([])
  })
})
