/**
 * Opening an encrypted workspace from the terminal. The CLI has no Electron, so it cannot use
 * the keychain: a workspace whose key is wrapped by the keychain needs the recovery key here,
 * one with a passphrase needs the passphrase (either is accepted). The secret comes from, in
 * order: `--passphrase-file FILE` (its first line), BEIAN_DESK_PASSPHRASE, or a prompt without
 * echo when stdin is a terminal. It is asked only when an encrypted file is actually needed.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { type CliContext, UsageError } from './io'

export const PASSPHRASE_FILE = '--passphrase-file'
export const PASSPHRASE_ENV = 'BEIAN_DESK_PASSPHRASE'

export type UnlockOptions = {
  passphraseFile?: string
  env: Readonly<Record<string, string | undefined>>
  /** The terminal prompt (tests pass their own); null when stdin is not a terminal. */
  prompt: ((question: string) => Promise<string>) | null
  /** Set when unlocking failed; index.ts reports it instead of what the command made of it. */
  failure?: unknown
  /** The workspace secret once given: a command that needs it twice asks once. */
  given?: string
}
export type UnlockContext = CliContext & { unlock?: UnlockOptions }

/** Takes `--passphrase-file X` / `--passphrase-file=X` out of argv (before any `--`). */
export function takePassphraseFile(argv: readonly string[]): { file?: string; argv: string[] } {
  const rest: string[] = []
  let file: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (arg === PASSPHRASE_FILE) {
      file = argv[++i] ?? ''
      continue
    }
    if (arg.startsWith(`${PASSPHRASE_FILE}=`)) {
      file = arg.slice(PASSPHRASE_FILE.length + 1)
      continue
    }
    rest.push(arg)
  }
  return file === undefined ? { argv: rest } : { file, argv: rest }
}

/** Where one secret comes from: a file (its first line), an environment variable, or the prompt. */
export type SecretSource = {
  file?: string
  envName: string
  prompt: string
  /** Said (as a usage error) when none of the three gives the secret. */
  missing: string
  /** Said on stderr before the prompt. */
  note?: string
}

/** The secret from the first source that gives one (also used for the archive passphrase). */
export async function readSecret(ctx: UnlockContext, source: SecretSource, command: string): Promise<string> {
  const { m } = ctx
  if (source.file !== undefined) {
    const path = resolve(source.file)
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch {
      throw new UsageError(m.unlock.fileUnreadable(source.file), command)
    }
    const line = text.split(/\r?\n/)[0] ?? ''
    if (line === '') throw new UsageError(m.unlock.fileEmpty(source.file), command)
    return line
  }
  const fromEnv = ctx.unlock?.env[source.envName]
  if (fromEnv) return fromEnv
  const prompt = ctx.unlock?.prompt
  if (prompt) {
    if (source.note) ctx.io.err(`${source.note}\n`)
    return prompt(source.prompt)
  }
  throw new UsageError(source.missing, command)
}

/** The secret for an encrypted workspace, from the first source that gives one (see above). */
export async function secretFor(ctx: UnlockContext, keychainOnly: boolean, command: string): Promise<string> {
  const { m } = ctx
  if (ctx.unlock?.given !== undefined) return ctx.unlock.given
  const file = ctx.unlock?.passphraseFile
  const secret = await readSecret(
    ctx,
    {
      ...(file === undefined ? {} : { file }),
      envName: PASSPHRASE_ENV,
      prompt: m.unlock.prompt,
      missing: keychainOnly ? m.unlock.keychainOnly : m.unlock.needSecret,
      ...(keychainOnly ? { note: m.unlock.keychainOnly } : {}),
    },
    command,
  )
  if (ctx.unlock) ctx.unlock.given = secret
  return secret
}

/** A prompt without echo on the terminal (stderr shows the question); null without a TTY. */
export function terminalPrompt(cancelled: string): ((question: string) => Promise<string>) | null {
  const stdin = process.stdin
  if (!stdin.isTTY) return null
  return (question) =>
    new Promise((resolvePrompt, reject) => {
      let value = ''
      const done = () => {
        stdin.off('data', onData)
        stdin.setRawMode(false)
        stdin.pause()
        process.stderr.write('\n')
      }
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            done()
            resolvePrompt(value)
            return
          }
          if (ch === '\u0003' || ch === '\u0004') {
            done()
            reject(new UsageError(cancelled))
            return
          }
          value = ch === '\u007f' || ch === '\b' ? [...value].slice(0, -1).join('') : value + ch
        }
      }
      process.stderr.write(question)
      stdin.setEncoding('utf8')
      stdin.setRawMode(true)
      stdin.resume()
      stdin.on('data', onData)
    })
}
