// Writes the generated OCR set (test/fixtures/ocr-set.ts) to a folder: one JPEG per sample and
// truth.json with the expected fields and the true corners. Synthetic people and companies only.
// Usage: npx tsx scripts/make-ocr-set.ts <out-dir> [--per-kind N]
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { OCR_SET_SIZES, ocrSample } from '../test/fixtures/ocr-set'
import type { DocFace } from '../test/fixtures/ocr-photos'

const out = process.argv[2]
if (!out) {
  console.error('用法：npx tsx scripts/make-ocr-set.ts <输出目录> [--per-kind N]')
  process.exit(2)
}
const perKind = process.argv.includes('--per-kind')
  ? Number(process.argv[process.argv.indexOf('--per-kind') + 1])
  : undefined
await mkdir(out, { recursive: true })
const truth: unknown[] = []
for (const face of Object.keys(OCR_SET_SIZES) as DocFace[]) {
  for (let i = 0; i < Math.min(perKind ?? Infinity, OCR_SET_SIZES[face]); i++) {
    const s = await ocrSample(face, i)
    await writeFile(join(out, `${s.name}.jpg`), s.jpeg)
    truth.push({
      file: `${s.name}.jpg`,
      kind: face,
      fields: s.truth,
      corners: s.corners,
      backdrop: s.backdrop,
    })
  }
}
await writeFile(join(out, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`)
console.log(`${truth.length} images → ${out}`)
