/**
 * Messages between the decode pool (main thread) and decode-worker.ts. A request carries the
 * input bytes and the decode options, nothing else; a reply carries the decoder's result object
 * as it is (structured clone), or the error as code + detail so it arrives as the same
 * ImageInputError with the same Chinese message.
 */
import { ImageInputError, isImageErrorCode, type ImageErrorCode } from './errors'

export type DecodeTask =
  { kind: 'heic'; input: Uint8Array } | { kind: 'pdf'; input: Uint8Array; page: number }

/** `font`: the CJK fallback font file set in main with setPdfFallbackFont, if any. */
export type DecodeRequest = DecodeTask & { id: number; font: string | undefined }

export type WireError = { code: ImageErrorCode; detail?: string } | { name: string; message: string }

export type DecodeReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError }

export function errorToWire(error: unknown): WireError {
  if (error instanceof ImageInputError)
    return error.detail === undefined ? { code: error.code } : { code: error.code, detail: error.detail }
  const e = error instanceof Error ? error : new Error(String(error))
  return { name: e.name, message: e.message }
}

/** Programming errors keep their class, so mapSharpError lets them surface as bugs. */
const BUG_CLASSES: Record<string, new (message: string) => Error> = { TypeError, ReferenceError, SyntaxError }

export function errorFromWire(wire: WireError): Error {
  if ('code' in wire && isImageErrorCode(wire.code)) return new ImageInputError(wire.code, wire.detail)
  const { name, message } = wire as { name: string; message: string }
  const error = new (BUG_CLASSES[name] ?? Error)(message)
  error.name = name
  return error
}

/**
 * The result with its top-level byte arrays (pixels, ICC) copied into buffers this thread owns,
 * and those buffers, to be moved rather than copied. A buffer made by a native addon (the canvas
 * pixels of a PDF page) cannot be moved: Node then copies it while the main thread receives the
 * message, ~120 ms for one page. A copy here, in the worker, costs ~10 ms and blocks nothing.
 */
export function movable(value: unknown): { value: unknown; transfer: ArrayBuffer[] } {
  if (value === null || typeof value !== 'object') return { value, transfer: [] }
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  const transfer: ArrayBuffer[] = []
  for (const [key, v] of Object.entries(out)) {
    if (!(v instanceof Uint8Array)) continue
    const own = new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice()
    out[key] = own
    transfer.push(own.buffer)
  }
  return { value: out, transfer }
}

/** Byte arrays arrive as Uint8Array; the decoders' callers expect Buffer (same memory, no copy). */
export function reviveBuffers<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  for (const [key, v] of Object.entries(out)) {
    if (v instanceof Uint8Array && !Buffer.isBuffer(v))
      out[key] = Buffer.from(v.buffer, v.byteOffset, v.byteLength)
  }
  return out as T
}
