// Exhaustive-search reference (issue 13): mozjpeg (sharp, trellis + optimised progressive scans)
// at full size, then 3000 px, then 2400 px; at each side the highest quality whose file fits the
// cap; of those, the output with the best SSIM@1600 against the upright original. It is a
// reference, not a contender: slow by design, so its time is reported but never a target.
// Results are cached in bench/results/exhaustive-cache/ (git-ignored), keyed by the input's
// sha256, the cap and EXHAUSTIVE_VERSION: a re-run reuses them (its time is then the cache read,
// and the note says so). `--fresh-exhaustive` ignores the cache.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { decodeReference, pdfToPng, toRgb, type Rgb } from './decode'
import { luma, ssim } from './ssim'
import { CAP, type Input, type RunResult } from './tools'

export const EXHAUSTIVE_SIDES = [3000, 2400] as const

const raw = (r: Rgb) => ({ raw: { width: r.width, height: r.height, channels: 3 as const } })

async function resized(r: Rgb, long: number): Promise<Rgb> {
  const k = long / Math.max(r.width, r.height)
  if (k >= 1) return r
  const [w, h] = [Math.round(r.width * k), Math.round(r.height * k)]
  const { data, info } = await sharp(r.data, raw(r))
    .resize(w, h, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

const mozjpeg = (r: Rgb, quality: number): Promise<Buffer> =>
  sharp(r.data, raw(r)).jpeg({ quality, mozjpeg: true }).toBuffer()

/**
 * Highest quality in 1–100 whose file fits: every quality is a candidate. The bracket [fits,
 * over] shrinks by interpolating log(bytes) between its ends (bisection when an end is not
 * measured yet, or when interpolation lands on an end), then the quality two above the answer
 * is tried as well, since mozjpeg's size is not strictly monotone.
 */
export async function highestFitting(
  encode: (q: number) => Promise<Buffer>,
  cap: number,
): Promise<{ quality: number; jpeg: Buffer } | null> {
  let lo = { q: 0, bytes: 0 } // fits (q 0: none yet)
  let hi = { q: 101, bytes: 0 } // over (q 101: beyond the scale)
  let best: { quality: number; jpeg: Buffer } | null = null
  let q = 90
  while (hi.q - lo.q > 1) {
    const jpeg = await encode(q)
    if (jpeg.length <= cap)
      [lo, best] = [
        { q, bytes: jpeg.length },
        { quality: q, jpeg },
      ]
    else hi = { q, bytes: jpeg.length }
    q = nextQuality(lo, hi, cap)
  }
  if (lo.q + 2 <= 100) {
    const jpeg = await encode(lo.q + 2)
    if (jpeg.length <= cap) return { quality: lo.q + 2, jpeg }
  }
  return best
}

/** Strictly inside the bracket. */
const clamp = (q: number, lo: number, hi: number): number => Math.min(hi - 1, Math.max(lo + 1, q))

function nextQuality(
  lo: { q: number; bytes: number },
  hi: { q: number; bytes: number },
  cap: number,
): number {
  const mid = (lo.q + hi.q) >> 1
  if (lo.bytes <= 0 || hi.bytes <= 0) {
    // One end only: step by the usual slope (≈ 4 % per quality step) from the measured one.
    const [ref, sign] = lo.bytes > 0 ? [lo, 1] : [hi, -1]
    const step = Math.round(Math.log(cap / Math.max(1, ref.bytes)) / 0.04)
    return clamp(ref.q + sign * Math.max(1, Math.abs(step)), lo.q, hi.q)
  }
  const f = Math.log(cap / lo.bytes) / Math.log(hi.bytes / lo.bytes)
  return Number.isFinite(f) ? clamp(Math.floor(lo.q + f * (hi.q - lo.q)), lo.q, hi.q) : mid
}

async function ssimAt1600(ref: Rgb, jpeg: Buffer): Promise<number> {
  const r = await resized(ref, 1600)
  const { data, info } = await sharp(jpeg)
    .resize(r.width, r.height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return ssim(
    luma(r.data, r.width, r.height),
    luma(data, info.width, info.height, info.channels),
    r.width,
    r.height,
  )
}

/** PDFs are rasterised by pdftoppm at 200 dpi, as the other tools get them. */
async function source(input: Input, scratch: string): Promise<Rgb> {
  if (input.format !== 'pdf') return decodeReference(input.path, input.format)
  return toRgb(sharp(await readFile(await pdfToPng(input.path, 200, join(scratch, 'ex-page')))))
}

/** Bump when the search or its scoring changes, so cached references are not reused. */
const EXHAUSTIVE_VERSION = 1
const cacheDir = fileURLToPath(new URL('results/exhaustive-cache/', import.meta.url))
type Cached = { quality: number; notes: string[]; seconds: number; at: string }

async function cacheKey(input: Input): Promise<string> {
  const h = createHash('sha256').update(await readFile(input.path))
  return h.update(`|${CAP}|v${EXHAUSTIVE_VERSION}`).digest('hex').slice(0, 32)
}

/** The exhaustive search, or its cached result for the same input bytes, cap and version. */
export async function exhaustiveSearch(
  input: Input,
  out: string,
  scratch: string,
): Promise<Partial<RunResult>> {
  const key = await cacheKey(input)
  const [jpegFile, metaFile] = [join(cacheDir, `${key}.jpg`), join(cacheDir, `${key}.json`)]
  if (!process.argv.includes('--fresh-exhaustive') && existsSync(jpegFile) && existsSync(metaFile)) {
    const meta = JSON.parse(await readFile(metaFile, 'utf8')) as Cached
    await writeFile(out, await readFile(jpegFile))
    const from = `(cached: searched in ${meta.seconds.toFixed(1)} s at ${meta.at})`
    return { quality: meta.quality, notes: meta.notes.map((n) => `${n} ${from}`) }
  }
  const t0 = performance.now()
  const r = await searchAllSides(input, out, scratch)
  await mkdir(cacheDir, { recursive: true })
  const meta: Cached = {
    quality: r.quality ?? 0,
    notes: r.notes ?? [],
    seconds: (performance.now() - t0) / 1000,
    at: new Date().toISOString(),
  }
  await writeFile(`${jpegFile}.tmp`, await readFile(out))
  await rename(`${jpegFile}.tmp`, jpegFile)
  await writeFile(`${metaFile}.tmp`, JSON.stringify(meta))
  await rename(`${metaFile}.tmp`, metaFile)
  return r
}

async function searchAllSides(input: Input, out: string, scratch: string): Promise<Partial<RunResult>> {
  const full = await source(input, scratch)
  const long = Math.max(full.width, full.height)
  const sides = [long, ...EXHAUSTIVE_SIDES.filter((s) => s < long)]
  let best: { side: number; quality: number; jpeg: Buffer; ssim: number } | null = null
  const tried: string[] = []
  for (const side of sides) {
    const pixels = await resized(full, side)
    const fit = await highestFitting((q) => mozjpeg(pixels, q), CAP)
    if (!fit) continue
    const score = await ssimAt1600(full, fit.jpeg)
    tried.push(`${side} px q${fit.quality} ${fit.jpeg.length} B SSIM@1600 ${score.toFixed(4)}`)
    if (!best || score > best.ssim) best = { side, ...fit, ssim: score }
  }
  if (!best) throw new Error('no side fits the cap at quality 1')
  await writeFile(out, best.jpeg)
  return {
    quality: best.quality,
    notes: [`${input.name}: ${tried.join('; ')}`],
  }
}
