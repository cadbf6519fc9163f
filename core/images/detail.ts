/**
 * How much of a large picture's detail is real: the exponent e of draft bytes ∝ long side^e,
 * at one quality, between two sides of its ladder. Two drafts, reused by the search.
 *
 * Why (issue 13, fifth round): measured on the corpus at q85 between 3000 and 2400 px, phone
 * photos of ID cards and hand-held IDs gave e = 2.5–3.0 (bytes fall faster than the pixel count:
 * much of what a large side keeps is sensor noise), landscape and portrait photos 1.5–2.25,
 * certificate images 1.7–1.8 and scans 1.4. On the first kind 2400 px at q89–91 beat 3000 px at
 * q83–84 on butteraugli@1600 with SSIM@1600 as good, so their floor above 2600 px is higher
 * (caps.ts largeSideFloor). Scans preferred full size at q64 to 3000 px at q81, but certificate
 * images sit among the photos, so e does not single out the documents whose text needs
 * resolution and no lower floor follows from it.
 */
import { LARGE_SIDE, sideLadder } from './caps'
import type { FitRequest } from './fit-types'
import type { Session } from './fit-session'

/** The quality both drafts are made at (where photos settle at 3000 px). */
export const DETAIL_QUALITY = 85
/** The largest side measured: the ladder's 3000 px step, or the source's own side up to 5 % above it. */
const MEASURED_SIDE = 3150
/** The two sides measured differ by at least this factor: closer sides give a noisy exponent. */
const MIN_SIDE_RATIO = 1.2

/** The two sides the exponent is measured between, or null for a source below LARGE_SIDE. */
export function detailSides(longSide: number): [number, number] | null {
  const sides = sideLadder(longSide)
  const a = sides.find((side) => side <= MEASURED_SIDE)
  if (a === undefined || a < LARGE_SIDE) return null
  const b = sides.find((side) => side <= a / MIN_SIDE_RATIO)
  return b === undefined ? null : [a, b]
}

/** The detail exponent of this picture, or undefined when its side floors do not depend on it. */
export async function detailExponent(s: Session, req: FitRequest): Promise<number | undefined> {
  const pair = detailSides(req.longSide)
  if (!pair) return undefined
  const [a, b] = pair
  const quality = Math.min(DETAIL_QUALITY, req.maxQuality ?? DETAIL_QUALITY)
  // Side by side: each needs its own resize, and a batch's other picture fills any idle core.
  const [bytesA, bytesB] = await Promise.all([s.draft(a, quality), s.draft(b, quality)])
  if (!(bytesA > 0 && bytesB > 0)) return undefined
  return Math.log(bytesA / bytesB) / Math.log(a / b)
}
