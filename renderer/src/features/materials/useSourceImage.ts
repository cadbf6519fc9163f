import { useEffect, useState } from 'react'
import type { AppError, MaterialSourceImage, Result } from '../../../../core/api'
import { api } from '../../api'
import { useSettled } from '../../components/useSettled'
import type { Size } from './crop-math'

/** Long side of the picture the crop editor draws on: sharp enough to crop at card edges. */
export const SOURCE_LONG_SIDE = 1600

/**
 * How long the page must stay chosen before main is asked for it: each page is a decode of
 * about a second in a pool shared with batches, so paging ›››› asks only for the last page.
 */
export const PAGE_SETTLE_MS = 250

/** The picture to draw, and the full size of the original (page) a crop is measured in. */
export type SourceImage = { url: string; size: Size }

export type ShownSource = {
  /** The picture for the material and page asked for; undefined while it loads or if it failed. */
  image: SourceImage | undefined
  /** Why that picture cannot be shown (main's Chinese message: a blank page, a page beyond the PDF…). */
  error: AppError | undefined
  /** The PDF's page count as main last reported it (kept while another page loads). */
  pages: number | undefined
}

const keyOf = (materialId: string, pdfPage: number | undefined) => `${materialId}#${pdfPage ?? ''}`

type Answer = { key: string; result: Result<MaterialSourceImage> }

/**
 * The unedited upright original of a material (a JPEG data URL from main); for a PDF, page
 * `pdfPage`. A page change is asked for once it has settled (PAGE_SETTLE_MS); until the
 * answer for the page now chosen arrives there is neither image nor error, and an answer for
 * an earlier page is never shown for this one.
 */
export function useSourceImage(materialId: string, pdfPage?: number): ShownSource {
  const asked = useSettled(pdfPage, PAGE_SETTLE_MS)
  const [answer, setAnswer] = useState<Answer | undefined>(undefined)
  const [pages, setPages] = useState<{ materialId: string; pages: number } | undefined>(undefined)
  useEffect(() => {
    let alive = true
    void api.source(materialId, SOURCE_LONG_SIDE, asked).then((result) => {
      if (!alive) return
      setAnswer({ key: keyOf(materialId, asked), result })
      if (result.ok && result.value.pages !== undefined) setPages({ materialId, pages: result.value.pages })
    })
    return () => {
      alive = false
    }
  }, [materialId, asked])
  const result = answer?.key === keyOf(materialId, pdfPage) ? answer.result : undefined
  return {
    image: result?.ok
      ? { url: result.value.url, size: { width: result.value.width, height: result.value.height } }
      : undefined,
    error: result && !result.ok ? result.error : undefined,
    pages: pages?.materialId === materialId ? pages.pages : undefined,
  }
}
