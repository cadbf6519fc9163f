/**
 * `beian-desk`: the app's services from a terminal, for batch work and scripting. Never
 * imports electron. Each command's module (and with it sharp, pdf.js, the store) is loaded
 * only when that command runs, so `--help` and `check` start in a blink.
 */
import { CHECK_KINDS } from '../../core/validation/types'
import { type CliContext, type CliIo, endQuietlyOnClosedPipe, processIo, UsageError } from './io'
import { type CliMessages, messagesFor, takeLang } from './messages'
import { RECOVERY_EXIT_CODE, RecoveryRefused, takeAcceptRecovered, type RecoveryContext } from './recovery'
import { takePassphraseFile, terminalPrompt, type UnlockOptions } from './unlock'

type Command = (argv: string[], ctx: CliContext) => Promise<number>
const COMMANDS: Record<string, () => Promise<Command>> = {
  list: async () => (await import('./commands/list')).listCommand,
  validate: async () => (await import('./commands/validate')).validateCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  compress: async () => (await import('./commands/compress')).compressCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  ocr: async () => (await import('./commands/ocr')).ocrCommand,
  status: async () => (await import('./commands/status')).statusCommand,
  import: async () => (await import('./commands/import')).importCommand,
  event: async () => (await import('./commands/event')).eventCommand,
  backups: async () => (await import('./commands/backups')).backupsCommand,
  archive: async () => (await import('./commands/archive')).archiveCommand,
  retention: async () => (await import('./commands/retention')).retentionCommand,
}
type CommandName = keyof CliMessages['help']

export const kindList = (m: CliMessages): string =>
  CHECK_KINDS.map((k) => `  ${k.padEnd(16)} ${m.kinds[k]}`).join('\n')

async function commandHelp(name: CommandName, m: CliMessages): Promise<string> {
  if ((name as string) === 'ocr') return (await import('./commands/ocr')).ocrHelp(m)
  if (name === 'check') return m.help.check(kindList(m))
  if (name === 'compress') {
    const { DEFAULT_MAX_BYTES, MAX_MAX_BYTES, MIN_MAX_BYTES } = await import('../../core/limits')
    return m.help.compress(MIN_MAX_BYTES, MAX_MAX_BYTES, DEFAULT_MAX_BYTES)
  }
  const text = m.help[name]
  return typeof text === 'string' ? text : m.help.export
}

/** True when argv asks for help before any `--` (after which everything is a file name). */
const wantsHelp = (argv: readonly string[]): boolean => {
  const end = argv.indexOf('--')
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h')
}

/** Node's parseArgs errors, in the user's language. */
function parseArgsMessage(error: TypeError & { code?: string }, m: CliMessages): string | null {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return m.unknownOption(quoted)
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message)
        ? m.optionTakesNoValue(quoted.split(/[ =]/)[0] ?? quoted)
        : m.optionNeedsValue(quoted.split(' ')[0] ?? quoted)
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return m.unexpectedArgument(quoted)
    default:
      return null
  }
}

export async function runCli(
  argv: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (io === processIo) endQuietlyOnClosedPipe()
  const { lang, argv: args, bad } = takeLang(argv, env)
  const m = messagesFor(lang)
  const usage = (): string => m.usage(kindList(m))
  if (bad !== undefined) {
    io.err(`${m.badLang(bad)}\n${m.usageHint}\n`)
    return 2
  }
  const [first, ...afterFirst] = args
  // `beian-desk help export` is `beian-desk export --help`.
  const [name, ...rest] =
    first === 'help' && afterFirst[0] && Object.hasOwn(COMMANDS, afterFirst[0])
      ? [afterFirst[0], '--help']
      : [first, ...afterFirst]
  if (name === undefined) {
    io.err(`${m.noCommand}\n\n${usage()}`)
    return 2
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage())
    return 0
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!load) {
    io.err(`${m.unknownCommand(name)}\n${m.usageHint}\n`)
    return 2
  }
  if (wantsHelp(rest)) {
    io.out(await commandHelp(name as CommandName, m))
    return 0
  }
  const { accept, argv: afterAccept } = takeAcceptRecovered(rest)
  const { file: passphraseFile, argv: commandArgs } = takePassphraseFile(afterAccept)
  const unlock: UnlockOptions = {
    env,
    prompt: io === processIo ? terminalPrompt(m.unlock.cancelled) : null,
    ...(passphraseFile === undefined ? {} : { passphraseFile }),
  }
  // A failed unlock (no secret, a wrong one) is the one thing to say: services may turn the
  // unreadable files into "missing file" messages, which are dropped after it.
  const unlocked = () => unlock.failure === undefined
  const guarded: CliIo = {
    out: (text) => unlocked() && io.out(text),
    err: (text) => unlocked() && io.err(text),
    readStdin: () => io.readStdin(),
  }
  const ctx: RecoveryContext & { unlock: UnlockOptions } = {
    io: guarded,
    lang,
    m,
    acceptRecovered: accept,
    unlock,
  }
  try {
    const command = await load()
    const code = await command(commandArgs, ctx)
    return unlocked() ? code : report(unlock.failure, name, { io, lang, m }, env)
  } catch (error) {
    return report(unlocked() ? error : unlock.failure, name, { io, lang, m }, env)
  }
}

async function report(
  error: unknown,
  command: string,
  { io, lang, m }: CliContext,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (error instanceof RecoveryRefused) {
    io.err(`${error.message}\n`)
    return RECOVERY_EXIT_CODE
  }
  if (error instanceof UsageError) {
    io.err(`${error.message}\n${m.commandHelpHint(error.command ?? command)}\n`)
    return 2
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.err(`${parseArgsMessage(error, m) ?? error.message}\n${m.commandHelpHint(command)}\n`)
    return 2
  }
  const coded = error as { code?: unknown; message?: unknown; details?: unknown }
  if (error instanceof Error && typeof coded.code === 'string' && coded.code.includes('/')) {
    // AppFailure / ImageInputError: a stable code and a message for the user.
    const { serviceMessage } = await import('./messages/service-errors')
    const details = Array.isArray(coded.details) ? (coded.details as string[]) : []
    io.err(`${serviceMessage(lang, coded.code, error.message)}\n${details.map((d) => `  - ${d}\n`).join('')}`)
    return 1
  }
  // Anything else (a damaged or locked data folder, a bug): one line, the stack only on request.
  if (env.BEIAN_DEBUG) throw error
  io.err(`${m.internal}${error instanceof Error ? error.message : String(error)}\n`)
  return 1
}
