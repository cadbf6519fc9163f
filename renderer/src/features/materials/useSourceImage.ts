import { useEffect, useState } from 'react'
import { api } from '../../api'

/** Long side of the picture the crop editor draws on: sharp enough to crop at card edges. */
export const SOURCE_LONG_SIDE = 1600

/** The unedited upright original of a material (a JPEG data URL from main). */
export function useSourceImage(materialId: string): string | undefined {
  const [fetched, setFetched] = useState<{ id: string; url: string } | undefined>(undefined)
  useEffect(() => {
    let alive = true
    void api.source(materialId, SOURCE_LONG_SIDE).then((url) => {
      if (alive && url) setFetched({ id: materialId, url })
    })
    return () => {
      alive = false
    }
  }, [materialId])
  return fetched?.id === materialId ? fetched.url : undefined
}
