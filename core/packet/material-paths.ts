/**
 * Where each material goes inside the packet: one folder per portal upload step, in the
 * portal's order (`1_开办主体/01_单位证件.jpg`, `2_网站基本信息/01_域名证书.jpg` …), numbered
 * within the step, so the files of one upload step sit together.
 */
import type { SlotKey } from '../model'
import { safeFileName } from './file-names'
import { UPLOAD_STEPS, uploadStepOf } from './portal-fields'

export type PathEntry = { slot: SlotKey; label: string }
export type MaterialPath = { path: string; step: string }

const pad = (n: number): string => String(n).padStart(2, '0')

/** Paths for materials given in portal order (as the packet plan lists them). */
export function materialPaths(entries: readonly PathEntry[]): MaterialPath[] {
  const counts = new Map<string, number>()
  return entries.map(({ slot, label }) => {
    const key = uploadStepOf(slot)
    const index = UPLOAD_STEPS.findIndex((s) => s.key === key)
    const step = UPLOAD_STEPS[index]?.title ?? '其他材料'
    const n = (counts.get(key) ?? 0) + 1
    counts.set(key, n)
    const folder = safeFileName(`${index + 1}_${step}`)
    return { path: `${folder}/${safeFileName(`${pad(n)}_${label}.jpg`)}`, step }
  })
}
