// The CLI from its sources in a real process (pipes, exit codes, environment): node --import tsx run-cli.ts …
import { runCli } from '../../../electron/cli/index'

process.exitCode = await runCli(process.argv.slice(2))
