#!/usr/bin/env node
// Entry of the `beian-desk` command: the CLI is built to out/cli by `npm run build`. It loads
// each command's modules only when that command runs (electron/cli/index.ts).
import { existsSync } from 'node:fs'
import module from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const built = fileURLToPath(new URL('../out/cli/index.js', import.meta.url))
if (!existsSync(built)) {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || ''
  const english =
    process.argv.includes('--lang=en') ||
    process.argv.join(' ').includes('--lang en') ||
    /^en([_.@-]|$)/i.test(locale)
  process.stderr.write(
    english
      ? 'beian-desk is not built yet: run npm run build in the project folder first\n'
      : 'beian-desk 尚未构建：请先在项目目录运行 npm run build\n',
  )
  process.exit(2)
}
// Node ≥ 22.1 keeps the compiled CLI on disk between runs (start-up); older Node lacks it.
module.enableCompileCache?.()
const { runCli } = await import(pathToFileURL(built).href)
process.exitCode = await runCli(process.argv.slice(2))
