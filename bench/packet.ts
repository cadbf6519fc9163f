// One site's full packet (issue 11): 8 images (单位 subject with a separate 安全负责人) + 备案信息.pdf
// + 材料打印.pdf + 填写清单.txt + manifest.json, written as a folder and as a zip through the
// export service, timed in-process after one warm-up. Target: median ≤ 2 s per packet.
// Run with `npm run bench -- --packet` or `npx tsx bench/packet.ts` [--runs N] [--strict].
// Then 100 sites at once (bench/packet-many.ts) unless --skip-packet-many.
// Writes bench/results/packet.{md,json}. Images and people are synthetic (test/fixtures).
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import type { Material, SlotKey, Workspace } from '../core/model'
import { generateUscc } from '../core/validation'
import { createMaterialFiles } from '../electron/main/services/material-files'
import { exportPacket } from '../electron/main/services/packet-export'
import {
  businessLicence,
  domainCertificate,
  handheld,
  idCardBack,
  idCardFront,
} from '../test/fixtures/generate'
import { makeMaterial, makePerson, makeSite, syntheticResidentId } from '../test/support/factories'
import { runPacketManyBench } from './packet-many'
import { median, quantile } from './stats'

const root = fileURLToPath(new URL('..', import.meta.url))
const TARGET_MS = 2000
const CAP = 512_000
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

/** A JPEG at most CAP bytes, about what the compressor hands the packet (2000 px long side). */
async function capped(input: Buffer): Promise<Buffer> {
  for (let q = 88; q >= 40; q -= 8) {
    const out = await sharp(input)
      .rotate()
      .resize(2000, 2000, { fit: 'inside' })
      .jpeg({ quality: q, mozjpeg: true })
      .toBuffer()
    if (out.length <= CAP) return out
  }
  throw new Error('bench/packet: could not fit a fixture under the cap')
}

export async function benchWorkspace(dataDir: string): Promise<{ ws: Workspace; siteId: string }> {
  const principal = makePerson({
    name: '王建国',
    idNumber: syntheticResidentId('19751203', '456'),
    idExpiry: 'long-term',
    officePhone: '010-62345679',
  })
  const officer = makePerson({
    name: '赵敏',
    idNumber: syntheticResidentId('19880214', '028'),
    mobile: '13800138000',
    email: 'zhaomin@example.com',
  })
  const subject = {
    id: 'bench-subject',
    nature: 'organization' as const,
    orgKind: 'enterprise' as const,
    name: '北京星河数码科技有限公司',
    certType: 'uscc-certificate' as const,
    certNumber: generateUscc({ orgBody: '73829105' }),
    investor: '',
    officeAddress: {
      divisionCodes: ['110000', '110100', '110108'],
      divisionNames: ['北京市', '市辖区', '海淀区'],
      detail: '中关村大街 27 号 8 层 801 室',
    },
    officePhone: '010-62345678',
    principal,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
  }
  const site = makeSite(subject.id, {
    name: '星河数码官网',
    securityOfficer: { sameAsPrincipal: false, person: officer },
  })
  const images: [SlotKey, 'subject' | 'site', () => Promise<Buffer>][] = [
    ['subject-certificate', 'subject', () => businessLicence({ mode: 'scan', width: 2400 })],
    ['principal-id-front', 'subject', () => idCardFront({ seed: 2, width: 3000, height: 2250 })],
    ['principal-id-back', 'subject', () => idCardBack({ seed: 2, width: 3000, height: 2250 })],
    ['principal-id-handheld', 'subject', () => handheld({ seed: 2, width: 2250, height: 3000 })],
    ['security-id-front', 'site', () => idCardFront({ seed: 3, width: 3000, height: 2250 })],
    ['security-id-back', 'site', () => idCardBack({ seed: 3, width: 3000, height: 2250 })],
    ['security-id-handheld', 'site', () => handheld({ seed: 3, width: 2250, height: 3000 })],
    ['domain-certificate', 'site', () => domainCertificate({ mode: 'scan', width: 2400 })],
  ]
  const files = createMaterialFiles(dataDir)
  const materials: Material[] = []
  for (const [slot, kind, make] of images) {
    const data = await capped(await make())
    const { width = 0, height = 0 } = await sharp(data).metadata()
    const sha256 = createHash('sha256').update(data).digest('hex')
    const m = makeMaterial(kind, kind === 'subject' ? subject.id : site.id, slot, {
      bytes: data.length,
      width,
      height,
      sha256,
    })
    await files.write(m.compressedFile, data)
    materials.push(m)
  }
  return { ws: { subjects: [subject], sites: [site], materials }, siteId: site.id }
}

