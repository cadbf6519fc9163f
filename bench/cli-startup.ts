// CLI start-up (issue 8): the built `beian-desk` as users run it (bin/beian-desk.js → out/cli),
// `--help` and a `check` timed from outside, whole process, against bare `node -e 0` on the same
// machine. Target: median wall time ≤ 150 ms for each. Run with `npm run bench -- --cli-startup`
// or `npx tsx bench/cli-startup.ts` [--runs N] [--build] [--strict]. Writes
// bench/results/cli-startup.{md,json}. `--build` rebuilds out/cli first (vite.cli.config.ts).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { median, quantile } from './stats'

const root = fileURLToPath(new URL('..', import.meta.url))
const TARGET_MS = 150
/** A synthetic resident ID (valid check character), never a real person's. */
const SAMPLE_ID = '11010519491231002X'

type Case = { id: string; label: string; argv: string[]; target: boolean }
const BIN = join(root, 'bin/beian-desk.js')
const CASES: Case[] = [
  { id: 'node', label: 'node -e 0 (the floor: Node itself)', argv: ['-e', '0'], target: false },
  { id: 'help', label: 'beian-desk --help', argv: [BIN, '--help'], target: true },
  {
    id: 'check',
    label: `beian-desk check resident-id ${SAMPLE_ID}`,
    argv: [BIN, 'check', 'resident-id', SAMPLE_ID],
    target: true,
  },
  {
    id: 'compress-help',
    label: 'beian-desk compress --help',
    argv: [BIN, 'compress', '--help'],
    target: false,
  },
]

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

/** GNU time, where present, adds the child's own CPU seconds (user + sys): steadier than wall time on a busy machine. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

type Sample = { wallMs: number; cpuMs: number | undefined }

function timeOnce(c: Case): Sample {
  const [cmd, args] = GNU_TIME
    ? [GNU_TIME, ['-f', 'cpu %U %S', process.execPath, ...c.argv]]
    : [process.execPath, c.argv]
  const t0 = performance.now()
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' },
  })
  const wallMs = performance.now() - t0
  if (r.status !== 0) throw new Error(`${c.label} exited ${r.status}: ${r.stderr.toString()}`)
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.toString())
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined }
}

/** Round-robin over the cases, so a burst of load hits them all alike; warm-up runs are not counted. */
export function measureStartup(runs: number, warmup = 2): Map<string, Sample[]> {
  const samples = new Map(CASES.map((c) => [c.id, [] as Sample[]]))
  for (let i = 0; i < warmup + runs; i++) {
    for (const c of CASES) {
      const sample = timeOnce(c)
      if (i >= warmup) samples.get(c.id)?.push(sample)
    }
  }
  return samples
}

const fmt = (ms: number): string => ms.toFixed(0)

export function startupReport(samples: Map<string, Sample[]>): { md: string; json: unknown; pass: boolean } {
  const wall = (id: string): number[] => (samples.get(id) ?? []).map((x) => x.wallMs)
  const cpu = (id: string): number[] =>
    (samples.get(id) ?? []).flatMap((x) => (x.cpuMs === undefined ? [] : [x.cpuMs]))
  const floor = median(wall('node'))
  const rows = CASES.map((c) => {
    const xs = wall(c.id)
    const med = median(xs)
    const cpuMedian = cpu(c.id).length > 0 ? median(cpu(c.id)) : undefined
    return {
      ...c,
      runs: xs.length,
      min: Math.min(...xs),
      median: med,
      p90: quantile(xs, 0.9),
      overNode: med - floor,
      cpuMedian,
      pass: !c.target || med <= TARGET_MS,
    }
  })
  const pass = rows.every((r) => r.pass)
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  const busy = (loadavg()[0] ?? 0) > availableParallelism()
  const md = [
    `# CLI start-up — target: median wall ≤ ${TARGET_MS} ms for --help and check`,
    `Node ${process.version}, ${availableParallelism()} cores, load average ${load}; ${new Date().toISOString()}.`,
    '| command | runs | min ms | median ms | p90 ms | median over Node ms | median CPU ms | target |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.runs} | ${fmt(r.min)} | ${fmt(r.median)} | ${fmt(r.p90)} | ${r.id === 'node' ? '—' : fmt(r.overNode)} | ${r.cpuMedian === undefined ? '—' : fmt(r.cpuMedian)} | ${r.target ? (r.pass ? 'PASS' : 'FAIL') : '—'} |`,
    ),
    busy
      ? `Note: the load average exceeds the cores, so wall times include waiting for a core; "over Node" and the CPU time (user + sys, GNU time) are the steadier figures.`
      : '',
  ].join('\n')
  return { md: `${md}\n`, json: { targetMs: TARGET_MS, load, rows }, pass }
}

export async function runStartupBench(): Promise<boolean> {
  if (process.argv.includes('--build') || !existsSync(join(root, 'out/cli/index.js'))) {
    console.log('building the CLI (vite.cli.config.ts) …')
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'vite.cli.config.ts',
        '--logLevel',
        'warn',
      ],
      { cwd: root, stdio: 'inherit' },
    )
  }
  const runs = Number(arg('--runs') ?? 15)
  console.log(`CLI start-up: ${runs} runs of each command, round-robin …`)
  const { md, json, pass } = startupReport(measureStartup(runs))
  console.log(md)
  const dir = join(root, 'bench/results')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'cli-startup.md'), md)
  await writeFile(join(dir, 'cli-startup.json'), `${JSON.stringify(json, null, 2)}\n`)
  return pass
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pass = await runStartupBench()
  process.exitCode = !pass && process.argv.includes('--strict') ? 1 : 0
}
