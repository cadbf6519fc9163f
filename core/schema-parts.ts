/** Pieces every stored-record schema uses (core/schemas.ts, core/filing/event-schema.ts). */
import { z } from 'zod'

/** A string of at most `max` UTF-16 units. */
export const text = (max: number) => z.string().max(max)

/** A record id as the app makes them (newId): letters, digits, _ and -. */
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
