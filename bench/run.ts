// npm run bench: corpus → Beian Desk vs ImageMagick jpeg:extent vs jpegoptim --size, cap
// 512,000 bytes → bytes, time, SSIM@1600/3000, butteraugli → stdout + bench/results/latest.{md,json}.
// Options: --only <regex> (subset of inputs), --skip-beian (other tools only), --half tuning|checking,
// --no-photos, --skip-exhaustive, --skip-profile, --batch <n> (default 50; 0 skips the batch throughput),
// --exclude <regex> (inputs left out, e.g. those used for tracing), --fresh-exhaustive (ignore the
// exhaustive search's cache, see bench/exhaustive.ts).
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { batchBeian, batchImageMagick, batchInputs, batchTable } from './batch'
import { runStartupBench } from './cli-startup'
import { runDeskBench } from './desk'
import { runPacketBench } from './packet'
import { runOcrBench } from './ocr'
import { assignHalves, ensureCorpus } from './corpus'
import { withPinnedHalves } from '../scripts/photo-corpus'
import { decodeReference } from './decode'
import { machine, type Machine } from './machine'
import { measure, prepareReference, type Reference } from './metrics'
import { cachedScore } from './score-cache'
import { profileInput, profileTable } from './profile'
import {
  deltas,
  deltaTable,
  halvesSection,
  perInputTable,
  totals,
  totalsTable,
  verdicts,
  verdictTable,
  type Outcome,
  type Row,
} from './report'
import {
  beianTool,
  CAP,
  exhaustiveTool,
  imageMagickTool,
  jpegoptimTool,
  loadCompressor,
  type Input,
  type Tool,
  type ToolId,
} from './tools'

const root = fileURLToPath(new URL('..', import.meta.url))
const resultsDir = join(root, 'bench/results')
const log = (s: string): void => console.log(s)
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

async function timeAll(
  inputs: Input[],
  tools: Tool[],
  scratch: string,
): Promise<Map<string, Map<ToolId, Outcome>>> {
  const all = new Map<string, Map<ToolId, Outcome>>()
  for (const [i, input] of inputs.entries()) {
    const per = new Map<ToolId, Outcome>()
    // Rotate the order so no tool always runs first (page cache, thermal state).
    for (const tool of [...tools.slice(i % tools.length), ...tools.slice(0, i % tools.length)]) {
      const out = join(resultsDir, 'out', tool.id, `${input.name}.jpg`)
      await rm(out, { force: true })
      const r = await tool.run(input, out, scratch)
      const bytes = r.error ? undefined : (await stat(out)).size
      per.set(tool.id, {
        bytes,
        underCap: bytes !== undefined && bytes <= CAP,
        ms: r.ms,
        error: r.error,
        notes: r.notes,
        jpegQuality: r.quality,
        encodes: r.encodes,
      })
    }
    all.set(input.name, per)
    log(
      `  ${input.name.padEnd(28)} ${[...per].map(([t, o]) => `${t} ${o.error ? 'ERROR' : `${o.bytes} B ${(o.ms / 1000).toFixed(2)} s`}`).join(' | ')}`,
    )
  }
  return all
}

