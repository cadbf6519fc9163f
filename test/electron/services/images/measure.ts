/**
 * Measurement script (not a test): compresses every file in a folder one by one and prints
 * bytes, quality, chosen long side, trial encodes and time per image, then the same set as
 * a batch (imageBatchConcurrency() at a time). Usage: npx tsx test/electron/services/images/measure.ts [dir] [maxBytes]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBatch } from '../../../../electron/main/services/batch-compress'
import { imageBatchConcurrency } from '../../../../electron/main/services/images/batch'
import { compressImage, ImageInputError } from '../../../../electron/main/services/images'

const dir = process.argv[2] ?? 'test/fixtures/generated'
const maxBytes = Number(process.argv[3] ?? 512_000)
const files = readdirSync(dir).filter((f) => /\.(jpe?g|png|webp|tiff?|gif|bmp|avif|heic|pdf)$/i.test(f))
const rows: string[] = []
const walls: number[] = []
for (const f of files) {
  const input = readFileSync(join(dir, f))
  const cpu = process.cpuUsage()
  const t = performance.now()
  try {
    const r = await compressImage(input, {
      maxBytes,
      idCard: f.startsWith('id-'),
      colourRequired: f.startsWith('domain'),
    })
    const wall = performance.now() - t
    const used = process.cpuUsage(cpu)
    walls.push(wall)
    rows.push(
      [
        f,
        r.sourceFormat,
        input.length,
        r.jpeg.length,
        `${r.width}×${r.height}`,
        r.quality,
        r.encodes,
        wall.toFixed(0),
        ((used.user + used.system) / 1000).toFixed(0),
        r.warnings.join(',') || '-',
      ].join(' | '),
    )
  } catch (e) {
    rows.push(`${f} | error ${e instanceof ImageInputError ? e.code : String(e)}`)
  }
}
console.log('file | format | in bytes | out bytes | size | q | encodes | wall ms | cpu ms | warnings')
console.log(rows.join('\n'))
const sorted = [...walls].sort((a, b) => a - b)
const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(0)
console.log(`sequential: n=${sorted.length} median ${pick(0.5)} ms, p95 ${pick(0.95)} ms`)
const outDir = mkdtempSync(join(tmpdir(), 'beian-measure-'))
const t = performance.now()
const { results } = await runBatch(
  { batchId: 'measure', paths: files.map((f) => join(dir, f)), outDir, maxBytes },
  { started: () => undefined, progress: () => undefined },
)
console.log(
  `batch of ${results.length} (${imageBatchConcurrency()} at a time): ${(performance.now() - t).toFixed(0)} ms, all ≤ cap: ${results.every((r) => 'error' in r || r.bytes <= maxBytes)}`,
)
rmSync(outDir, { recursive: true, force: true })
