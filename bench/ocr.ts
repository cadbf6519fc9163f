// Offline OCR (issue 14): the generated set (test/fixtures/ocr-set.ts: ID fronts, ID backs,
// licences photographed with varied fonts, sizes, backgrounds, ±15° rotation, perspective,
// blur, JPEG quality) read through the service (worker thread, deskew first). Reports the
// exact-match rate per field, numbers wrongly accepted (must be 0), deskew corner error, time
// per photo, the main thread's longest stall and peak RSS.
// Run with `npm run bench -- --ocr [--per-kind N]` or `npx tsx bench/ocr.ts [--per-kind N]`.
// Writes bench/results/ocr.{md,json}. Targets: ID number / USCC ≥ 90 % of raw photos, names
// ≥ 95 %, no wrong number accepted, median ≤ 1.5 s per photo on an idle machine.
import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { closeOcr, readDocument } from '../electron/main/services/ocr'
import { diagonal } from '../electron/main/services/ocr/deskew-geometry'
import type { DocFace } from '../test/fixtures/ocr-photos'
import { OCR_SET_SIZES, ocrSample, type OcrSample } from '../test/fixtures/ocr-set'
import { median, quantile } from './stats'

const root = fileURLToPath(new URL('..', import.meta.url))
const NUMBER_FIELDS = new Set(['idNumber', 'uscc'])
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

type Outcome = {
  sample: string
  face: DocFace
  ms: number
  ok: Record<string, boolean>
  wrongNumber: boolean
  cornerErr: number | null
  rotated: boolean
  error?: string
}

/** Longest gap between 10 ms ticks of the main thread while `work` runs. */
async function watchStalls<T>(work: () => Promise<T>): Promise<{ value: T; maxStallMs: number }> {
  let last = performance.now()
  let max = 0
  const timer = setInterval(() => {
    const now = performance.now()
    max = Math.max(max, now - last - 10)
    last = now
  }, 10)
  try {
    return { value: await work(), maxStallMs: max }
  } finally {
    clearInterval(timer)
  }
}

async function readOne(s: OcrSample): Promise<Outcome> {
  const t0 = performance.now()
  try {
    const r = await readDocument(s.jpeg, s.face, { today: '2026-12-07' })
    const fields = r.fields as Record<string, { value: string } | undefined>
    const ok = Object.fromEntries(Object.entries(s.truth).map(([k, v]) => [k, fields[k]?.value === v]))
    const wrongNumber = Object.entries(s.truth).some(
      ([k, v]) => NUMBER_FIELDS.has(k) && fields[k] !== undefined && fields[k]?.value !== v,
    )
    const cornerErr = r.quad
      ? Math.max(
          ...r.quad.map((c, i) => Math.hypot(c.x - (s.corners[i]?.x ?? 0), c.y - (s.corners[i]?.y ?? 0))),
        ) / diagonal(s.corners)
      : null
    return {
      sample: s.name,
      face: s.face,
      ms: performance.now() - t0,
      ok,
      wrongNumber,
      cornerErr,
      rotated: r.rotated,
    }
  } catch (error) {
    const ok = Object.fromEntries(Object.keys(s.truth).map((k) => [k, false]))
    return {
      sample: s.name,
      face: s.face,
      ms: performance.now() - t0,
      ok,
      wrongNumber: false,
      cornerErr: null,
      rotated: false,
      error: String(error),
    }
  }
}

const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(0)} % (${n}/${d})`)

function report(outcomes: Outcome[], maxStallMs: number, rssMb: number): string {
  const lines = ['| kind | field | exact |', '|---|---|---|']
  for (const face of Object.keys(OCR_SET_SIZES) as DocFace[]) {
    const mine = outcomes.filter((o) => o.face === face)
    for (const field of Object.keys(mine[0]?.ok ?? {}))
      lines.push(`| ${face} | ${field} | ${pct(mine.filter((o) => o.ok[field]).length, mine.length)} |`)
  }
  const ms = outcomes.map((o) => o.ms)
  const found = outcomes.filter((o) => o.cornerErr !== null)
  return [
    ...lines,
    '',
    `- Numbers wrongly accepted: ${outcomes.filter((o) => o.wrongNumber).length} of ${outcomes.length} photos.`,
    `- Deskew: quad found on ${pct(found.length, outcomes.length)}; corner error ≤ 1 % of the diagonal on ${pct(found.filter((o) => (o.cornerErr ?? 1) <= 0.01).length, outcomes.length)}.`,
    `- Read upside down and turned: ${outcomes.filter((o) => o.rotated).length}; errors: ${outcomes.filter((o) => o.error).length}.`,
    `- Time per photo (deskew + OCR, worker, includes the 180° retry when the key field is missing): median ${(median(ms) / 1000).toFixed(2)} s, p90 ${(quantile(ms, 0.9) / 1000).toFixed(2)} s, first (model load) ${((ms[0] ?? 0) / 1000).toFixed(2)} s.`,
    `- Main thread's longest stall while reading: ${maxStallMs.toFixed(0)} ms. Peak RSS of the process (worker included): ${rssMb.toFixed(0)} MB.`,
    `- Machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at the end.`,
  ].join('\n')
}

export async function runOcrBench(perKind?: number): Promise<boolean> {
  console.log('OCR bench: generating the set…')
  const samples: OcrSample[] = []
  // Drawn before the first read: the worker restricts sharp's loaders process-wide (no SVG).
  for (const face of Object.keys(OCR_SET_SIZES) as DocFace[])
    for (let i = 0; i < Math.min(perKind ?? Infinity, OCR_SET_SIZES[face]); i++)
      samples.push(await ocrSample(face, i))
  const { value: outcomes, maxStallMs } = await watchStalls(async () => {
    const out: Outcome[] = []
    for (const s of samples) {
      const o = await readOne(s)
      console.log(
        `  ${s.name.padEnd(12)} ${(o.ms / 1000).toFixed(2)} s ${Object.values(o.ok).filter(Boolean).length}/${Object.keys(o.ok).length}${o.error ? ` ${o.error}` : ''}`,
      )
      out.push(o)
    }
    return out
  })
  await closeOcr()
  const md = report(outcomes, maxStallMs, process.resourceUsage().maxRSS / 1024)
  console.log(md)
  await mkdir(join(root, 'bench/results'), { recursive: true })
  await writeFile(join(root, 'bench/results/ocr.md'), `# OCR bench\n\n${md}\n`)
  await writeFile(
    join(root, 'bench/results/ocr.json'),
    `${JSON.stringify({ outcomes, maxStallMs }, null, 2)}\n`,
  )
  return outcomes.every((o) => !o.wrongNumber)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = arg('--per-kind')
  process.exitCode = (await runOcrBench(n ? Number(n) : undefined)) ? 0 : 1
}
