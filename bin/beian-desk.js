#!/usr/bin/env node
// Entry of the `beian-desk` command: the CLI is built to out/cli by `npm run build`.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const built = fileURLToPath(new URL('../out/cli/index.js', import.meta.url))
if (!existsSync(built)) {
  process.stderr.write('beian-desk 尚未构建：请先在项目目录运行 npm run build\n')
  process.exit(2)
}
const { runCli } = await import(pathToFileURL(built).href)
process.exitCode = await runCli(process.argv.slice(2))
