// Per-stage profile of the compressor (issue 13): for each input, wall time of decoding, of the
// checks' analysis, and inside the fit search of resizing, draft encodes, final (mozjpeg)
// encodes and ratio calibration, with the number of each. It runs the same pieces
// compressImage runs (decode → fitToCap over makeEncoders), one stage at a time, untimed by
// the main harness. Decoding goes through decodeInput in this thread (no worker pool).
// Run alone for the search's choices on a half: `nice -n 5 npx tsx bench/profile.ts --half tuning
// [--only <regex>] [--exclude <regex>] [--no-source-quality] [--score]` prints side, quality,
// bytes, share of the cap, finals (with --score SSIM@1600 and butteraugli), then the stages.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fitToCap } from '../core/images/fit'
import { LOSSLESS_MAX_QUALITY } from '../core/images/caps'
import { measureImage } from '../electron/main/services/images/analyze'
import { decodeInput } from '../electron/main/services/images/decode'
import { detectFormat } from '../electron/main/services/images/detect'
import { estimateJpegQuality } from '../electron/main/services/images/jpeg-strip'
import { withPinnedHalves } from '../scripts/photo-corpus'
import { assignHalves, ensureCorpus } from './corpus'
import { decodeReference } from './decode'
import { measure, prepareReference } from './metrics'
import { FINAL_TO_DRAFT, makeEncoders, type EncodeStage } from '../electron/main/services/images/encode'
import { median } from './stats'
import { CAP, type Input } from './tools'

type Stage = 'decode' | 'analyze' | EncodeStage
const STAGES: readonly Stage[] = ['decode', 'analyze', 'resize', 'draft', 'final', 'calibrate']

export type Profile = {
  input: string
  group?: string
  ms: Record<Stage, number>
  n: Record<Stage, number>
  totalMs: number
  side: number
  quality: number
  /** Output bytes (the source's, when it is kept). */
  bytes: number
  /** The output itself (the source, when it is kept). */
  jpeg?: Uint8Array
  /** With --score: SSIM@1600 and butteraugli of the output against the reference. */
  ssim1600?: number
  butteraugli?: number
}

const zero = (): Record<Stage, number> => ({
  decode: 0,
  analyze: 0,
  resize: 0,
  draft: 0,
  final: 0,
  calibrate: 0,
})

export async function profileInput(input: Input): Promise<Profile> {
  const ms = zero()
  const n = zero()
  const add = (stage: Stage, t: number): void => {
    ms[stage] += t
    n[stage] += 1
  }
  const buf = await readFile(input.path)
  const format = detectFormat(buf.subarray(0, 4096)) ?? input.format
  const t0 = performance.now()
  const d = await decodeInput(buf, format, format === 'pdf' ? { pdfPage: 1 } : {})
  add('decode', performance.now() - t0)
  const t1 = performance.now()
  await measureImage(d)
  add('analyze', performance.now() - t1)
  let side = Math.max(d.width, d.height)
  let quality = 0
  let jpeg: Uint8Array | undefined = d.passthrough
  if (!(d.passthrough && d.passthrough.length <= CAP)) {
    const screenshot = ['png', 'gif', 'tiff', 'bmp'].includes(d.sourceFormat) && buf.length < CAP
    const fit = await fitToCap({
      longSide: side,
      maxBytes: CAP,
      finalToDraft: FINAL_TO_DRAFT,
      ...(screenshot ? { maxQuality: LOSSLESS_MAX_QUALITY } : {}),
      // As compressImage should pass it: an unedited JPEG source's own quality (fullSizeFloor).
      ...(d.passthrough && !process.argv.includes('--no-source-quality')
        ? { sourceJpegQuality: estimateJpegQuality(d.passthrough) }
        : {}),
      ...makeEncoders(d, { fullChroma: screenshot, onStage: add }),
    })
    side = fit.longSide
    quality = fit.quality
    jpeg = fit.bytes
  }
  const totalMs = performance.now() - t0
  return {
    input: input.name,
    group: input.group,
    ms,
    n,
    totalMs,
    side,
    quality,
    bytes: jpeg?.length ?? 0,
    jpeg,
  }
}

