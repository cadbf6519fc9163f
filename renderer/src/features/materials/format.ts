import type { Material } from '../../../../core/model'
import type { SlotSpec } from '../../../../core/materials/slots'
import { slotReadiness, type SlotState } from '../../../../core/packet/readiness'

/** The state a slot card shows: core's readiness (core/packet/readiness.ts), one rule everywhere. */
export type SlotStatus = SlotState

/** Decimal kilobytes as the portal counts them: 486,123 bytes → "486 KB". */
export function formatKb(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1000))} KB`
}

export function slotStatus(slot: SlotSpec, material: Material | undefined): SlotStatus {
  return slotReadiness(slot, material).state
}