async function scoreInput(input: Input, per: Map<ToolId, Outcome>, inputBytes: number): Promise<Row> {
  const scratch = await mkdtemp(join(tmpdir(), 'bench-m-'))
  try {
    const refRgb = await decodeReference(input.path, input.format)
    // Prepared once, and only when some output is not in the score cache.
    let ref: Promise<Reference> | undefined
    for (const [tool, o] of per) {
      if (o.error) continue
      const out = join(resultsDir, 'out', tool, `${input.name}.jpg`)
      o.q = await cachedScore(input.path, out, async () =>
        measure(await (ref ??= prepareReference(refRgb, scratch)), out, scratch),
      )
    }
    return {
      input: input.name,
      format: input.format,
      inputBytes,
      refWidth: refRgb.width,
      refHeight: refRgb.height,
      results: Object.fromEntries(per),
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** Scoring is not timed, so it runs two inputs at a time. */
async function scoreAll(
  inputs: Input[],
  timed: Map<string, Map<ToolId, Outcome>>,
  sizes: Map<string, number>,
): Promise<Row[]> {
  const rows: Row[] = new Array(inputs.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const i = next++
      const input = inputs[i] as Input
      rows[i] = await scoreInput(input, timed.get(input.name) ?? new Map(), sizes.get(input.name) ?? 0)
      log(`  scored ${input.name}`)
    }
  }
  await Promise.all([worker(), worker()])
  return rows
}

function render(
  m: Machine,
  rows: Row[],
  tools: Tool[],
  inputs: Input[],
  extra: string[],
): { md: string; json: unknown; hardFail: boolean } {
  const labels = Object.fromEntries(tools.map((t) => [t.id, t.label])) as Record<ToolId, string>
  const ts = tools.map((t) => totals(rows, t.id))
  const ds = deltas(
    rows,
    tools.map((t) => t.id).filter((t) => t !== 'beian'),
  )
  const vs = verdicts(rows, ts, ds)
  const notes = [
    ...new Set(
      rows.flatMap((r) =>
        Object.entries(r.results).flatMap(([t, o]) =>
          (o?.notes ?? []).map((n) => `${labels[t as ToolId]}: ${n}`),
        ),
      ),
    ),
  ]
  const md = [
    `# Benchmark — cap ${CAP.toLocaleString('en')} bytes, ${rows.length} inputs`,
    `Machine: ${m.cpu}, ${m.cores} cores (nproc), Node ${m.node}, sharp ${m.sharp}, ${m.imagemagick}, jpegoptim ${m.jpegoptim}; load average at start ${m.load}; ${m.date}.`,
    '## Totals',
    totalsTable(ts, labels),
    '## Targets (issues 3 and 13)',
    verdictTable(vs),
    '## Tuning and checking halves',
    halvesSection(
      rows,
      tools.map((t) => t.id),
      labels,
      (n) => inputs.find((i) => i.name === n)?.half,
    ),
    '## Beian Desk vs the best under-cap output of the other tools',
    deltaTable(ds),
    '## Per input',
    perInputTable(
      rows,
      tools.map((t) => t.id),
      labels,
    ),
    ...extra,
    '## Notes',
    notes.map((n) => `- ${n}`).join('\n') || '- none',
  ].join('\n\n')
  return {
    md: md + '\n',
    json: { machine: m, cap: CAP, totals: ts, verdicts: vs, deltas: ds, rows },
    hardFail: vs.some((v) => v.hard && !v.pass),
  }
}

/** Per-stage profile and batch throughput (issue 13), each after the timed runs, one at a time. */
async function extraSections(inputs: Input[], scratch: string, beian: boolean): Promise<string[]> {
  const out: string[] = []
  if (beian && !process.argv.includes('--skip-profile')) {
    log('profiling the search stage by stage …')
    const ps = []
    for (const i of inputs) ps.push(await profileInput(i))
    out.push('## Per-stage profile (Beian Desk, one image at a time)', profileTable(ps))
  }
  const n = Number(arg('--batch') ?? 50)
  if (beian && n > 0) {
    const batch = batchInputs(inputs, n)
    log(`batch throughput: ${batch.length} images …`)
    const runs = [await batchImageMagick(batch, scratch), await batchBeian(root, batch)]
    out.push(`## Batch throughput (${batch.length} images, both cores busy)`, batchTable(runs))
  }
  return out
}

async function main(): Promise<number> {
  const m = await machine()
  log(`machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, load ${m.load}`)
  const corpus = await ensureCorpus(root, log, { photos: !process.argv.includes('--no-photos') })
  const [all, sizes] = [withPinnedHalves(corpus.inputs, assignHalves), corpus.sizes]
  const [only, exclude, half] = [arg('--only'), arg('--exclude'), arg('--half')]
  const inputs = all.filter(
    (i) =>
      (!only || new RegExp(only).test(i.name)) &&
      (!exclude || !new RegExp(exclude).test(i.name)) &&
      (!half || i.half === half),
  )
  const compress = process.argv.includes('--skip-beian') ? undefined : await loadCompressor(root)
  if (!compress)
    log(
      'Beian Desk compressor not available (electron/main/services/images/index.ts): running the other tools only',
    )
  const tools: Tool[] = [
    ...(compress ? [beianTool(compress)] : []),
    imageMagickTool,
    jpegoptimTool,
    ...(process.argv.includes('--skip-exhaustive') ? [] : [exhaustiveTool]),
  ]
  const scratch = await mkdtemp(join(tmpdir(), 'bench-t-'))
  for (const t of tools) await mkdir(join(resultsDir, 'out', t.id), { recursive: true })
  const warm = inputs.find((i) => i.name === 'id-front-small.jpg') ?? inputs[0]
  if (warm) for (const t of tools) await t.run(warm, join(scratch, `warm-${t.id}.jpg`), scratch) // untimed warm-up
  log(`timing ${inputs.length} inputs × ${tools.length} tools, one image at a time …`)
  const timed = await timeAll(inputs, tools, scratch)
  log('scoring (SSIM@1600, SSIM@3000, butteraugli) …')
  const rows = await scoreAll(inputs, timed, sizes)
  const extra = await extraSections(inputs, scratch, Boolean(compress))
  const { md, json, hardFail } = render(m, rows, tools, inputs, extra)
  await writeFile(join(resultsDir, 'latest.md'), md)
  await writeFile(join(resultsDir, 'latest.json'), JSON.stringify(json, null, 2) + '\n')
  log(md)
  await rm(scratch, { recursive: true, force: true })
  return hardFail ? 1 : 0
}

// --cli-startup: only the CLI start-up benchmark (bench/cli-startup.ts); --skip-cli-startup leaves it out.
// --packet: only one site's packet export (bench/packet.ts); --skip-packet leaves it out.
if (process.argv.includes('--cli-startup')) process.exitCode = (await runStartupBench()) ? 0 : 1
else if (process.argv.includes('--packet')) process.exitCode = (await runPacketBench()) ? 0 : 1
// --desk: only the filing desk at agency scale (bench/desk.ts); --skip-desk leaves it out.
else if (process.argv.includes('--desk')) process.exitCode = (await runDeskBench()) ? 0 : 1
// --ocr [--per-kind N]: only offline OCR on the generated set (bench/ocr.ts); --skip-ocr leaves it out.
else if (process.argv.includes('--ocr'))
  process.exitCode = (await runOcrBench(Number(arg('--per-kind')) || undefined)) ? 0 : 1
else {
  process.exitCode = await main()
  // Informative here: the image targets decide the exit code; --cli-startup alone reports its own.
  if (!process.argv.includes('--skip-cli-startup')) await runStartupBench()
  if (!process.argv.includes('--skip-packet')) await runPacketBench()
  if (!process.argv.includes('--skip-desk')) await runDeskBench()
  if (!process.argv.includes('--skip-ocr')) await runOcrBench()
}
