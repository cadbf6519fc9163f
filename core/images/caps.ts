/**
 * Size caps and quality bounds for the fit-to-cap search, as data.
 * Pure: no Node, no sharp. The numbers are tuned for document photos and scans whose small
 * text must stay legible on the 公安备案 portal (each upload ≤ 512,000 bytes, JPEG).
 */

/**
 * Highest JPEG quality tried. Small inputs (ID-card scans, rendered PDF pages) leave most of
 * the cap unused at q92; spending it on q93–98 with full-resolution chroma measurably improves
 * fidelity (butteraugli) of coloured text and seals.
 */
export const MAX_QUALITY = 98
/**
 * Highest quality for a small lossless source (PNG/GIF/BMP/TIFF screenshot under the cap),
 * which is also encoded with full chroma at every quality. Measured on a 1400×990 PNG
 * certificate screenshot (mozjpeg, vs the PNG): 4:4:4 q90 butteraugli 1.99 at 169 KB beats
 * 4:2:0 q98 3.02 at 261 KB; 4:4:4 q96 / q97 / q98: 297 / 331 / 381 KB, butteraugli 1.26 /
 * 1.22 / 1.23, SSIM 0.9964 / 0.9973 / 0.9983. Butteraugli stops improving at q97 but SSIM
 * does not, and the best other tool reaches SSIM 0.9995 with 483 KB: q98 (the global maximum)
 * is the lowest setting within 0.002 of it. Kept as its own knob for that trade-off.
 */
export const LOSSLESS_MAX_QUALITY = MAX_QUALITY
/** From this quality up the encoder keeps full chroma resolution (4:4:4); below it 4:2:0, so the rate curve has no cliff where photos settle (80–94). */
export const FULL_CHROMA_QUALITY = 95
/** "Good" quality: at or above it we prefer to keep resolution rather than raise quality. */
export const GOOD_QUALITY = 80
/** Below this we first give up resolution (down to LEGIBLE_LONG_SIDE). */
export const FLOOR_QUALITY = 60
/** Last resort once every resolution step is exhausted. */
export const MIN_QUALITY = 25

/** Below this side we accept FLOOR_QUALITY; at and above it, the floors in QUALITY_FLOOR_BY_SIDE. */
export const LEGIBLE_LONG_SIDE = 1600

/**
 * Lowest quality accepted at a side before a smaller side is tried, largest sides first.
 * Above ~2400 px (full resolution, ~3000 px) we insist on GOOD_QUALITY: a sharper but blockier
 * full-size file reads worse than a clean 3000 px one. At 2000–2400 px, moderate quality still
 * beats dropping to 1600 px for small text when zoomed in.
 */
export const QUALITY_FLOOR_BY_SIDE: ReadonlyArray<readonly [minSide: number, minQuality: number]> = [
  [2600, GOOD_QUALITY],
  [2000, 72],
  [LEGIBLE_LONG_SIDE, 66],
  [0, FLOOR_QUALITY],
]

/** Preferred long sides below full resolution, largest first (px). */
export const LONG_SIDE_LADDER: readonly number[] = [
  3000, 2400, 2000, 1600, 1280, 1024, 800, 640, 480, 360, 240, 160, 96, 64, 32, 16,
]

/** A ladder step must be at least this much smaller than the side above it to be worth a try. */
const MIN_STEP_RATIO = 0.92

/** Aim slightly under the cap when correcting downward after a final encode overshot. */
export const TARGET_FILL = 0.985
/** Aim lower when raising quality after a final encode: a failed raise costs a whole mozjpeg encode. */
export const RAISE_FILL = 0.96
/**
 * Share of the cap a calibrated search aims at: the sampled ratio is within about ±4 % of the
 * whole picture's, so this keeps most first finals under the cap and above RAISE_BELOW.
 */
export const CALIBRATED_FILL = 0.97
/** A draft at or above this share of the target is "close enough": stop refining. */
export const CLOSE_ENOUGH = 0.93
/**
 * The stop rule: a final that fits and holds at least this share of the target ends the search;
 * below it the budget rule (settle.ts) spends the rest, at the price of another mozjpeg encode.
 *
 * Why 90 % and not 95 % (issue 13, third round): the first final aims at CALIBRATED_FILL (97 %)
 * with a ratio sampled to about ±4 %, so most first finals land at 92–97 %. On the tuning half
 * (20 searched inputs, bench/profile.ts) every search took 1 final at 90 %, median 94 % of the
 * cap; 12 of the 20 ended at 90–95 %, so a 95 % stop would add a final to 60 % of them (the final
 * is about half of a picture's time) to gain 2–3 % of bytes, about half a quality step, i.e.
 * ~0.0005 SSIM@1600, a quarter of the per-input tolerance. On 600 random rate curves (fit model):
 * finals per image 1.16 / 1.26 / 1.49 and median fill 94.8 / 95.4 / 96.8 % at 90 / 92 / 95 %.
 * The bytes a 95 % stop would add are not worth the time; under 90 % they are (a whole step or
 * more, or a larger side).
 */
export const RAISE_BELOW = 0.9

/**
 * Long sides to try for an image whose upright long side is `longSide`: full resolution
 * first, then each ladder step clearly below it. Never larger than the source.
 */
export function sideLadder(longSide: number): number[] {
  const full = Math.max(1, Math.round(longSide))
  const sides = [full]
  for (const step of LONG_SIDE_LADDER) {
    const last = sides[sides.length - 1] ?? full
    if (step <= last * MIN_STEP_RATIO) sides.push(step)
  }
  return sides
}

/** Lowest quality acceptable at a given side before trying a smaller side. */
export function minQualityFor(side: number, isLastSide: boolean): number {
  if (isLastSide) return MIN_QUALITY
  return QUALITY_FLOOR_BY_SIDE.find(([minSide]) => side >= minSide)?.[1] ?? FLOOR_QUALITY
}

/**
 * Floor at full size for a source that is a JPEG decoded at its own size (block grid intact)
 * with estimated quality `sourceQuality`: the side's floor, lowered to the source's own
 * quality, never below FLOOR_QUALITY.
 *
 * Why: the side floors guard against adding blocking to a sharp picture, but a JPEG source
 * re-encoded on its own grid at or above its own quantisation adds almost no new error: the
 * blocks it has are already in the source, which is what legibility is measured against. So
 * where full size fits at the source's quality, it beats any smaller side. Measured (issue 13,
 * exhaustive mozjpeg search, tuning half): a 2560×3837 photo saved at q70 (522 KB, just over a
 * 512 KB cap) fits at full size q79 with SSIM@1600 0.998, against 0.994 for every fitting
 * 3000 px or 2400 px file; the q80 floor had forced 3000 px. Below the source's quality the
 * re-encode quantises anew and the side floor's reason holds again, so the floor goes no lower.
 * It is a rule about the source's quantisation, not about any picture: it changes nothing for a
 * source saved at or above the side's floor (most camera files, q85–95).
 */
export function fullSizeFloor(sideFloor: number, sourceQuality: number): number {
  if (!(sourceQuality > 0)) return sideFloor
  return Math.min(sideFloor, Math.max(FLOOR_QUALITY, Math.round(sourceQuality)))
}

/** Output pixel size for a long side, keeping the aspect ratio (never enlarged). */
export function scaledSize(
  width: number,
  height: number,
  longSide: number,
): { width: number; height: number } {
  const long = Math.max(width, height)
  if (longSide >= long) return { width, height }
  const k = longSide / long
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) }
}
