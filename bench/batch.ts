// Batch throughput (issue 13): the same N images (the corpus cycled, PDFs left out because
// ImageMagick's Debian policy forbids them) through Beian Desk's in-process runBatch (the batch
// the app and the CLI run: files read, compressed a few at a time and written) and through
// ImageMagick's jpeg:extent with `xargs -P2`, one process per file.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { imageBatchConcurrency } from '../electron/main/services/images/batch'
import { CAP, CONVERT, type Input } from './tools'

const run = promisify(execFile)

export type BatchRun = {
  tool: string
  images: number
  seconds: number
  perMinute: number
  underCap: number
  errors: number
}

type RunBatch = (
  req: { batchId: string; paths: string[]; outDir: string; maxBytes: number },
  events: { started(): void; progress(): void },
) => Promise<{ results: Array<{ error: unknown } | { bytes: number }> }>

export function batchInputs(inputs: readonly Input[], n: number): Input[] {
  const pool = inputs.filter((i) => i.format !== 'pdf')
  return pool.length === 0 ? [] : Array.from({ length: n }, (_, k) => pool[k % pool.length] as Input)
}

export async function batchBeian(root: string, inputs: readonly Input[]): Promise<BatchRun> {
  const mod = (await import(pathToFileURL(join(root, 'electron/main/services/batch-compress.ts')).href)) as {
    runBatch: RunBatch
  }
  const outDir = await mkdtemp(join(tmpdir(), 'beian-bench-batch-'))
  const t0 = performance.now()
  const { results: out } = await mod.runBatch(
    { batchId: 'bench', paths: inputs.map((i) => i.path), outDir, maxBytes: CAP },
    { started: () => undefined, progress: () => undefined },
  )
  const seconds = (performance.now() - t0) / 1000
  await rm(outDir, { recursive: true, force: true })
  const underCap = out.filter((o) => 'bytes' in o && o.bytes <= CAP).length
  return {
    tool: `Beian Desk runBatch (in process, ${imageBatchConcurrency()} at a time)`,
    images: inputs.length,
    seconds,
    perMinute: (60 * inputs.length) / seconds,
    underCap,
    errors: out.filter((o) => 'error' in o).length,
  }
}

export async function batchImageMagick(inputs: readonly Input[], scratch: string): Promise<BatchRun> {
  const dir = join(scratch, 'batch-im')
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const list = join(dir, 'list.txt')
  await writeFile(list, inputs.map((i, k) => `${i.path} ${join(dir, `${k}.jpg`)}\n`).join(''))
  const t0 = performance.now()
  await run(
    'xargs',
    ['-a', list, '-P2', '-n2', 'sh', '-c', `${CONVERT} "$0" -define jpeg:extent=${CAP} "$1"`],
    { maxBuffer: 1 << 24 },
  ).catch(() => undefined)
  const seconds = (performance.now() - t0) / 1000
  const sizes = await Promise.all(
    inputs.map((_, k) =>
      stat(join(dir, `${k}.jpg`)).then(
        (s) => s.size,
        () => Infinity,
      ),
    ),
  )
  const errors = sizes.filter((s) => s === Infinity).length
  return {
    tool: 'ImageMagick jpeg:extent, xargs -P2',
    images: inputs.length,
    seconds,
    perMinute: (60 * inputs.length) / seconds,
    underCap: sizes.filter((s) => s <= CAP).length,
    errors,
  }
}

export function batchTable(runs: BatchRun[]): string {
  return [
    '| tool | images | wall time | images per minute | under cap | errors |\n|---|---|---|---|---|---|',
    ...runs.map(
      (r) =>
        `| ${r.tool} | ${r.images} | ${r.seconds.toFixed(1)} s | ${r.perMinute.toFixed(1)} | ${r.underCap}/${r.images} | ${r.errors} |`,
    ),
  ].join('\n')
}
