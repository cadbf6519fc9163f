/**
 * Before/after at 100 %: the same region of the document cut from the edited original at
 * its own resolution and from the compressed copy at its own, so the user sees exactly what
 * the resolution and quality choice cost.
 */
import type { MaterialPreview, MaterialSourceImage, RequestOf } from '../../../core/api'
import { pdfPageOf, type Material } from '../../../core/model'
import { detectFormat } from './images'
import { decodeInput } from './images/decode'
import { openRaw, openSharp } from './images/sharp-options'
import type { MaterialFiles } from './material-files'

type Region = { left: number; top: number; width: number; height: number }

/** A window of `size` px (clamped to the image) centred on (cx, cy) fractions. */
export function regionAt(width: number, height: number, cx: number, cy: number, size: number): Region {
  const w = Math.min(size, width)
  const h = Math.min(size, height)
  const left = Math.min(Math.max(0, Math.round(cx * width - w / 2)), width - w)
  const top = Math.min(Math.max(0, Math.round(cy * height - h / 2)), height - h)
  return { left, top, width: w, height: h }
}

/** The same document region in an image `scale` times larger. */
export function scaleRegion(r: Region, scale: number, width: number, height: number): Region {
  const left = Math.min(Math.round(r.left * scale), width - 1)
  const top = Math.min(Math.round(r.top * scale), height - 1)
  return {
    left,
    top,
    width: Math.max(1, Math.min(Math.round(r.width * scale), width - left)),
    height: Math.max(1, Math.min(Math.round(r.height * scale), height - top)),
  }
}

const dataUrl = (jpeg: Buffer): string => `data:image/jpeg;base64,${jpeg.toString('base64')}`

async function decodeOriginal(
  material: Material,
  files: MaterialFiles,
  edit: Pick<Material['edit'], 'rotate' | 'crop' | 'pdfPage' | 'perspective'>,
) {
  const original = await files.read(material.originalFile)
  const format = detectFormat(original.subarray(0, 4096)) ?? material.sourceFormat
  const cropFrame = { width: material.sourceWidth, height: material.sourceHeight }
  return decodeInput(original, format, {
    rotate: edit.rotate,
    pdfPage: pdfPageOf(edit),
    ...(edit.crop || edit.perspective ? { cropFrame } : {}),
    ...(edit.crop ? { crop: edit.crop } : {}),
    ...(edit.perspective ? { perspective: edit.perspective } : {}),
  })
}

/**
 * The unedited original, upright, at most `longSide` px, and its full size: what the crop editor
 * draws on and measures the crop in. For a PDF, page `pdfPage` (default: the page the material
 * uses), so the editor can show another page and crop it before it is applied.
 */
export async function materialSource(
  material: Material,
  files: MaterialFiles,
  longSide: number,
  pdfPage: number = pdfPageOf(material.edit),
): Promise<MaterialSourceImage> {
  const decoded = await decodeOriginal(material, files, { rotate: 0, crop: null, pdfPage })
  const jpeg = await openRaw(decoded)
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85 })
    .toBuffer()
  const pages = decoded.pages === undefined ? {} : { pages: decoded.pages }
  return { url: dataUrl(jpeg), width: decoded.width, height: decoded.height, ...pages }
}

export async function materialPreview(
  material: Material,
  files: MaterialFiles,
  req: Pick<RequestOf<'materials:preview'>, 'centerX' | 'centerY' | 'size'>,
): Promise<MaterialPreview> {
  const [decoded, compressed] = await Promise.all([
    decodeOriginal(material, files, material.edit),
    files.read(material.compressedFile),
  ])
  const after = regionAt(material.width, material.height, req.centerX, req.centerY, req.size)
  const before = scaleRegion(after, decoded.width / material.width, decoded.width, decoded.height)
  const [beforeJpeg, afterJpeg] = await Promise.all([
    openRaw(decoded).extract(before).jpeg({ quality: 95 }).toBuffer(),
    openSharp(compressed).extract(after).jpeg({ quality: 95 }).toBuffer(),
  ])
  return {
    before: dataUrl(beforeJpeg),
    after: dataUrl(afterJpeg),
    original: {
      width: decoded.width,
      height: decoded.height,
      bytes: material.originalBytes,
      format: material.sourceFormat,
    },
    compressed: {
      width: material.width,
      height: material.height,
      bytes: material.bytes,
      quality: material.quality,
    },
  }
}
