// Many sites' packets at once (issue 11): N sites (default 100) of one 单位 subject, each with its
// own 8-image packet + both PDFs, exported as one zip per site through the multi-site service
// (two sites at a time, so both cores work). Target: 100 sites ≤ 2 minutes wall time.
// Run with `npm run bench -- --packet` (after the one-site bench) or `npx tsx bench/packet-many.ts`
// [--sites N] [--strict]. Writes bench/results/packet-many.{md,json}.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Workspace } from '../core/model'
import { createMaterialFiles } from '../electron/main/services/material-files'
import { exportMany, PACKET_BATCH_CONCURRENCY } from '../electron/main/services/packet-export-many'
import { benchWorkspace } from './packet'

const root = fileURLToPath(new URL('..', import.meta.url))
const TARGET_MS_PER_100 = 120_000
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

/** `count` sites of the bench subject, each with its own copies of the site's material records. */
function manySites(base: Workspace, siteId: string, count: number): Workspace {
  const site = base.sites.find((s) => s.id === siteId)
  if (!site) throw new Error('bench/packet-many: no bench site')
  const siteMaterials = base.materials.filter((m) => m.ownerKind === 'site' && m.ownerId === siteId)
  const shared = base.materials.filter((m) => !(m.ownerKind === 'site' && m.ownerId === siteId))
  const sites = Array.from({ length: count }, (_, i) => ({
    ...site,
    id: `bench-site-${i + 1}`,
    name: `${site.name}${i + 1}`,
    mainDomain: `bench-${i + 1}.example.cn`,
  }))
  const materials = [
    ...shared,
    // The same stored image files (an export only reads them), one record per site.
    ...sites.flatMap((s) => siteMaterials.map((m) => ({ ...m, id: `${m.id}-${s.id}`, ownerId: s.id }))),
  ]
  return { ...base, sites, materials }
}

export async function runPacketManyBench(): Promise<boolean> {
  const count = Number(arg('--sites') ?? 100)
  const scratch = await mkdtemp(join(tmpdir(), 'bench-packet-many-'))
  try {
    console.log(`packet-many: generating the materials, then ${count} sites …`)
    const { ws: one, siteId } = await benchWorkspace(join(scratch, 'data'))
    const ws = manySites(one, siteId, count)
    const files = createMaterialFiles(join(scratch, 'data'))
    const outDir = join(scratch, 'out')
    let done = 0
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const summary = await exportMany(
      ws,
      files,
      { batchId: 'bench', siteIds: ws.sites.map((s) => s.id), format: 'zip', outDir, force: true },
      {
        progress: (p) => {
          done = p.done
          if (p.done % 10 === 0) console.log(`  ${p.done}/${p.total}`)
        },
      },
    )
    const ms = performance.now() - t0
    const cpu = process.cpuUsage(c0)
    const cpuMs = (cpu.user + cpu.system) / 1000
    const written = summary.results.filter((r) => r.ok).length
    const zips = (await readdir(outDir)).filter((n) => n.endsWith('.zip')).length
    const targetMs = (TARGET_MS_PER_100 * count) / 100
    const pass = written === count && zips === count && done === count && ms <= targetMs
    const md = [
      `# Packet export: ${count} sites at once, one zip each (8 images + both PDFs + fill list + manifest)`,
      `${availableParallelism()} cores, Node ${process.version}, ${PACKET_BATCH_CONCURRENCY} sites at a time, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; target ≤ ${(targetMs / 1000).toFixed(0)} s (2 minutes per 100 sites).`,
      '',
      '| sites | written | wall s | per site ms | CPU s | CPU / wall | target |',
      '|---:|---:|---:|---:|---:|---:|---|',
      `| ${count} | ${written} | ${(ms / 1000).toFixed(1)} | ${(ms / count).toFixed(0)} | ${(cpuMs / 1000).toFixed(1)} | ${(cpuMs / ms).toFixed(2)} | ${pass ? 'PASS' : 'FAIL'} |`,
      '',
      'CPU / wall above 1 means more than one core was busy (pdf-lib and zip work on the main thread, sharp on its own threads).',
      '',
    ].join('\n')
    console.log(md)
    const dir = join(root, 'bench/results')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'packet-many.md'), md)
    await writeFile(
      join(dir, 'packet-many.json'),
      `${JSON.stringify({ targetMs, count, written, zips, ms, cpuMs }, null, 2)}\n`,
    )
    return pass
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pass = await runPacketManyBench()
  process.exitCode = !pass && process.argv.includes('--strict') ? 1 : 0
}
