// Totals, per-input tables and the target verdicts (issues 3 and 13), as Markdown and JSON.
import type { Quality } from './metrics'
import { median, p95 } from './stats'
import { CAP, type ToolId } from './tools'

export type Outcome = {
  bytes?: number
  underCap: boolean
  ms: number
  error?: string
  notes: string[]
  jpegQuality?: number
  encodes?: number
  q?: Quality
}
export type Row = {
  input: string
  format: string
  inputBytes: number
  refWidth: number
  refHeight: number
  results: Partial<Record<ToolId, Outcome>>
}

export type Totals = {
  tool: ToolId
  n: number
  underCap: number
  medianMs: number
  p95Ms: number
  medianSsim1600: number
  medianSsim3000: number
  medianButteraugli: number
  maxButteraugli: number
  sideways: number
  gpsKept: number
  exifKept: number
  errors: number
}

const outcomes = (rows: Row[], t: ToolId): Outcome[] =>
  rows.map((r) => r.results[t]).filter((o): o is Outcome => o !== undefined)
const qs = (os: Outcome[], f: (q: Quality) => number): number[] => os.flatMap((o) => (o.q ? [f(o.q)] : []))

export function totals(rows: Row[], t: ToolId): Totals {
  const os = outcomes(rows, t)
  const ba = qs(os, (q) => q.butteraugli)
  return {
    tool: t,
    n: os.length,
    underCap: os.filter((o) => o.underCap).length,
    medianMs: median(os.map((o) => o.ms)),
    p95Ms: p95(os.map((o) => o.ms)),
    medianSsim1600: median(qs(os, (q) => q.ssim1600)),
    medianSsim3000: median(qs(os, (q) => q.ssim3000)),
    medianButteraugli: median(ba),
    maxButteraugli: ba.length ? Math.max(...ba) : Number.NaN,
    sideways: os.filter((o) => o.q?.sideways).length,
    gpsKept: os.filter((o) => o.q?.gps).length,
    exifKept: os.filter((o) => o.q?.exif).length,
    errors: os.filter((o) => o.error).length,
  }
}

export type Delta = {
  input: string
  best1600?: number
  bestBa?: number
  dSsim1600?: number
  dBa?: number
  pass: boolean
}

/** Beian Desk against the best under-cap output of the other tools, per input. */
export function deltas(rows: Row[], others: ToolId[]): Delta[] {
  return rows.map((r) => {
    const mine = r.results.beian?.q
    const rivals = others
      .map((t) => r.results[t])
      .filter((o): o is Outcome => o?.underCap === true && o.q !== undefined)
    const best1600 = rivals.length ? Math.max(...rivals.map((o) => o.q?.ssim1600 ?? 0)) : undefined
    const bestBa = rivals.length ? Math.min(...rivals.map((o) => o.q?.butteraugli ?? Infinity)) : undefined
    const dSsim1600 = mine && best1600 !== undefined ? mine.ssim1600 - best1600 : undefined
    const dBa = mine && bestBa !== undefined ? mine.butteraugli - bestBa : undefined
    const pass =
      mine !== undefined &&
      (dSsim1600 === undefined || dSsim1600 >= -0.002) &&
      (dBa === undefined || dBa <= 0.25)
    return { input: r.input, best1600, bestBa, dSsim1600, dBa, pass }
  })
}

export type Verdict = { target: string; hard: boolean; pass: boolean; detail: string }

export function verdicts(rows: Row[], ts: Totals[], ds: Delta[]): Verdict[] {
  const b = ts.find((t) => t.tool === 'beian')
  const im = ts.find((t) => t.tool === 'imagemagick')
  if (!b || b.n === 0)
    return [
      {
        target: 'Beian Desk compressor ran',
        hard: true,
        pass: false,
        detail: 'electron/main/services/images/index.ts not found or not run',
      },
    ]
  const failing = ds.filter((d) => !d.pass).map((d) => d.input)
  const enlarged = rows
    .filter((r) => {
      const o = r.results.beian
      return o?.q && o.q.width * o.q.height > r.refWidth * r.refHeight
    })
    .map((r) => r.input)
  const clean = rows.find((r) => r.input === 'id-front-clean-small.jpg')
  const v: Verdict[] = [
    {
      target: `100 % of outputs ≤ ${CAP} bytes`,
      hard: true,
      pass: b.underCap === b.n && b.errors === 0,
      detail: `${b.underCap}/${b.n} under cap, ${b.errors} errors`,
    },
    {
      target: 'per input: SSIM@1600 ≥ best − 0.002 and butteraugli ≤ best + 0.25',
      hard: false,
      pass: failing.length === 0,
      detail: failing.length ? `misses: ${failing.join(', ')}` : `all ${ds.length} inputs`,
    },
    {
      target: 'median SSIM@3000 ≥ 0.959',
      hard: false,
      pass: b.medianSsim3000 >= 0.959,
      detail: b.medianSsim3000.toFixed(4),
    },
    {
      target: 'median time ≤ ImageMagick median',
      hard: false,
      pass: im !== undefined && b.medianMs <= im.medianMs,
      detail: `${fmtMs(b.medianMs)} vs ${im ? fmtMs(im.medianMs) : 'n/a'}`,
    },
    {
      target: 'p95 time ≤ 1.5 × ImageMagick p95',
      hard: false,
      pass: im !== undefined && b.p95Ms <= 1.5 * im.p95Ms,
      detail: `${fmtMs(b.p95Ms)} vs 1.5 × ${im ? fmtMs(im.p95Ms) : 'n/a'}`,
    },
    {
      target: 'upright, no EXIF/GPS left',
      hard: false,
      pass: b.sideways === 0 && b.exifKept === 0,
      detail: `${b.sideways} sideways, ${b.exifKept} with EXIF, ${b.gpsKept} with GPS`,
    },
    {
      target: 'never enlarged in pixels',
      hard: false,
      pass: enlarged.length === 0,
      detail: enlarged.length ? enlarged.join(', ') : 'ok',
    },
  ]
  if (clean?.results.beian?.bytes !== undefined) {
    const ok = clean.results.beian.bytes <= clean.inputBytes
    v.push({
      target: 'a clean JPEG under the cap is not made larger',
      hard: false,
      pass: ok,
      detail: `${clean.inputBytes} → ${clean.results.beian.bytes} bytes`,
    })
  }
  return v
}

