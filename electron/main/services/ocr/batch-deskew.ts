/**
 * `compress --deskew` and the batch page's deskew: the photographed card or page found in an
 * input and straightened by the compression pipeline (MaterialEdit.perspective), a card tried
 * first, then a page. An input whose corners are not found for sure is compressed as it is.
 */
import type { PerspectiveEdit } from '../../../../core/model'
import type { PerspectiveTarget } from '../../../../core/ocr/perspective'
import { detectFormat } from '../images'
import { deskewDocument } from './index'

/** Formats the OCR worker decodes (HEIC and PDF are decoded elsewhere: left as they are). */
const DESKEWABLE = new Set(['jpeg', 'png', 'webp', 'tiff'])
const TARGETS: readonly PerspectiveTarget[] = ['id-card', 'page']

export type Deskewer = (
  bytes: Buffer,
  target: PerspectiveTarget,
  signal?: AbortSignal,
) => ReturnType<typeof deskewDocument>

/** The perspective edit for `bytes`, or {} when no document is found (or the format is not handled). */
export async function findPerspective(
  bytes: Buffer,
  signal?: AbortSignal,
  deskew: Deskewer = (b, target, s) => deskewDocument(b, target, s ? { signal: s } : {}),
): Promise<{ perspective?: PerspectiveEdit }> {
  if (!DESKEWABLE.has(detectFormat(bytes.subarray(0, 4096)) ?? '')) return {}
  for (const target of TARGETS) {
    const found = await deskew(bytes, target, signal)
    if (found.quad) return { perspective: { quad: found.quad, target } }
  }
  return {}
}
