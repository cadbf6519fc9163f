import type { Material } from '../../../../core/model'
import type { SlotSpec } from '../../../../core/materials/slots'
import { slotReadiness, type SlotState } from '../../../../core/packet/readiness'

/** The state a slot card shows: core's readiness (core/packet/readiness.ts), one rule everywhere. */
export type SlotStatus = SlotState

export function slotStatus(slot: SlotSpec, material: Material | undefined): SlotStatus {
  return slotReadiness(slot, material).state
}
