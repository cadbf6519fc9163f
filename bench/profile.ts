// Per-stage profile of the compressor (issue 13): for each input, wall time of decoding, of the
// checks' analysis, and inside the fit search of resizing, draft encodes, final (mozjpeg)
// encodes and ratio calibration, with the number of each. It runs the same pieces
// compressImage runs (decode → fitToCap over makeEncoders), one stage at a time, untimed by
// the main harness. Decoding goes through decodeInput in this thread (no worker pool).
import { readFile } from 'node:fs/promises'
import { fitToCap } from '../core/images/fit'
import { LOSSLESS_MAX_QUALITY } from '../core/images/caps'
import { measureImage } from '../electron/main/services/images/analyze'
import { decodeInput } from '../electron/main/services/images/decode'
import { detectFormat } from '../electron/main/services/images/detect'
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
  if (!(d.passthrough && d.passthrough.length <= CAP)) {
    const screenshot = ['png', 'gif', 'tiff', 'bmp'].includes(d.sourceFormat) && buf.length < CAP
    const fit = await fitToCap({
      longSide: side,
      maxBytes: CAP,
      finalToDraft: FINAL_TO_DRAFT,
      ...(screenshot ? { maxQuality: LOSSLESS_MAX_QUALITY } : {}),
      ...makeEncoders(d, { fullChroma: screenshot, onStage: add }),
    })
    side = fit.longSide
    quality = fit.quality
  }
  return { input: input.name, group: input.group, ms, n, totalMs: performance.now() - t0, side, quality }
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
