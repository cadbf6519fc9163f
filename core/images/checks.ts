/**
 * Quality checks shown on every material: thresholds as named data plus pure decisions.
 * The statistics are measured in Node (electron/main/services/images/analyze.ts) on a grey
 * copy normalised to ANALYSIS_LONG_SIDE; thresholds were calibrated on generated fixtures
 * (see test/core/images/checks.test.ts and test/electron/services/images/analyze.test.ts).
 */
import type { ImageWarningCode, SlotKey } from '../model'

/** Long side the statistics are measured at (smaller images are measured as they are). */
export const ANALYSIS_LONG_SIDE = 1024

/** Upright long side below which a material is "too small" (a 300 dpi ID-card scan is ~1011 px). */
export const TOO_SMALL_LONG_SIDE = 800

/**
 * Variance of the 4-neighbour Laplacian on the normalised luma image. Calibrated on a
 * generated 1600 px text page: sharp ≈ 15 000, Gaussian blur σ=1 px ≈ 4 400, σ=2 px ≈ 270
 * (small text no longer readable), σ=3 px ≈ 35. Featureless pictures also score low.
 */
export const BLURRY_LAPLACIAN_VARIANCE = 300

/**
 * Greyscale when fewer than 0.4 % of pixels have a channel spread above 16 levels: a grey
 * scan measures 0, the generated licence (blue header, red seal) 8 %, tinted paper stays below 16.
 */
export const GRAY_COLOURED_FRACTION = 0.004
export const GRAY_CHROMA_LEVEL = 16

/** Share of pixels in each tail used for darkLuma / brightLuma (0.5 %: small text still counts). */
export const TAIL_SHARE = 0.005

/** Too dark: mean luma (0–255, BT.601) below this AND even the brightest 0.5 % is dim. */
export const DARK_MEAN_LUMA = 70
export const DARK_BRIGHT_LUMA = 190
/**
 * Overexposed: many clipped pixels (luma ≥ 250) AND even the darkest 0.5 % is light, i.e. the
 * text itself is washed out. A clean white scan with dark text is not overexposed.
 */
export const OVEREXPOSED_CLIPPED_FRACTION = 0.3
export const OVEREXPOSED_DARK_LUMA = 150

/** 居民身份证 card: 85.6 mm × 54 mm. */
export const ID_CARD_ASPECT = 85.6 / 54
/**
 * Plausible long/short ratios for an ID-card slot. People photograph the card on a desk, so
 * 4:3, 3:2 and 16:9 phone frames and close crops (1.585) all pass; a square, a tall phone
 * screenshot or a panorama is not an ID-card picture.
 */
export const ID_CARD_ASPECT_MIN = 1.25
export const ID_CARD_ASPECT_MAX = 1.95

export type ImageStats = {
  width: number
  height: number
  laplacianVariance: number
  meanLuma: number
  /** Share (0–1) of pixels with luma ≥ 250. */
  clippedFraction: number
  /** Share (0–1) of pixels whose channels differ by more than GRAY_CHROMA_LEVEL. */
  colouredFraction: number
  /** Luma of the darkest TAIL_SHARE of pixels (text on a good page is near 0–80). */
  darkLuma: number
  /** Luma of the brightest TAIL_SHARE of pixels. */
  brightLuma: number
}

export type CheckOptions = { colourRequired?: boolean; idCard?: boolean }

export const isTooSmall = (s: Pick<ImageStats, 'width' | 'height'>): boolean =>
  Math.max(s.width, s.height) < TOO_SMALL_LONG_SIDE

export const isBlurry = (s: Pick<ImageStats, 'laplacianVariance'>): boolean =>
  s.laplacianVariance < BLURRY_LAPLACIAN_VARIANCE

export const isGrayscale = (s: Pick<ImageStats, 'colouredFraction'>): boolean =>
  s.colouredFraction < GRAY_COLOURED_FRACTION

export const isTooDark = (s: Pick<ImageStats, 'meanLuma' | 'brightLuma'>): boolean =>
  s.meanLuma < DARK_MEAN_LUMA && s.brightLuma < DARK_BRIGHT_LUMA

