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

/** From this side up, the floor is GOOD_QUALITY, or follows the picture's detail (largeSideFloor). */
export const LARGE_SIDE = 2600

/** Below this side we accept FLOOR_QUALITY; at and above it, the floors in QUALITY_FLOOR_BY_SIDE. */
export const LEGIBLE_LONG_SIDE = 1600

/**
 * Lowest quality accepted at a side before a smaller side is tried, largest sides first.
 * Above ~2400 px (full resolution, ~3000 px) we insist on GOOD_QUALITY: a sharper but blockier
 * full-size file reads worse than a clean 3000 px one. From 1600 px to 2600 px, moderate quality
 * (q66 and up) still beats dropping to the next side for small text when zoomed in.
 *
 * Issue 13, fourth round: 2000–2600 px had its own floor of q72, which sent pictures that fit
 * at 2400–2560 px at q66–71 down to 2000 px. Measured on the tuning half (exhaustive mozjpeg
 * search as the reference): a 3264 px landscape fits 2400 px at q69 with SSIM@1600 0.9618,
 * against 0.9568 for our 2000 px q79 (butteraugli 2.33). The checking half's 2560 px wallpapers
 * saved at q70–75 showed the same (full size at q64–67 beat 2000 px at q80–84 on every one).
 */
export const QUALITY_FLOOR_BY_SIDE: ReadonlyArray<readonly [minSide: number, minQuality: number]> = [
  [LARGE_SIDE, GOOD_QUALITY],
  [LEGIBLE_LONG_SIDE, 66],
  [0, FLOOR_QUALITY],
]

/** Preferred long sides below full resolution, largest first (px). */
export const LONG_SIDE_LADDER: readonly number[] = [
  3000, 2400, 2000, 1600, 1280, 1024, 800, 640, 480, 360, 240, 160, 96, 64, 32, 16,
]

/**
 * A ladder step must be at least this much smaller than the side above it to be worth a try:
 * 5 % of the side is 10 % of the pixels, two to three quality steps at the cap. It was 0.92,
 * which left a 2560 px source (4 MP wallpapers, screenshots of that width) nothing between
 * full size and 2000 px, 39 % fewer pixels: a source that missed its full-size floor by a step
 * lost a third of its resolution (issue 13: 2000 px q80 at SSIM@1600 0.9594 where 2400 px
 * fits at q70 with 0.9638).
 */
const MIN_STEP_RATIO = 0.95

/** Aim slightly under the cap when correcting downward after a final encode overshot. */
export const TARGET_FILL = 0.985
/**
 * Share of the target a quality step climbed after a final may be predicted at (spend-budget.ts
 * `nextStep`). One step up, the ratio just measured predicts the final within −2.3 … +1.1 %
 * (measured on 6 corpus pictures at their chosen sides, q64–92; it mostly grows with quality,
 * so predictions run low). At 0.985 a 2400 px photo stopped at q67 (96 %) where q68 fits at
 * 98.8 %; at 0.995 the occasional step that comes out over the cap costs one final, and the
 * fit already made is kept.
 */
export const CLIMB_FILL = 0.995
/** Aim lower when raising quality after a final encode: a failed raise costs a whole mozjpeg encode. */
export const RAISE_FILL = 0.96
/**
 * Share of the cap a calibrated search aims at. The ratio sampled on thin bands is within
 * 1.2 % of the whole picture's at the 90th percentile (electron/.../encode.ts sampleBands), so
 * aiming 1.5 % under the cap keeps most first finals under it. It was 0.97 with thick bands
 * (±4 %); on the tuning half the higher aim took 3 finals off 19 searches with no more first
 * finals over the cap (issue 13, fifth round).
 */
export const CALIBRATED_FILL = 0.985
/** A draft at or above this share of the target is "close enough": stop refining. */
export const CLOSE_ENOUGH = 0.93
/**
 * Below this share of the target, the bytes left after a fitting final are spent on a larger
 * side or a raise of several quality steps (spend-budget.ts `spend`); at any fill, the next
 * single step is still taken when a draft predicts it fits (`nextStep`).
 *
 * Why 90 % (issue 13, third round): the first final aims at CALIBRATED_FILL (97 %) with a
 * ratio sampled to about ±4 %, so most first finals land at 92–97 %, where a multi-step raise
 * aimed by the curve has no room. The fourth round replaced the stop at 90 % by the one-step
 * check: a stop at 90 % left q86 at 92 % of the cap on 12 MP ID-card photos where q87 fits at
 * 98 % and is worth 0.0035 SSIM@1600 (mozjpeg's rounded tables make some steps large).
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

/**
 * Detail exponent (core/images/detail.ts) from which a picture counts as noise-dominated.
 * Measured on the corpus (both halves): phone photos of ID cards and hand-held IDs 2.46–3.00,
 * landscape and portrait photos 1.51–2.25, certificate images 1.70–1.84, scans 1.38: set
 * between the first two groups.
 */
export const NOISY_DETAIL = 2.35
/**
 * Floor at sides from LARGE_SIDE up for a noise-dominated picture: a large side below it keeps
 * mostly noise and blocks. Tuning half: a 12 MP hand-held ID photo (e = 2.71) scored SSIM@1600
 * 0.9768 and butteraugli 1.57 at 3000 px q83, against 0.9769 and 1.35 at 2400 px q90; the
 * exhaustive references of the 12 MP ID photos show 2400 px at q87–90 at least as good as
 * 3000 px at q77–83 on SSIM@1600.
 */
export const NOISY_LARGE_FLOOR = 85

/** Floor at a side from LARGE_SIDE up, given the picture's detail exponent (undefined: not measured). */
export function largeSideFloor(exponent: number | undefined): number {
  return exponent !== undefined && exponent >= NOISY_DETAIL ? NOISY_LARGE_FLOOR : GOOD_QUALITY
}
