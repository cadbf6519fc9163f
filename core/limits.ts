/**
 * The one home of every user-facing limit: the size cap of a compressed picture, the
 * watermark's length and the size of an input file. Schemas (IPC, CLI), services, messages
 * and the UI read the numbers and the schemas here; nothing else spells them out.
 */
import { z } from 'zod'

/**
 * Upload size caps. 512K is the 2017–18 portal guides' limit; 400 KB was reported for the
 * 域名证书 field and, in a 2024 write-up, for every upload. Unconfirmed on today's portal, so the
 * default is the one that satisfies both (400 000 bytes is within 400 KB whichever way a KB is
 * counted); 512K stays a choice. See docs/domain-notes.md.
 */
export const CAP_CHOICES = [400_000, 512_000] as const
/** The cap of a new material, a batch and `beian-desk compress`, in bytes. */
export const DEFAULT_MAX_BYTES: number = CAP_CHOICES[0]
/** Smallest cap a user may set: below it no legible ID card fits. */
export const MIN_MAX_BYTES = 20_000
/** Largest cap a user may set: far above any portal's, and still a sane JPEG. */
export const MAX_MAX_BYTES = 10_000_000

/** A picture's size cap in bytes (editor, batch, CLI `--max-bytes`). */
export const maxBytesSchema = z.number().int().min(MIN_MAX_BYTES).max(MAX_MAX_BYTES)

/** Longest watermark, in characters (code points, so 仅 and an emoji count one each). */
export const WATERMARK_MAX_CHARS = 40

/** The watermark text as the user typed it: spaces collapsed, at most WATERMARK_MAX_CHARS characters. */
export const watermarkTextSchema = z
  .string()
  .transform((t) => t.replace(/\s+/g, ' ').trim())
  .refine((t) => [...t].length <= WATERMARK_MAX_CHARS, {
    error: `水印文字最多 ${WATERMARK_MAX_CHARS} 个字`,
  })

/** Largest input file (photo, scan, PDF) read at all, in bytes: 60 MiB. */
export const MAX_INPUT_BYTES = 60 * 1024 * 1024

/** MAX_INPUT_BYTES as messages say it (“60 MB”; binary megabytes, as file managers on Windows show them). */
export const MAX_INPUT_LABEL = `${Math.floor(MAX_INPUT_BYTES / (1024 * 1024))} MB`

/** An input file's size in bytes: not empty, not above MAX_INPUT_BYTES. */
export const inputBytesSchema = z.number().int().min(1).max(MAX_INPUT_BYTES)

/** Idle minutes after which a passphrase-protected workspace may lock itself (0 = never). */
export const AUTO_LOCK_CHOICES = [0, 5, 15, 30, 60] as const
/** The auto-lock setting: whole minutes, at most a day. */
export const autoLockMinutesSchema = z
  .number()
  .int()
  .min(0)
  .max(24 * 60)