export const isOverexposed = (s: Pick<ImageStats, 'clippedFraction' | 'darkLuma'>): boolean =>
  s.clippedFraction > OVEREXPOSED_CLIPPED_FRACTION && s.darkLuma > OVEREXPOSED_DARK_LUMA

/** True when the picture, either way round, cannot be a photo or scan of an ID card. */
export function isOddIdCardAspect(s: Pick<ImageStats, 'width' | 'height'>): boolean {
  const ratio = Math.max(s.width, s.height) / Math.max(1, Math.min(s.width, s.height))
  return ratio < ID_CARD_ASPECT_MIN || ratio > ID_CARD_ASPECT_MAX
}

/** Warnings for one material, in a stable order. */
export function imageWarnings(s: ImageStats, opts: CheckOptions = {}): ImageWarningCode[] {
  const out: ImageWarningCode[] = []
  if (isTooSmall(s)) out.push('too-small')
  if (isBlurry(s)) out.push('blurry')
  if (opts.colourRequired && isGrayscale(s)) out.push('grayscale')
  if (isTooDark(s)) out.push('too-dark')
  if (isOverexposed(s)) out.push('overexposed')
  if (opts.idCard && isOddIdCardAspect(s)) out.push('odd-aspect')
  return out
}

/** What the blocking rule needs to know about a slot (a SlotSpec fits). */
export type WarningSlot = { key: SlotKey; colourRequired: boolean; idCard: boolean }

/** An identity-document slot: the ID card's front, back or the hand-held photo. */
export const isIdSlot = (slot: Pick<WarningSlot, 'key' | 'idCard'>): boolean =>
  slot.idCard || slot.key.includes('-id-')

/** A certificate slot: 单位证件, 域名证书, a 前置许可 or any other permit or licence. */
export const isCertificateSlot = (slot: Pick<WarningSlot, 'key' | 'colourRequired'>): boolean =>
  slot.colourRequired || /certificate|licence|permit/.test(slot.key)

/**
 * True when a warning keeps the material from counting as ready (and the export refuses it).
 * Below TOO_SMALL_LONG_SIDE the portal's reviewers cannot read an ID card or a certificate,
 * so too-small blocks on those slots; every other warning is advice: the measures are
 * heuristics, and a false alarm must never stop a user from filing.
 */
export function isBlockingWarning(code: ImageWarningCode, slot: WarningSlot): boolean {
  return code === 'too-small' && (isIdSlot(slot) || isCertificateSlot(slot))
}

/** The warnings of a material split into what blocks and what only advises. */
export function splitWarnings(
  codes: readonly ImageWarningCode[],
  slot: WarningSlot,
): { blocking: ImageWarningCode[]; advisory: ImageWarningCode[] } {
  return {
    blocking: codes.filter((c) => isBlockingWarning(c, slot)),
    advisory: codes.filter((c) => !isBlockingWarning(c, slot)),
  }
}

/** Chinese explanation for each warning: what is wrong and how to fix it. */
export const IMAGE_WARNING_MESSAGES: Record<ImageWarningCode, string> = {
  'too-small': `图片分辨率过低（长边不足 ${TOO_SMALL_LONG_SIDE} 像素），文字可能看不清。请用原图或重新拍摄。`,
  blurry: '图片可能模糊（对焦不准或手抖）。请在光线充足处稳住手机重新拍摄。',
  grayscale: '图片是黑白（灰度）的，此材料要求彩色电子版。请用彩色扫描或拍照。',
  'too-dark': '图片过暗，细节可能看不清。请在光线充足处重新拍摄，或关闭滤镜。',
  overexposed: '图片过亮（大面积过曝），文字可能看不清。请避开强光、反光后重新拍摄。',
  'odd-aspect': '图片比例不像身份证照片（如正方形或手机长截图）。请直接拍摄证件，或裁剪到证件边缘。',
}

/** The explanation for one slot, naming it where the rule is specific to it (“域名证书须为彩色”). */
export function imageWarningMessage(code: ImageWarningCode, slotLabel: string): string {
  if (code === 'grayscale') return `图片是黑白（灰度）的，${slotLabel}须为彩色电子版。请用彩色扫描或拍照。`
  return IMAGE_WARNING_MESSAGES[code]
}
