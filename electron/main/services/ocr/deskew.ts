/**
 * Finds a photographed card's or page's four corners and straightens it (opencv-js, run in
 * the OCR worker). Edges (Canny) and an Otsu split of the image both propose outlines; each
 * outline's convex hull is reduced to four corners (approxPolyDP), then every side is refitted
 * as a line through the outline's own points and adjacent lines are intersected, so rounded
 * card corners do not cut the quad short. A quad is returned only when it passes every check
 * (area, convexity, angles, the document's proportions, straight and well-supported sides):
 * on a busy background the answer is "none", never a wrong guess.
 */
import {
  type DeskewTarget,
  type Line,
  type Point,
  type Quad,
  checkQuad,
  diagonal,
  fitLine,
  intersect,
  orderQuad,
  quadArea,
  segmentDistance,
  warpSize,
} from './deskew-geometry'
import type { OpenCv } from './opencv'

export type RgbaImage = { data: Uint8Array; width: number; height: number }
type Mat = InstanceType<OpenCv['Mat']>

/** An RGBA Mat holding a copy of the pixels. */
function matOf(cv: OpenCv, img: RgbaImage): Mat {
  const mat = new cv.Mat(img.height, img.width, cv.CV_8UC4)
  mat.data.set(img.data.subarray(0, img.width * img.height * 4))
  return mat
}

/** Outline candidates: the outer contours of the edge map and of both Otsu polarities. */
function outlines(cv: OpenCv, gray: Mat): Point[][] {
  const out: Point[][] = []
  const edges = new cv.Mat()
  const bin = new cv.Mat()
  const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(3, 3))
  try {
    cv.Canny(gray, edges, 40, 120)
    cv.dilate(edges, edges, kernel)
    out.push(...contoursOf(cv, edges))
    cv.threshold(gray, bin, 0, 255, cv.THRESH_BINARY + cv.THRESH_OTSU)
    cv.morphologyEx(bin, bin, cv.MORPH_OPEN, kernel)
    out.push(...contoursOf(cv, bin))
    cv.bitwise_not(bin, bin)
    out.push(...contoursOf(cv, bin))
  } finally {
    edges.delete()
    bin.delete()
    kernel.delete()
  }
  return out
}

function contoursOf(cv: OpenCv, img: Mat): Point[][] {
  const contours = new cv.MatVector()
  const hierarchy = new cv.Mat()
  const min = img.rows * img.cols * 0.1
  try {
    cv.findContours(img, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_NONE)
    const out: Point[][] = []
    for (let i = 0; i < contours.size(); i++) {
      const c = contours.get(i)
      if (cv.contourArea(c) >= min) out.push(pointsOf(c))
      c.delete()
    }
    return out
  } finally {
    contours.delete()
    hierarchy.delete()
  }
}

function pointsOf(m: Mat): Point[] {
  const d = m.data32S
  const pts: Point[] = []
  for (let i = 0; i + 1 < d.length; i += 2) pts.push({ x: d[i] as number, y: d[i + 1] as number })
  return pts
}

/** Four corners of the outline's convex hull, or null when it does not reduce to four. */
function roughQuad(cv: OpenCv, outline: Point[]): Quad | null {
  const mat = cv.matFromArray(
    outline.length,
    1,
    cv.CV_32SC2,
    outline.flatMap((p) => [p.x, p.y]),
  )
  const hull = new cv.Mat()
  const approx = new cv.Mat()
  try {
    cv.convexHull(mat, hull, false, true)
    const perimeter = cv.arcLength(hull, true)
    for (const eps of [0.01, 0.02, 0.03, 0.045, 0.06]) {
      cv.approxPolyDP(hull, approx, eps * perimeter, true)
      if (approx.rows === 4) return orderQuad(pointsOf(approx))
      if (approx.rows < 4) return null
    }
    return null
  } finally {
    mat.delete()
    hull.delete()
    approx.delete()
  }
}

/**
 * Refits each side through the outline points near it (away from the corners) and intersects
 * neighbours. Null when a side is not straight or is seen along too little of its length.
 */
export function refineQuad(rough: Quad, outline: readonly Point[]): Quad | null {
  const diag = diagonal(rough)
  const lines: Line[] = []
  for (let i = 0; i < 4; i++) {
    const a = rough[i] as Point
    const b = rough[(i + 1) % 4] as Point
    const near: Point[] = []
    const bins = new Set<number>()
    for (const p of outline) {
      const { d, t } = segmentDistance(p, a, b)
      if (d < 0.02 * diag && t > 0.12 && t < 0.88) {
        near.push(p)
        bins.add(Math.floor(t * 25))
      }
    }
    const line = fitLine(near)
    if (!line || line.rms > 0.006 * diag || bins.size < 0.75 * 19) return null
    lines.push(line)
  }
  const corners = [0, 1, 2, 3].map((i) => intersect(lines[(i + 3) % 4] as Line, lines[i] as Line))
  if (corners.some((c) => c === null)) return null
  const quad = corners as Quad
  const moved = Math.max(
    ...quad.map((c, i) => Math.hypot(c.x - (rough[i] as Point).x, c.y - (rough[i] as Point).y)),
  )
  return moved < 0.06 * diag ? quad : null
}

/** An edge lying on the image frame is the frame, not a document. */
const onFrame = (q: Quad, width: number, height: number): boolean =>
  q.some((a, i) => {
    const b = q[(i + 1) % 4] as Point
    const m = 3
    return (
      (a.x < m && b.x < m) ||
      (a.y < m && b.y < m) ||
      (a.x > width - 1 - m && b.x > width - 1 - m) ||
      (a.y > height - 1 - m && b.y > height - 1 - m)
    )
  })

/** The document's corners in the image (tl, tr, br, bl), or null when none is found for sure. */
export function findDocumentQuad(cv: OpenCv, img: RgbaImage, target: DeskewTarget): Quad | null {
  const src = matOf(cv, img)
  const gray = new cv.Mat()
  try {
    cv.cvtColor(src, gray, cv.COLOR_RGBA2GRAY)
    cv.GaussianBlur(gray, gray, new cv.Size(5, 5), 0)
    let best: Quad | null = null
    for (const outline of outlines(cv, gray)) {
      const rough = roughQuad(cv, outline)
      const quad = rough && refineQuad(rough, outline)
      if (!quad || onFrame(quad, img.width, img.height)) continue
      if (!checkQuad(quad, img.width, img.height, target).ok) continue
      if (!best || quadArea(quad) > quadArea(best)) best = quad
    }
    return best
  } finally {
    src.delete()
    gray.delete()
  }
}

/** The quad's content warped to a rectangle at the document's real aspect (long side ≤ maxLong). */
export function warpDocument(
  cv: OpenCv,
  img: RgbaImage,
  quad: Quad,
  target: DeskewTarget,
  maxLong: number,
): RgbaImage {
  const { width, height } = warpSize(quad, target, maxLong)
  const src = matOf(cv, img)
  const from = cv.matFromArray(
    4,
    1,
    cv.CV_32FC2,
    quad.flatMap((p) => [p.x, p.y]),
  )
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, width, 0, width, height, 0, height])
  const m = cv.getPerspectiveTransform(from, to)
  const dst = new cv.Mat()
  try {
    cv.warpPerspective(
      src,
      dst,
      m,
      new cv.Size(width, height),
      cv.INTER_LINEAR,
      cv.BORDER_REPLICATE,
      new cv.Scalar(),
    )
    return { data: new Uint8Array(dst.data), width, height }
  } finally {
    for (const mat of [src, from, to, m, dst]) mat.delete()
  }
}
