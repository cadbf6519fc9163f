/** `beian-desk check <kind> <value> [--json]` and `check <kind> --stdin` (one JSON per line). */
import { parseArgs } from 'node:util'
import { CHECK_KINDS, checkValue, type CheckKind } from '../../../core/validation'
import { type CliIo, UsageError } from '../io'

function isKind(kind: string): kind is CheckKind {
  return (CHECK_KINDS as readonly string[]).includes(kind)
}

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, stdin: { type: 'boolean' } },
  })
  const [kind, value] = positionals
  if (!kind || !isKind(kind)) throw new UsageError(`check: 类型必须是 ${CHECK_KINDS.join(' | ')}`)
  if (values.stdin) {
    const lines = (await io.readStdin()).split(/\r?\n/)
    if (lines.at(-1) === '') lines.pop()
    let allValid = true
    for (const line of lines) {
      const result = checkValue(kind, line)
      allValid &&= result.valid
      io.out(`${JSON.stringify(result)}\n`)
    }
    return allValid ? 0 : 1
  }
  if (value === undefined) throw new UsageError('check: 请给出要检查的值，或使用 --stdin 逐行读取')
  const result = checkValue(kind, value)
  if (values.json) io.out(`${JSON.stringify(result, null, 2)}\n`)
  else {
    io.out(result.valid ? `✓ 有效：${result.normalized}\n` : '✗ 无效\n')
    for (const f of [...result.errors, ...result.warnings]) io.out(`  ${f.severity === 'error' ? '错误' : '提示'}：${f.message}\n`)
  }
  return result.valid ? 0 : 1
}