const s2 = (ms: number): string => (ms / 1000).toFixed(2)

/** Markdown: per-input rows, then the median per stage and each stage's share of the summed time. */
export function profileTable(ps: Profile[]): string {
  const head = `| input | total s | ${STAGES.map((s) => `${s} s (n)`).join(' | ')} | result |\n|---|---|${STAGES.map(() => '---|').join('')}---|`
  const rows = ps.map(
    (p) =>
      `| ${p.input} | ${s2(p.totalMs)} | ${STAGES.map((s) => `${s2(p.ms[s])} (${p.n[s]})`).join(' | ')} | ${p.quality ? `${p.side} px q${p.quality}` : 'source kept'} |`,
  )
  const sum = ps.reduce((a, p) => a + p.totalMs, 0)
  const med = `| **median** | ${s2(median(ps.map((p) => p.totalMs)))} | ${STAGES.map((s) => `${s2(median(ps.map((p) => p.ms[s])))} (${median(ps.map((p) => p.n[s]))})`).join(' | ')} | |`
  const share = `| **share of total** | 100 % | ${STAGES.map((s) => `${((100 * ps.reduce((a, p) => a + p.ms[s], 0)) / Math.max(1, sum)).toFixed(0)} %`).join(' | ')} | |`
  return [head, ...rows, med, share].join('\n')
}

/** SSIM@1600 and butteraugli of the profiled output, as bench/run.ts scores every tool. */
async function score(input: Input, p: Profile): Promise<void> {
  if (!p.jpeg) return
  const scratch = await mkdtemp(join(tmpdir(), 'bench-p-'))
  try {
    const ref = await prepareReference(await decodeReference(input.path, input.format), scratch)
    const out = join(scratch, 'out.jpg')
    await writeFile(out, p.jpeg)
    const q = await measure(ref, out, scratch)
    p.ssim1600 = q.ssim1600
    p.butteraugli = q.butteraugli
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** Markdown: the search's choice per input, its share of the cap and the finals it took. */
export function choiceTable(ps: Profile[]): string {
  const rows = ps.map(
    (p) =>
      `| ${p.input} | ${p.quality ? `${p.side} px q${p.quality}` : 'source kept'} | ${p.bytes} | ${((100 * p.bytes) / CAP).toFixed(1)} % | ${p.n.final} | ${p.n.draft} | ${s2(p.totalMs)} | ${p.ssim1600?.toFixed(4) ?? '—'} | ${p.butteraugli?.toFixed(2) ?? '—'} |`,
  )
  const searched = ps.filter((p) => p.quality > 0)
  const fill = median(searched.map((p) => p.bytes / CAP))
  const finals = searched.reduce((a, p) => a + p.n.final, 0) / Math.max(1, searched.length)
  return [
    '| input | choice | bytes | of cap | finals | drafts | total s | SSIM@1600 | butteraugli |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    `| **searched: ${searched.length}** | | | median ${(100 * fill).toFixed(1)} % | mean ${finals.toFixed(2)} | | | | |`,
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name)
    return i > 0 ? process.argv[i + 1] : undefined
  }
  const root = fileURLToPath(new URL('..', import.meta.url))
  const corpus = await ensureCorpus(root, () => undefined)
  const [only, exclude, half] = [arg('--only'), arg('--exclude'), arg('--half')]
  const inputs = withPinnedHalves(corpus.inputs, assignHalves).filter(
    (i) =>
      (!only || new RegExp(only).test(i.name)) &&
      (!exclude || !new RegExp(exclude).test(i.name)) &&
      (!half || i.half === half),
  )
  const ps: Profile[] = []
  for (const i of inputs) {
    const p = await profileInput(i)
    if (process.argv.includes('--score')) await score(i, p)
    ps.push(p)
    console.error(`  ${i.name}`)
  }
  console.log(choiceTable(ps))
  console.log('')
  console.log(profileTable(ps))
}