export const fmtMs = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—')
const f4 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(4))
const f2 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(2))
const sgn = (x: number | undefined, d: number): string =>
  x === undefined ? '—' : `${x >= 0 ? '+' : ''}${x.toFixed(d)}`

export function totalsTable(ts: Totals[], labels: Record<ToolId, string>): string {
  const head =
    '| tool | under cap | median time | p95 time | median SSIM@1600 | median SSIM@3000 | median butteraugli | max butteraugli | sideways | EXIF kept | GPS kept | errors |\n|---|---|---|---|---|---|---|---|---|---|---|---|'
  const body = ts.map(
    (t) =>
      `| ${labels[t.tool]} | ${t.underCap}/${t.n} | ${fmtMs(t.medianMs)} | ${fmtMs(t.p95Ms)} | ${f4(t.medianSsim1600)} | ${f4(t.medianSsim3000)} | ${f2(t.medianButteraugli)} | ${f2(t.maxButteraugli)} | ${t.sideways} | ${t.exifKept} | ${t.gpsKept} | ${t.errors} |`,
  )
  return [head, ...body].join('\n')
}

function cell(o: Outcome | undefined): string {
  if (!o) return '— | — | — | — | — | —'
  if (o.error) return `error: ${o.error.slice(0, 40)} | | | | | `
  const flags = [o.q?.sideways ? 'sideways' : '', o.q?.gps ? 'GPS' : '', o.underCap ? '' : 'OVER']
    .filter(Boolean)
    .join(' ')
  return `${o.bytes ?? '—'}${flags ? ` ${flags}` : ''} | ${(o.ms / 1000).toFixed(2)} | ${o.q ? `${o.q.width}×${o.q.height}` : '—'}${o.jpegQuality !== undefined ? ` q${o.jpegQuality}, ${o.encodes ?? '?'} enc` : ''} | ${f4(o.q?.ssim1600)} | ${f4(o.q?.ssim3000)} | ${f2(o.q?.butteraugli)}`
}

export function perInputTable(rows: Row[], tools: ToolId[], labels: Record<ToolId, string>): string {
  const head =
    '| input | tool | bytes | s | px | SSIM@1600 | SSIM@3000 | butteraugli |\n|---|---|---|---|---|---|---|---|'
  const body = rows.flatMap((r) =>
    tools.map(
      (t, i) =>
        `| ${i === 0 ? `${r.input} (${r.format}, ${(r.inputBytes / 1e6).toFixed(2)} MB)` : ''} | ${labels[t]} | ${cell(r.results[t])} |`,
    ),
  )
  return [head, ...body].join('\n')
}

export function deltaTable(ds: Delta[]): string {
  const head =
    '| input | best other SSIM@1600 | Beian Δ SSIM@1600 | best other butteraugli | Beian Δ butteraugli | pass |\n|---|---|---|---|---|---|'
  return [
    head,
    ...ds.map(
      (d) =>
        `| ${d.input} | ${f4(d.best1600)} | ${sgn(d.dSsim1600, 4)} | ${f2(d.bestBa)} | ${sgn(d.dBa, 2)} | ${d.pass ? 'yes' : '**no**'} |`,
    ),
  ].join('\n')
}

export function verdictTable(vs: Verdict[]): string {
  return [
    '| target | kind | result | detail |\n|---|---|---|---|',
    ...vs.map(
      (v) => `| ${v.target} | ${v.hard ? 'hard' : 'soft'} | ${v.pass ? 'PASS' : '**FAIL**'} | ${v.detail} |`,
    ),
  ].join('\n')
}

/** Totals and verdicts for each half of the corpus (tuning, checking), compared within the half. */
export function halvesSection(
  rows: Row[],
  tools: ToolId[],
  labels: Record<ToolId, string>,
  halfOf: (input: string) => string | undefined,
): string {
  const out: string[] = []
  for (const half of ['tuning', 'checking']) {
    const part = rows.filter((r) => halfOf(r.input) === half)
    if (part.length === 0) continue
    const ts = tools.map((t) => totals(part, t))
    const vs = verdicts(
      part,
      ts,
      deltas(
        part,
        tools.filter((t) => t !== 'beian'),
      ),
    )
    out.push(
      `### ${half === 'tuning' ? 'Tuning' : 'Checking'} half (${part.length} inputs)`,
      totalsTable(ts, labels),
      verdictTable(vs),
    )
  }
  return out.join('\n\n')
}
