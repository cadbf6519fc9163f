/**
 * Types shared by the fit-to-cap search (fit.ts and its parts): what the caller asks for,
 * what it gets back, and the search's own notes on a side and quality.
 */
export type EncodeTrial = {
  longSide: number
  quality: number
  draft: boolean
  /**
   * A final encoded compactly (progressive, optimised scans): 1–2.3 % smaller than the usual
   * final at the same quality, same pixels, about 1.5× its time. Only ever a final.
   */
  compact?: boolean
}
export type Encoder = (trial: EncodeTrial) => Promise<Uint8Array>

export type FitRequest = {
  /** Upright long side of the source in pixels. */
  longSide: number
  /** Hard cap in bytes: the result is never larger. */
  maxBytes: number
  /** Softer wish (e.g. the size of an already-small source): not exceeded unless quality would drop below GOOD_QUALITY. */
  preferBytes?: number
  /**
   * Expected final/draft size ratio at equal quality (measured ≈ 0.77 for mozjpeg vs the
   * unoptimised draft on photos and documents). The draft search aims at cap / ratio; the
   * real ratio measured on the first final encode then steers any correction. Default 1.
   */
  finalToDraft?: number
  /** Highest quality tried (default MAX_QUALITY), e.g. LOSSLESS_MAX_QUALITY for small screenshots. */
  maxQuality?: number
  /**
   * Estimated IJG quality of the source when the pixels are a JPEG decoded at its own size and
   * orientation, unedited (its 8/16-px block grid is intact). Lowers the floor at full size to
   * that quality (see fullSizeFloor in caps.ts). Leave it out for any other source.
   */
  sourceJpegQuality?: number
  /**
   * The picture's detail exponent (core/images/detail.ts); measured by the search when left out
   * (two drafts, for sources from LARGE_SIDE up). Sets the floors of sides from LARGE_SIDE up.
   */
  detailExponent?: number
  /**
   * A core is free for this search (one picture at a time, not a batch): the first final is
   * encoded beside the next quality step's, so the budget rule's step costs no waiting. A
   * function is asked when the first final starts (the machine's state then decides).
   */
  parallelFinals?: boolean | (() => boolean)
  encode: Encoder
  /**
   * Measures the final/draft ratio for this picture at a side and quality (e.g. on sampled
   * bands). When given, the draft search is re-aimed with it before the first final encode.
   */
  calibrate?: (longSide: number, quality: number) => Promise<number | undefined>
}

export type FitTrial = EncodeTrial & { bytes: number }
export type FitResult = {
  bytes: Uint8Array
  longSide: number
  quality: number
  encodes: number
  trials: FitTrial[]
}

/** Thrown when not even the smallest side at MIN_QUALITY fits (a cap of a few hundred bytes). */
export class CapUnreachableError extends Error {
  constructor(readonly maxBytes: number) {
    super(`cap ${maxBytes} bytes cannot be reached`)
    this.name = 'CapUnreachableError'
  }
}

/** A side and quality whose draft fits, with the draft's bytes. */
export type Choice = { side: number; quality: number; bytes: number }
/** A draft choice plus the size the final encode may grow into. */
export type Plan = Choice & { target: number; raise: boolean; hi: number }
/** A final (mozjpeg) encode with its bytes. */
export type Final = Choice & { out: Uint8Array }
/** The next final to try. */
export type Next = { side: number; quality: number }
/** Expected final/draft size ratio at a long side. */
export type Ratio = (side: number) => number
