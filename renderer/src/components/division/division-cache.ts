/** Lazily loaded division levels (province → … → village), cached per parent code. */
import type { DivisionNode } from '../../../../core/api'
import { request } from '../../api'
import { PROVINCES } from '../../data/provinces'

const ROOT = 'root'
const cache = new Map<string, Promise<DivisionNode[]>>()

const FALLBACK_PROVINCES: DivisionNode[] = PROVINCES.map((p) => ({
  code: p.code,
  name: p.name,
  hasChildren: true,
}))

async function fetchChildren(code: string | null): Promise<DivisionNode[]> {
  const result = await request('divisions:children', { code })
  if (result.ok && result.value.length > 0) return result.value
  // Without the data file the picker still offers the provinces (built in) and stops there.
  if (code === null) return FALLBACK_PROVINCES
  if (!result.ok) cache.delete(code)
  return []
}

/** Children of a division code (provinces for null). Never rejects. */
export function divisionChildren(code: string | null): Promise<DivisionNode[]> {
  const key = code ?? ROOT
  let pending = cache.get(key)
  if (!pending) {
    pending = fetchChildren(code).catch(() => (code === null ? FALLBACK_PROVINCES : []))
    cache.set(key, pending)
  }
  return pending
}

/** Test hook: forget everything loaded. */
export function clearDivisionCache(): void {
  cache.clear()
}
