/**
 * Trial encoders over the decoded pixels. Resized copies are made once per long side and
 * reused for every quality. Draft = baseline JPEG without trellis, scan or Huffman
 * optimisation (10–20× faster than the final) but with the same quantisation tables as the
 * final mozjpeg encode, so its sizes track the final ones by a fairly stable ratio.
 */
import type { Encoder } from '../../../../core/images/fit'
import { FULL_CHROMA_QUALITY, scaledSize } from '../../../../core/images/caps'
import { ImageInputError } from './errors'
import { openRaw, type RawImage } from './sharp-options'

/** Chroma subsampling: 4:4:4 from FULL_CHROMA_QUALITY up, or always when `full` (screenshots). */
const chroma = (quality: number, full: boolean) =>
  full || quality >= FULL_CHROMA_QUALITY ? '4:4:4' : '4:2:0'
const draftJpeg = (quality: number, full: boolean) =>
  ({
    quality,
    mozjpeg: false,
    optimiseCoding: false,
    quantisationTable: 3,
    chromaSubsampling: chroma(quality, full),
  }) as const

/**
 * Final (mozjpeg) / draft size ratio at equal quality. Measured on the generated corpus at
 * q84: 0.67–0.76 at 2000–2400 px, 0.78–0.86 at 640–1024 px (trellis gains more on the
 * smoother pixels of large images). Set near the top of the large-image range, so most first
 * finals land just under the cap instead of over it.
 */
export const FINAL_TO_DRAFT = 0.76
/**
 * mozjpeg with trellis quantisation (≈ 17 % smaller than without) but without scan
 * optimisation, baseline: measured at 2400–3000 px, optimiseScans costs 40–75 % more CPU
 * (e.g. 438 → 261 ms, 707 → 406 ms) for 0.9–2.3 % fewer bytes, i.e. about a third of a
 * quality step at the cap. The final encode is most of the time spent per image. `compact`
 * (progressive, optimised scans) is kept for the one step a usual final just missed (settle.ts).
 */
const finalJpeg = (quality: number, full: boolean, compact: boolean) =>
  ({
    quality,
    mozjpeg: true,
    optimiseScans: compact,
    progressive: compact,
    chromaSubsampling: chroma(quality, full),
  }) as const

/** A stage of the search and its wall time, for profiling (bench/profile.ts). */
export type EncodeStage = 'resize' | 'draft' | 'final' | 'calibrate'
export type EncoderOptions = {
  signal?: AbortSignal | undefined
  fullChroma?: boolean
  onStage?: (stage: EncodeStage, ms: number) => void
}

/** Share of the rows sampled to calibrate the final/draft ratio, in bands of BAND_ROWS rows. */
const SAMPLE_SHARE = 1 / 8
/** One MCU row (16 rows at 4:2:0): no block of the sample straddles two bands. */
const BAND_ROWS = 16
/** Fewer bands than this sample too little of the picture to be trusted: no calibration. */
const MIN_BANDS = 8

/**
 * Evenly spaced one-MCU-row bands stacked into one picture. Thin bands spread over the whole
 * height track the picture far better than a few thick ones for the same CPU: measured on the
 * corpus at 1600–4350 px, q70 and q85 (issue 13, fifth round), the final/draft ratio of 1/8 of
 * the rows as 16-row bands was within 1.2 % of the whole picture's at the 90th percentile (worst
 * 3.8 %), against 2.6 % (worst 13 %) for 8 thick bands of the same rows. That error is what the
 * first final's aim must leave room for (CALIBRATED_FILL), so it decides how many finals a
 * picture costs. 20–45 ms of CPU instead of a second 250–450 ms final encode.
 */
export function sampleBands(img: RawImage): RawImage | null {
  const count = Math.floor((img.height * SAMPLE_SHARE) / BAND_ROWS)
  if (count < MIN_BANDS) return null
  const row = img.width * img.channels
  const parts: Buffer[] = []
  for (let i = 0; i < count; i++) {
    // Bands start on the 16-row MCU grid: a JPEG source at its own size keeps its block grid,
    // and a misaligned band re-cuts it (on a 2560×3837 photo: ratio 0.85 vs the whole 0.92).
    const y0 = Math.floor((((i + 0.5) * img.height) / count - BAND_ROWS / 2) / BAND_ROWS) * BAND_ROWS
    parts.push(img.data.subarray(y0 * row, (y0 + BAND_ROWS) * row))
  }
  return { data: Buffer.concat(parts), width: img.width, height: BAND_ROWS * count, channels: img.channels }
}

export type Encoders = {
  encode: Encoder
  /** Final/draft size ratio measured on sampled bands; undefined for pictures too small to sample. */
  calibrate: (longSide: number, quality: number) => Promise<number | undefined>
}

/** Output encoders for the fit search; they throw 'image/cancelled' once `signal` aborts. */
export function makeEncoders(img: RawImage, opts: EncoderOptions = {}): Encoders {
  const { signal, fullChroma = false, onStage } = opts
  const timed = async <T>(stage: EncodeStage, p: () => Promise<T>): Promise<T> => {
    if (!onStage) return p()
    const t0 = performance.now()
    const out = await p()
    onStage(stage, performance.now() - t0)
    return out
  }
  const resized = new Map<number, Promise<RawImage>>()
  const at = (longSide: number): Promise<RawImage> => {
    if (longSide >= Math.max(img.width, img.height)) return Promise.resolve(img)
    const cached = resized.get(longSide)
    if (cached) return cached
    const size = scaledSize(img.width, img.height, longSide)
    const p: Promise<RawImage> = timed('resize', () =>
      openRaw(img)
        .resize({ ...size, fit: 'fill', kernel: 'lanczos3' })
        .raw()
        .toBuffer({ resolveWithObject: true }),
    ).then(({ data, info }) => ({ data, width: info.width, height: info.height, channels: img.channels }))
    resized.set(longSide, p)
    return p
  }
  const jpeg = (src: RawImage, quality: number, draft: boolean, compact = false) => {
    if (signal?.aborted) throw new ImageInputError('image/cancelled')
    return openRaw(src)
      .jpeg(draft ? draftJpeg(quality, fullChroma) : finalJpeg(quality, fullChroma, compact))
      .toBuffer()
  }
  return {
    encode: async ({ longSide, quality, draft, compact }) => {
      const src = await at(longSide)
      return timed(draft ? 'draft' : 'final', () => jpeg(src, quality, draft, compact))
    },
    calibrate: async (longSide, quality) => {
      const sample = sampleBands(await at(longSide))
      if (!sample) return undefined
      return timed('calibrate', async () => {
        const [d, f] = await Promise.all([jpeg(sample, quality, true), jpeg(sample, quality, false)])
        return f.length / Math.max(1, d.length)
      })
    },
  }
}

/** Output encoder for the fit search (see makeEncoders). */
export const makeEncoder = (img: RawImage, opts: EncoderOptions = {}): Encoder =>
  makeEncoders(img, opts).encode
