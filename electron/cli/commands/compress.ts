/** `beian-desk compress <files…> --out-dir DIR | --out FILE [--max-bytes N] [--page N] [--json]` */
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_MAX_BYTES, PDF_MAX_PAGES } from '../../../core/model'
import { runBatch } from '../../main/services/batch-compress'
import { type CliIo, UsageError } from '../io'

export async function compressCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'out-dir': { type: 'string' },
      out: { type: 'string' },
      'max-bytes': { type: 'string' },
      page: { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  if (positionals.length === 0) throw new UsageError('compress: 请给出至少一个输入文件')
  if (!values['out-dir'] === !values.out) throw new UsageError('compress: 需要 --out-dir DIR 或 --out FILE（二选一）')
  if (values.out && positionals.length > 1) throw new UsageError('compress: --out 只能用于单个输入文件，多个文件请用 --out-dir')
  const maxBytes = values['max-bytes'] ? Number(values['max-bytes']) : DEFAULT_MAX_BYTES
  if (!Number.isInteger(maxBytes) || maxBytes < 20_000) throw new UsageError('compress: --max-bytes 必须是不小于 20000 的整数')
  const pdfPage = values.page === undefined ? undefined : Number(values.page)
  if (pdfPage !== undefined && (!Number.isInteger(pdfPage) || pdfPage < 1 || pdfPage > PDF_MAX_PAGES))
    throw new UsageError(`compress: --page 是 PDF 的页码，必须是 1 到 ${PDF_MAX_PAGES} 的整数`)
  const out = values.out ? resolve(values.out) : undefined
  const summary = await runBatch(
    {
      batchId: 'cli',
      paths: positionals.map((p) => resolve(p)),
      outDir: out ? dirname(out) : resolve(values['out-dir'] as string),
      maxBytes,
      ...(out ? { outputs: [out] } : {}),
      ...(pdfPage ? { pdfPage } : {}),
    },
    {
      // One stderr line per finished file; a line per start would only double the noise.
      started: () => undefined,
      progress: (p) => io.err(`[${p.done}/${p.total}] ${p.ok ? '✓' : '✗'} ${p.input}${p.message ? `：${p.message}` : ''}\n`),
    },
  )
  // Report the inputs as the user typed them.
  const results = summary.results.map((r, i) => ({ ...r, input: positionals[i] as string }))
  if (values.json) io.out(`${JSON.stringify(results, null, 2)}\n`)
  else {
    for (const r of results) {
      io.out('error' in r ? `✗ ${r.input}: ${r.error.message}\n` : `✓ ${r.input} → ${r.output} (${r.bytes} 字节, ${r.width}×${r.height}, 质量 ${r.quality})\n`)
    }
  }
  return results.some((r) => 'error' in r) ? 1 : 0
}
