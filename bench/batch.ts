// Batch throughput (issue 13): the same N images (the corpus cycled, PDFs left out because
// ImageMagick's Debian policy forbids them) through Beian Desk's in-process compressBatch (two
// at a time) and through ImageMagick's jpeg:extent with `xargs -P2`, one process per file.
import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
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

type CompressBatch = (
  items: Array<{ input: Buffer; opts?: object }>,
  opts: { maxBytes: number },
) => Promise<Array<{ ok: boolean; result?: { jpeg: Buffer } }>>

export function batchInputs(inputs: readonly Input[], n: number): Input[] {
  const pool = inputs.filter((i) => i.format !== 'pdf')
  return pool.length === 0 ? [] : Array.from({ length: n }, (_, k) => pool[k % pool.length] as Input)
}

export async function batchBeian(root: string, inputs: readonly Input[]): Promise<BatchRun> {
  const mod = (await import(pathToFileURL(join(root, 'electron/main/services/images/index.ts')).href)) as {
    compressBatch: CompressBatch
  }
  const t0 = performance.now()
  const items = await Promise.all(inputs.map(async (i) => ({ input: await readFile(i.path) })))
  const out = await mod.compressBatch(items, { maxBytes: CAP })
  const seconds = (performance.now() - t0) / 1000
  const underCap = out.filter((o) => o.ok && (o.result?.jpeg.length ?? Infinity) <= CAP).length
  return {
    tool: 'Beian Desk compressBatch (in process, 2 at a time)',
    images: inputs.length,
    seconds,
    perMinute: (60 * inputs.length) / seconds,
    underCap,
    errors: out.filter((o) => !o.ok).length,
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
