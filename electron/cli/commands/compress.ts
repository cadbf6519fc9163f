/** `beian-desk compress <files…> --out-dir DIR | --out FILE [--max-bytes N] [--page N] [--deskew] [--overwrite] [--json]` */
import { statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { BatchItemResult } from '../../../core/api'
import { DEFAULT_MAX_BYTES, MAX_MAX_BYTES, maxBytesSchema, MIN_MAX_BYTES } from '../../../core/limits'
import { PDF_MAX_PAGES } from '../../../core/model'
import { runBatch } from '../../main/services/batch-compress'
import { type CliContext, UsageError } from '../io'
import { serviceMessage } from '../messages/service-errors'

type Options = {
  inputs: string[]
  outDir: string
  out: string | undefined
  maxBytes: number
  pdfPage: number | undefined
  overwrite: boolean
  /** Straighten a photographed card or page first (MaterialEdit.perspective, found by the OCR worker). */
  deskew: boolean
  json: boolean
}

function parse(argv: string[], { m }: CliContext): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'out-dir': { type: 'string' },
      out: { type: 'string' },
      'max-bytes': { type: 'string' },
      page: { type: 'string' },
      overwrite: { type: 'boolean' },
      deskew: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  if (positionals.length === 0) throw new UsageError(m.compress.needInput)
  if (!values['out-dir'] === !values.out) throw new UsageError(m.compress.outChoice)
  if (values.out && positionals.length > 1) throw new UsageError(m.compress.outSingle)
  const cap = maxBytesSchema.safeParse(
    values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-bytes']),
  )
  if (!cap.success) throw new UsageError(m.compress.maxBytes(MIN_MAX_BYTES, MAX_MAX_BYTES))
  const pdfPage = values.page === undefined ? undefined : Number(values.page)
  if (pdfPage !== undefined && (!Number.isInteger(pdfPage) || pdfPage < 1 || pdfPage > PDF_MAX_PAGES))
    throw new UsageError(m.compress.page(PDF_MAX_PAGES))
  const out = values.out ? resolve(values.out) : undefined
  const outDir = out ? dirname(out) : resolve(values['out-dir'] as string)
  if (out && statSync(out, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(m.compress.outIsFolder(out))
  if (statSync(outDir, { throwIfNoEntry: false })?.isDirectory() === false)
    throw new UsageError(m.compress.outDirNotFolder(outDir))
  return {
    inputs: positionals,
    out,
    outDir,
    maxBytes: cap.data,
    pdfPage,
    overwrite: values.overwrite ?? false,
    deskew: values.deskew ?? false,
    json: values.json ?? false,
  }
}

function printHuman(results: BatchItemResult[], opts: Options, { io, m }: CliContext): void {
  for (const r of results) {
    if ('error' in r) {
      io.out(`${m.compress.failed(r.input, r.error.message)}\n`)
      continue
    }
    io.out(`${m.compress.ok(r.input, r.output, r.bytes, r.width, r.height, r.quality)}\n`)
    if (opts.out && r.output !== opts.out) io.out(`${m.compress.renamed(opts.out)}\n`)
    for (const note of r.notes ?? []) io.out(`${m.compress.note(m.compress.notes[note])}\n`)
  }
}

export async function compressCommand(argv: string[], ctx: CliContext): Promise<number> {
  const opts = parse(argv, ctx)
  const { io, lang, m } = ctx
  const summary = await runBatch(
    {
      batchId: 'cli',
      paths: opts.inputs.map((p) => resolve(p)),
      outDir: opts.outDir,
      maxBytes: opts.maxBytes,
      ...(opts.out ? { outputs: [opts.out] } : {}),
      ...(opts.pdfPage ? { pdfPage: opts.pdfPage } : {}),
      ...(opts.overwrite ? { overwrite: true } : {}),
      ...(opts.deskew ? { deskew: true } : {}),
    },
    {
      // One stderr line per finished file; a line per start would only double the noise.
      started: () => undefined,
      progress: (p) => {
        const message = p.code && p.message ? serviceMessage(lang, p.code, p.message) : undefined
        io.err(`${m.compress.progress(p.done, p.total, p.ok, opts.inputs[p.index] ?? p.input, message)}\n`)
      },
    },
  )
  // Report the inputs as the user typed them.
  const results = summary.results.map((r, i): BatchItemResult => {
    const input = opts.inputs[i] as string
    return 'error' in r
      ? { input, error: { code: r.error.code, message: serviceMessage(lang, r.error.code, r.error.message) } }
      : { ...r, input }
  })
  if (opts.json) io.out(`${JSON.stringify(results, null, 2)}\n`)
  else printHuman(results, opts, ctx)
  return results.some((r) => 'error' in r) ? 1 : 0
}
