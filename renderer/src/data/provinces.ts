/**
 * The 31 mainland provincial-level divisions with their canonical 2-digit codes (the root level
 * of the division picker; used when the division data cannot be read).
 */
import { MAINLAND_PROVINCE_CODES, PROVINCES as ALL } from '../../../core/validation/divisions'

export type Province = { code: string; name: string }

export const PROVINCES: readonly Province[] = MAINLAND_PROVINCE_CODES.map((code) => ({
  code,
  name: ALL[code]?.name ?? code,
}))
