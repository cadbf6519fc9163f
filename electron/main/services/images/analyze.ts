/** Statistics for the checks in core/images/checks.ts, measured on a normalised-size copy. */
import {
  ANALYSIS_LONG_SIDE,
  GRAY_CHROMA_LEVEL,
  TAIL_SHARE,
  type ImageStats,
} from '../../../../core/images/checks'
import { openRaw, type RawImage } from './sharp-options'

type Small = { data: Buffer; width: number; height: number }

function lumaOf(img: Small): Float32Array {
  const n = img.width * img.height
  const y = new Float32Array(n)
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    y[i] = 0.299 * (img.data[p] ?? 0) + 0.587 * (img.data[p + 1] ?? 0) + 0.114 * (img.data[p + 2] ?? 0)
  }
  return y
}

/** Variance of the 4-neighbour Laplacian over the interior pixels. */
export function laplacianVariance(y: Float32Array, width: number, height: number): number {
  let sum = 0
  let sumSq = 0
  let n = 0
  for (let r = 1; r < height - 1; r++) {
    for (let c = 1; c < width - 1; c++) {
      const i = r * width + c
      const v =
        (y[i - 1] ?? 0) + (y[i + 1] ?? 0) + (y[i - width] ?? 0) + (y[i + width] ?? 0) - 4 * (y[i] ?? 0)
      sum += v
      sumSq += v * v
      n++
    }
  }
  if (n === 0) return 0
  const mean = sum / n
  return sumSq / n - mean * mean
}

type ColourStats = Omit<ImageStats, 'width' | 'height' | 'laplacianVariance'>

/** Luma below which `share` of the pixels lie, from a 256-bin histogram. */
function percentile(hist: Uint32Array, n: number, share: number): number {
  let seen = 0
  for (let v = 0; v < 256; v++) {
    seen += hist[v] ?? 0
    if (seen >= n * share) return v
  }
  return 255
}

function colourStats(img: Small, y: Float32Array): ColourStats {
  const n = img.width * img.height
  const hist = new Uint32Array(256)
  let lumaSum = 0
  let clipped = 0
  let coloured = 0
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    const l = y[i] ?? 0
    const bin = Math.min(255, Math.round(l))
    hist[bin] = (hist[bin] ?? 0) + 1
    lumaSum += l
    if (l >= 250) clipped++
    const r = img.data[p] ?? 0
    const g = img.data[p + 1] ?? 0
    const b = img.data[p + 2] ?? 0
    if (Math.max(r, g, b) - Math.min(r, g, b) > GRAY_CHROMA_LEVEL) coloured++
  }
  const total = Math.max(1, n)
  return {
    meanLuma: lumaSum / total,
    clippedFraction: clipped / total,
    colouredFraction: coloured / total,
    darkLuma: percentile(hist, total, TAIL_SHARE),
    brightLuma: percentile(hist, total, 1 - TAIL_SHARE),
  }
}

/** Measures an upright RGB image. `width`/`height` in the result are the image's own size. */
export async function measureImage(img: RawImage & { channels: 3 }): Promise<ImageStats> {
  const side = ANALYSIS_LONG_SIDE
  const { data, info } = await openRaw(img)
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const small = { data, width: info.width, height: info.height }
  const y = lumaOf(small)
  return {
    width: img.width,
    height: img.height,
    laplacianVariance: laplacianVariance(y, small.width, small.height),
    ...colourStats(small, y),
  }
}
