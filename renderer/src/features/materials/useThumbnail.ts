import { useEffect, useState } from 'react'
import { api } from '../../api'

const cache = new Map<string, string>()

/** The slot preview (a small JPEG data URL from main), cached per material id. */
export function useThumbnail(materialId: string | undefined): string | undefined {
  const [fetched, setFetched] = useState<{ id: string; url: string } | undefined>(undefined)
  useEffect(() => {
    if (!materialId || cache.has(materialId)) return
    let alive = true
    void api.thumbnail(materialId).then((url) => {
      if (!url) return
      cache.set(materialId, url)
      if (alive) setFetched({ id: materialId, url })
    })
    return () => {
      alive = false
    }
  }, [materialId])
  if (!materialId) return undefined
  return cache.get(materialId) ?? (fetched?.id === materialId ? fetched.url : undefined)
}
