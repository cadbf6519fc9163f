import { useEffect, useState } from 'react'
import { api } from '../../api'
import type { Size } from './crop-math'

/** Long side of the picture the crop editor draws on: sharp enough to crop at card edges. */
export const SOURCE_LONG_SIDE = 1600

/** The picture to draw, and the full size of the original (page) a crop is measured in. */
export type SourceImage = { url: string; size: Size }

/**
 * The unedited upright original of a material (a JPEG data URL from main); for a PDF, page
 * `pdfPage`. Undefined while it loads, including after the page changes.
 */
export function useSourceImage(materialId: string, pdfPage?: number): SourceImage | undefined {
  const key = `${materialId}#${pdfPage ?? ''}`
  const [fetched, setFetched] = useState<{ key: string; image: SourceImage } | undefined>(undefined)
  useEffect(() => {
    let alive = true
    void api.source(materialId, SOURCE_LONG_SIDE, pdfPage).then((source) => {
      if (alive && source) {
        const { url, width, height } = source
        setFetched({ key, image: { url, size: { width, height } } })
      }
    })
    return () => {
      alive = false
    }
  }, [materialId, pdfPage, key])
  return fetched?.key === key ? fetched.image : undefined
}