export async function runPacketBench(): Promise<boolean> {
  const runs = Number(arg('--runs') ?? 7)
  const scratch = await mkdtemp(join(tmpdir(), 'bench-packet-'))
  try {
    console.log('packet: generating 8 synthetic materials …')
    const { ws, siteId } = await benchWorkspace(join(scratch, 'data'))
    const files = createMaterialFiles(join(scratch, 'data'))
    const bytes = ws.materials.reduce((a, m) => a + m.bytes, 0)
    const once = async (format: 'folder' | 'zip', i: number) => {
      const t0 = performance.now()
      const c0 = process.cpuUsage()
      // Forced only so the timing never depends on the synthetic data passing every rule.
      const s = await exportPacket(ws, files, {
        siteId,
        format,
        target: join(scratch, `out-${format}-${i}`),
        force: true,
      })
      const cpu = process.cpuUsage(c0)
      return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, images: s.files.length }
    }
    await once('folder', -1) // warm-up: font parse, sharp and pdf-lib JIT
    const times: Record<'folder' | 'zip', number[]> = { folder: [], zip: [] }
    const cpu: Record<'folder' | 'zip', number[]> = { folder: [], zip: [] }
    let images = 0
    for (let i = 0; i < runs; i++) {
      for (const format of ['folder', 'zip'] as const) {
        const r = await once(format, i)
        times[format].push(r.ms)
        cpu[format].push(r.cpuMs)
        images = r.images
      }
    }
    const rows = (['folder', 'zip'] as const).map((f) => ({
      format: f,
      median: median(times[f]),
      p90: quantile(times[f], 0.9),
      max: Math.max(...times[f]),
      cpuMedian: median(cpu[f]),
    }))
    const pass = images === 8 && rows.every((r) => r.median <= TARGET_MS)
    const md = [
      `# Packet export: one site, ${images} images (${(bytes / 1e6).toFixed(2)} MB) + both PDFs + fill list + manifest`,
      `${availableParallelism()} cores, Node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${runs} runs per format after a warm-up; target median ≤ ${TARGET_MS} ms.`,
      '',
      'Wall time decides the target; CPU time (all threads of the process) shows the cost apart from the load.',
      '',
      '| format | median ms | p90 ms | max ms | CPU median ms | target |',
      '|---|---:|---:|---:|---:|---|',
      ...rows.map(
        (r) =>
          `| ${r.format} | ${r.median.toFixed(0)} | ${r.p90.toFixed(0)} | ${r.max.toFixed(0)} | ${r.cpuMedian.toFixed(0)} | ${r.median <= TARGET_MS ? 'PASS' : 'FAIL'} |`,
      ),
      '',
    ].join('\n')
    console.log(md)
    const dir = join(root, 'bench/results')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'packet.md'), md)
    await writeFile(
      join(dir, 'packet.json'),
      `${JSON.stringify({ targetMs: TARGET_MS, runs, images, bytes, rows, times, cpu }, null, 2)}\n`,
    )
    // 100 sites at once (bench/packet-many.ts); --skip-packet-many leaves it out.
    const many = process.argv.includes('--skip-packet-many') ? true : await runPacketManyBench()
    return pass && many
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pass = await runPacketBench()
  process.exitCode = !pass && process.argv.includes('--strict') ? 1 : 0
}
