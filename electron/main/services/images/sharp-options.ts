/**
 * The one place that creates sharp pipelines. Every sharp call in this folder goes through
 * `openSharp` / `openRaw`, so the safety limits cannot be forgotten at a call site.
 */
import { availableParallelism } from 'node:os'
import sharp from 'sharp'
import type { Sharp } from 'sharp'
import { MAX_INPUT_PIXELS } from './errors'

/**
 * failOn 'error': aborts on decode errors and truncation (a truncated JPEG is refused instead of
 * being padded with grey, as it is at 'none'), but tolerates libjpeg *warnings* such as
 * "extraneous bytes before marker", which many real phone photos trigger and which the
 * default 'warning' would refuse. Invalid metadata still aborts at every level. Memory safety
 * comes from limitInputPixels, checked before any pixel is allocated.
 */
export const FAIL_ON = 'error' as const

/** Backstop per pipeline; libvips checks it coarsely (a 1 s setting fired at ~4.7 s). */
export const SHARP_TIMEOUT_SECONDS = 30

/** libvips loaders allowed after `sharp.block({ operation: ['VipsForeignLoad'] })`. Buffers only: never a path. */
export const ALLOWED_LOADERS = [
  'VipsForeignLoadJpegBuffer',
  'VipsForeignLoadPngBuffer',
  'VipsForeignLoadWebpBuffer',
  'VipsForeignLoadTiffBuffer',
  'VipsForeignLoadNsgifBuffer',
  'VipsForeignLoadHeifBuffer',
] as const

let configured = false

/** Process-wide sharp settings: loaders allow-list, threads for 2 cores, a small cache. */
export function configureSharp(): void {
  if (configured) return
  configured = true
  sharp.block({ operation: ['VipsForeignLoad'] })
  sharp.unblock({ operation: [...ALLOWED_LOADERS] })
  // libvips threads per pipeline; batches run two pipelines at once (see batch.ts).
  sharp.concurrency(Math.max(1, Math.min(2, availableParallelism())))
  // Nothing is read from files; keep the operation cache small (raw buffers are large).
  sharp.cache({ memory: 64, files: 0, items: 50 })
}

export type SharpInputOptions = {
  limitInputPixels: number
  failOn: typeof FAIL_ON
  autoOrient: boolean
  sequentialRead: boolean
  page?: number
  raw?: { width: number; height: number; channels: 1 | 2 | 3 | 4 }
}

/** Options for every sharp call: numeric pixel limit, failOn, autoOrient; never unlimited/animated. */
export function sharpOptions(extra: Pick<SharpInputOptions, 'raw' | 'page'> = {}): SharpInputOptions {
  return {
    limitInputPixels: MAX_INPUT_PIXELS,
    failOn: FAIL_ON,
    autoOrient: true,
    sequentialRead: true,
    ...extra,
  }
}

/** A pipeline over an encoded image held in memory. */
export function openSharp(input: Buffer): Sharp {
  configureSharp()
  return sharp(input, sharpOptions()).timeout({ seconds: SHARP_TIMEOUT_SECONDS })
}

export type RawImage = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 }

/** A pipeline over decoded pixels (already upright). */
export function openRaw(img: RawImage): Sharp {
  configureSharp()
  const raw = { width: img.width, height: img.height, channels: img.channels }
  return sharp(img.data, sharpOptions({ raw })).timeout({ seconds: SHARP_TIMEOUT_SECONDS })
}
