/** Console I/O for the CLI, injectable so commands are tested without a terminal. */
import type { CliMessages, Lang } from './messages'

export type CliIo = {
  out(text: string): void
  err(text: string): void
  readStdin(): Promise<string>
}

/** What every command gets: where to write, and in which language. */
export type CliContext = { io: CliIo; lang: Lang; m: CliMessages }

/** Set once the reader of stdout has gone (`… | head`): later output is dropped, not an error. */
let stdoutClosed = false

export const processIo: CliIo = {
  out: (text) => {
    if (!stdoutClosed) process.stdout.write(text)
  },
  err: (text) => process.stderr.write(text),
  async readStdin() {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  },
}

/**
 * `beian-desk list | head -3`: when head exits, the next write fails with EPIPE. That is the
 * reader's choice, not a failure: stop writing and end quietly with exit code 0.
 */
export function endQuietlyOnClosedPipe(): void {
  const onError = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') throw error
    stdoutClosed = true
    process.exit(0)
  }
  process.stdout.on('error', onError)
}

/** A mistake in how the command was called: message plus a pointer to --help, exit code 2. */
export class UsageError extends Error {
  /** The command whose --help to point to. */
  readonly command: string | undefined
  constructor(message: string, command?: string) {
    super(message)
    this.name = 'UsageError'
    this.command = command
  }
}
