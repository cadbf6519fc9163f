/** `beian-desk check <kind> <value> [--json]` and `check <kind> --stdin` (one JSON per line). */
import { parseArgs } from 'node:util'
import { CHECK_KINDS, type CheckKind, type CheckResult } from '../../../core/validation/types'
import { CHECKER_LOADERS } from '../checkers'
import { type CliContext, UsageError } from '../io'

function printHuman(result: CheckResult, { io, m }: CliContext): void {
  io.out(`${result.valid ? m.check.valid(result.normalized) : m.check.invalid}\n`)
  for (const f of [...result.errors, ...result.warnings])
    io.out(`${m.check.finding(f.severity === 'error', f.message)}\n`)
}

const isCheckKind = (kind: string): kind is CheckKind => (CHECK_KINDS as readonly string[]).includes(kind)

export async function checkCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, stdin: { type: 'boolean' } },
  })
  const [kind, value] = positionals
  if (!kind || !isCheckKind(kind)) throw new UsageError(ctx.m.check.badKind(CHECK_KINDS.join(' | ')))
  const checkValue = await CHECKER_LOADERS[kind]()
  if (values.stdin) {
    const lines = (await ctx.io.readStdin()).split(/\r?\n/)
    if (lines.at(-1) === '') lines.pop()
    let allValid = true
    for (const line of lines) {
      const result = checkValue(line)
      allValid &&= result.valid
      ctx.io.out(`${JSON.stringify(result)}\n`)
    }
    return allValid ? 0 : 1
  }
  if (value === undefined) throw new UsageError(ctx.m.check.needValue)
  const result = checkValue(value)
  if (values.json) ctx.io.out(`${JSON.stringify(result, null, 2)}\n`)
  else printHuman(result, ctx)
  return result.valid ? 0 : 1
}
