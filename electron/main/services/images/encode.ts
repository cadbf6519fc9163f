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
const chroma = (quality: number, full: boolean) => (full || quality >= FULL_CHROMA_QUALITY ? '4:4:4' : '4:2:0')
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
const finalJpeg = (quality: number, full: boolean) =>
  ({ quality, mozjpeg: true, chromaSubsampling: chroma(quality, full) }) as const

export type EncoderOptions = { signal?: AbortSignal | undefined; fullChroma?: boolean }

/** Output encoder for the fit search; throws 'image/cancelled' once `signal` aborts. */
export function makeEncoder(img: RawImage, opts: EncoderOptions = {}): Encoder {
  const { signal, fullChroma = false } = opts
  const resized = new Map<number, Promise<RawImage>>()
  const at = (longSide: number): Promise<RawImage> => {
    if (longSide >= Math.max(img.width, img.height)) return Promise.resolve(img)
    const cached = resized.get(longSide)
    if (cached) return cached
    const size = scaledSize(img.width, img.height, longSide)
    const p: Promise<RawImage> = openRaw(img)
      .resize({ ...size, fit: 'fill', kernel: 'lanczos3' })
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, width: info.width, height: info.height, channels: img.channels }))
    resized.set(longSide, p)
    return p
  }
  return async ({ longSide, quality, draft }) => {
    if (signal?.aborted) throw new ImageInputError('image/cancelled')
    const src = await at(longSide)
    return openRaw(src)
      .jpeg(draft ? draftJpeg(quality, fullChroma) : finalJpeg(quality, fullChroma))
      .toBuffer()
  }
}
