/**
 * The lowest quality the search accepts at a side of one request's ladder: the side floors of
 * caps.ts, lowered at full size for an unedited JPEG source (fullSizeFloor).
 */
import { fullSizeFloor, minQualityFor, sideLadder } from './caps'
import type { FitRequest } from './fit-types'

export function floorAt(req: FitRequest, side: number): number {
  const sides = sideLadder(req.longSide)
  const base = minQualityFor(side, side === sides[sides.length - 1])
  return side === sides[0] && req.sourceJpegQuality !== undefined
    ? fullSizeFloor(base, req.sourceJpegQuality)
    : base
}
