/** Console I/O for the CLI, injectable so commands are tested without a terminal. */
export type CliIo = {
  out(text: string): void
  err(text: string): void
  readStdin(): Promise<string>
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  async readStdin() {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  },
}

export class UsageError extends Error {}
