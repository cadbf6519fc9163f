/**
 * The lowest quality the search accepts at a side of one request's ladder: the side floors of
 * caps.ts (from LARGE_SIDE up, set by the picture's detail exponent), lowered at full size for
 * an unedited JPEG source (fullSizeFloor).
 */
import { LARGE_SIDE, fullSizeFloor, largeSideFloor, minQualityFor, sideLadder } from './caps'
import type { FitRequest } from './fit-types'

export function floorAt(req: FitRequest, side: number): number {
  const sides = sideLadder(req.longSide)
  const last = side === sides[sides.length - 1]
  // From LARGE_SIDE up, the picture's measured detail sets the floor (detail.ts says why).
  const base = side >= LARGE_SIDE && !last ? largeSideFloor(req.detailExponent) : minQualityFor(side, last)
  return side === sides[0] && req.sourceJpegQuality !== undefined
    ? fullSizeFloor(base, req.sourceJpegQuality)
    : base
}
