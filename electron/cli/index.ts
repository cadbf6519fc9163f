/**
 * `beian-desk`: the app's services from a terminal, for batch work and scripting.
 * Never imports electron.
 */
import { AppFailure } from '../main/services/app-error'
import { checkCommand } from './commands/check'
import { compressCommand } from './commands/compress'
import { exportCommand } from './commands/export'
import { validateCommand } from './commands/validate'
import { type CliIo, processIo, UsageError } from './io'

const USAGE = `用法 / Usage:
  beian-desk compress <文件…> --out-dir DIR [--max-bytes N] [--page N] [--json]
  beian-desk compress <文件> --out FILE [--max-bytes N] [--page N] [--json]
  beian-desk check <kind> <value> [--json]
  beian-desk check <kind> --stdin
  beian-desk export --data-dir DIR --site ID --out PATH [--zip] [--json]
  beian-desk validate --data-dir DIR [--site ID] [--json]
`

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  compress: compressCommand,
  check: checkCommand,
  export: exportCommand,
  validate: validateCommand,
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv
  const command = name ? COMMANDS[name] : undefined
  if (!command || name === '--help' || name === '-h') {
    io.err(USAGE)
    return name === '--help' || name === '-h' ? 0 : 2
  }
  try {
    return await command(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`)
      return 2
    }
    if (error instanceof AppFailure) {
      io.err(`${error.message}\n${(error.details ?? []).map((d) => `  - ${d}\n`).join('')}`)
      return 1
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\n\n${USAGE}`)
      return 2
    }
    throw error
  }
}
