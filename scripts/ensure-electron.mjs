#!/usr/bin/env node
/**
 * Runs before `npm start`, `npm run dev` and `npm run dist` (package.json pre-scripts).
 *
 * Electron 45's npm package has no postinstall: it downloads its binary lazily, while
 * electron-vite's launcher only reads node_modules/electron/path.txt and stops with
 * "Error: Electron uninstall" when it is missing. This step runs electron's OWN installer
 * (node_modules/electron/install.js: download, checksum against electron's checksums.json,
 * unzip, write path.txt) when the binary is missing, shows progress, and on failure prints one
 * message in Chinese and English (what failed, how to retry, how to use a mirror) and exits 1,
 * without a stack trace. An installed binary makes it a quick no-op.
 *
 * Plain Node on purpose: it runs before anything is built or transpiled.
 * Test-only options: --electron-dir <dir> (a stand-in electron package), --progress-ms <n>.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const MIN_NODE = [22, 12]

function option(name) {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] : undefined
}

function electronDir() {
  const given = option('--electron-dir')
  if (given) return given
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
}

function readText(path) {
  try {
    return readFileSync(path, 'utf8').trim()
  } catch {
    return null
  }
}

/** Installed = what install.js itself checks: dist/version matches, path.txt points at a file. */
function installedBinary(dir, version) {
  const relative = readText(join(dir, 'path.txt'))
  if (!relative || readText(join(dir, 'dist', 'version'))?.replace(/^v/, '') !== version) return null
  const binary = join(dir, 'dist', relative)
  return existsSync(binary) ? binary : null
}

/** Bytes under a folder: the installer's download lands in a temp folder we give it. */
function bytesUnder(dir) {
  let total = 0
  let entries = []
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return 0
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    try {
      total += entry.isDirectory() ? bytesUnder(path) : statSync(path).size
    } catch {
      // A file can vanish while we look (moved into the cache); count it next time.
    }
  }
  return total
}

/** One updating line on a terminal; in a log, a line when the phase changes or every 10 ticks. */
function progressReporter(version) {
  const tty = Boolean(process.stdout.isTTY)
  const started = Date.now()
  let peak = 0
  let ticks = 0
  let lastPhase = ''
  return {
    tick(bytes) {
      peak = Math.max(peak, bytes)
      const seconds = Math.round((Date.now() - started) / 1000)
      const mb = (bytes / 1024 / 1024).toFixed(1)
      const phase = bytes === 0 && peak > 0 ? 'unpack' : 'download'
      const text =
        phase === 'unpack'
          ? `正在解压 Electron ${version}… / Unpacking Electron ${version}… (${seconds} s)`
          : `正在下载 Electron ${version}：已下载 ${mb} MB / Downloading Electron ${version}: ${mb} MB so far (${seconds} s)`
      if (tty) process.stdout.write(`\r${text}\u001b[K`)
      else if (phase !== lastPhase || ticks % 10 === 0) process.stdout.write(`${text}\n`)
      lastPhase = phase
      ticks++
    },
    done() {
      if (tty) process.stdout.write('\n')
    },
  }
}

/** The first line of the installer's output that is not a stack frame, e.g. "TypeError: fetch failed". */
function reasonOf(output) {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l))
  const error =
    lines.find((l) => /^(?:[A-Z]\w*)?Error\b/.test(l)) ?? lines.find((l) => !/^Node\.js v/.test(l))
  return error ? error.slice(0, 300) : ''
}

function runInstaller(dir, version, intervalMs) {
  const work = mkdtempSync(join(tmpdir(), 'beian-electron-'))
  const env = { ...process.env, TMPDIR: work, TEMP: work, TMP: work }
  process.stdout.write(
    `首次运行需要下载 Electron ${version}（约 100 MB，只需一次）。/ First run: downloading Electron ${version} (about 100 MB, once).\n`,
  )
  const progress = progressReporter(version)
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const collect = (chunk) => {
      output = (output + chunk.toString('utf8')).slice(-20_000)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = setInterval(() => progress.tick(bytesUnder(work)), intervalMs)
    // Ctrl+C reaches the installer too; leave no partial download behind.
    const cancel = () => {
      child.kill()
      rmSync(work, { recursive: true, force: true })
      process.stderr.write('\n已取消 Electron 下载。/ Electron download cancelled.\n')
      process.exit(130)
    }
    process.once('SIGINT', cancel)
    const finish = (code, spawnError) => {
      process.off('SIGINT', cancel)
      clearInterval(timer)
      progress.done()
      rmSync(work, { recursive: true, force: true })
      resolveRun({ code, output: spawnError ? String(spawnError.message) : output })
    }
    child.on('error', (error) => finish(1, error))
    child.on('close', (code) => finish(code ?? 1))
  })
}

