/**
 * Where each material goes inside the packet: one folder per portal upload step, in the
 * portal's order (`1_开办主体/01_单位证件.jpg`, `2_网站基本信息/08_域名证书.jpg` …), so the
 * files of one upload step sit together. The file keeps the plan's name, whose number is the
 * material's number in the checklist of 备案信息.pdf.
 */
import type { SlotKey } from '../model'
import { safeFileName } from './file-names'
import { UPLOAD_STEPS, uploadStepOf } from './portal-fields'

export type PathEntry = { slot: SlotKey; fileName: string }
export type MaterialPath = { path: string; step: string }

/** Paths for the plan's entries (portal order, names from planPacket). */
export function materialPaths(entries: readonly PathEntry[]): MaterialPath[] {
  return entries.map(({ slot, fileName }) => {
    const index = UPLOAD_STEPS.findIndex((s) => s.key === uploadStepOf(slot))
    const step = UPLOAD_STEPS[index]?.title ?? '其他材料'
    return { path: `${safeFileName(`${index + 1}_${step}`)}/${fileName}`, step }
  })
}
