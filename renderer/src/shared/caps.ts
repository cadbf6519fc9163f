/** The size caps the UI offers (material editor, batch page), read from core/limits. */
import { CAP_CHOICES, DEFAULT_MAX_BYTES } from '../../../core/limits'

/** The caps offered as buttons, the default (DEFAULT_MAX_BYTES) first. */
export const CAP_PRESETS: readonly number[] = [
  DEFAULT_MAX_BYTES,
  ...CAP_CHOICES.filter((n) => n !== DEFAULT_MAX_BYTES),
]