function mirrorCommands(placeholder) {
  return {
    posix: `ELECTRON_MIRROR=${placeholder} npm start`,
    powershell: `$env:ELECTRON_MIRROR="${placeholder}"; npm start`,
  }
}

function failureMessage(version, reason) {
  const file = `electron-v${version}-${process.platform}-${process.arch}.zip`
  const zhCmd = mirrorCommands('<镜像地址>')
  const enCmd = mirrorCommands('<mirror URL>')
  const mirror = process.env.ELECTRON_MIRROR
  const [major, minor] = process.versions.node.split('.').map(Number)
  const oldNode = major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])
  const zh = [
    `✖ 无法下载 Electron ${version} 的程序文件，所以应用窗口打不开。`,
    reason ? `  原因：${reason}` : '',
    mirror ? `  当前使用的镜像：ELECTRON_MIRROR=${mirror}` : '',
    '  重试：检查网络后重新运行 npm start（npm run dev、npm run dist 也会先做这一步）。',
    '  镜像：在中国大陆通常需要通过镜像下载。把环境变量 ELECTRON_MIRROR 设为镜像地址（以 / 结尾）后重试：',
    `        macOS / Linux：${zhCmd.posix}`,
    `        Windows PowerShell：${zhCmd.powershell}`,
    `        镜像需与 Electron 的 GitHub 发布页目录相同（<镜像地址>v${version}/${file}）；`,
    '        若镜像的版本目录不带 v，再设 ELECTRON_CUSTOM_DIR={{ version }}。下载后会用 electron 自带的校验和核对。',
    oldNode
      ? `  提示：Electron ${version} 需要 Node ${MIN_NODE.join('.')} 或更新版本，当前是 ${process.version}；请安装 Node 22 LTS。`
      : '',
  ]
  const en = [
    `✖ Could not download the Electron ${version} binary, so the app window cannot open.`,
    reason ? `  Reason: ${reason}` : '',
    mirror ? `  Mirror in use: ELECTRON_MIRROR=${mirror}` : '',
    '  Retry: check the network, then run npm start again (npm run dev and npm run dist run this step too).',
    '  Mirror: users in mainland China usually need a mirror. Set ELECTRON_MIRROR to the mirror URL (ending in /) and retry:',
    `        macOS / Linux: ${enCmd.posix}`,
    `        Windows PowerShell: ${enCmd.powershell}`,
    `        The mirror must use the layout of Electron's GitHub releases (<mirror URL>v${version}/${file});`,
    '        if its version folders have no "v", also set ELECTRON_CUSTOM_DIR={{ version }}. The download is checked against electron\'s own checksums.',
    oldNode
      ? `  Note: Electron ${version} needs Node ${MIN_NODE.join('.')} or newer; this is ${process.version}. Install Node 22 LTS.`
      : '',
  ]
  return `${zh.filter(Boolean).join('\n')}\n\n${en.filter(Boolean).join('\n')}\n`
}

const MISSING_PACKAGE =
  '✖ 找不到 electron 依赖包（node_modules/electron）。请先在项目目录运行 npm install，再运行 npm start。\n' +
  '✖ The electron package (node_modules/electron) is missing. Run npm install in the project folder first, then npm start.\n'

function packageVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version ?? null
  } catch {
    return null
  }
}

async function main() {
  const dir = electronDir()
  const version = dir ? packageVersion(dir) : null
  if (!dir || !version || !existsSync(join(dir, 'install.js'))) {
    process.stderr.write(MISSING_PACKAGE)
    return 1
  }
  const override = process.env.ELECTRON_EXEC_PATH
  if ((override && existsSync(override)) || installedBinary(dir, version)) return 0
  const { code, output } = await runInstaller(dir, version, Number(option('--progress-ms') ?? 1000))
  if (code === 0 && installedBinary(dir, version)) {
    process.stdout.write(`✔ Electron ${version} 已就绪。/ Electron ${version} is ready.\n`)
    return 0
  }
  const reason =
    code === 0
      ? '安装程序已结束，但找不到 Electron 程序文件 / the installer finished but the binary is missing'
      : reasonOf(output)
  process.stderr.write(failureMessage(version, reason))
  return 1
}

process.exitCode = await main()
