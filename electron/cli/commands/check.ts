/** `beian-desk check <kind> <value> [--json]` and `check <kind> --stdin` (one JSON per line). */
import { parseArgs } from 'node:util'
import { checkValue, isCheckKind } from '../../../core/validation/check'
import { CHECK_KINDS, type CheckResult } from '../../../core/validation/types'
import { type CliContext, UsageError } from '../io'

function printHuman(result: CheckResult, { io, m }: CliContext): void {
  io.out(`${result.valid ? m.check.valid(result.normalized) : m.check.invalid}\n`)
  for (const f of [...result.errors, ...result.warnings])
    io.out(`${m.check.finding(f.severity === 'error', f.message)}\n`)
}

export async function checkCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, stdin: { type: 'boolean' } },
  })
  const [kind, value] = positionals
  if (!kind || !isCheckKind(kind)) throw new UsageError(ctx.m.check.badKind(CHECK_KINDS.join(' | ')))
  if (values.stdin) {
    const lines = (await ctx.io.readStdin()).split(/\r?\n/)
    if (lines.at(-1) === '') lines.pop()
    let allValid = true
    for (const line of lines) {
      const result = checkValue(kind, line)
      allValid &&= result.valid
      ctx.io.out(`${JSON.stringify(result)}\n`)
    }
    return allValid ? 0 : 1
  }
  if (value === undefined) throw new UsageError(ctx.m.check.needValue)
  const result = checkValue(kind, value)
  if (values.json) ctx.io.out(`${JSON.stringify(result, null, 2)}\n`)
  else printHuman(result, ctx)
  return result.valid ? 0 : 1
}
