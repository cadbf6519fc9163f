/** Messages between the OCR service (main thread) and ocr-worker.ts. */
import type { DocumentKind, OcrLine, ReadResult } from '../../../../core/ocr'
import type { DeskewTarget, Quad } from './deskew-geometry'
import type { OcrModelPaths } from './models'

/** 'auto': every kind is tried on the lines read, the one whose key field is found wins. */
export type ReadKind = DocumentKind | 'auto'
export type ReadTask = { op: 'read'; input: Uint8Array; kind: ReadKind; deskew: boolean; today?: string }
export type DeskewTask = { op: 'deskew'; input: Uint8Array; target: DeskewTarget }
export type OcrTask = ReadTask | DeskewTask
export type OcrRequest = OcrTask & { id: number; models: OcrModelPaths }

export type ReadOutcome = ReadResult & {
  /** The image was read turned (upside down or on its side): `turn` is not 0. */
  rotated: boolean
  /** The clockwise turn the fields were read at. */
  turn: 0 | 90 | 180 | 270
  /** The document's corners in the upright photo, when it was found and straightened first. */
  quad: Quad | null
  lines: OcrLine[]
  ms: { prepare: number; ocr: number }
}
export type DeskewOutcome = {
  quad: Quad | null
  /** Size of the upright photo the quad refers to. */
  width: number
  height: number
  /** The straightened document as JPEG, when a quad was found. */
  image: Uint8Array | null
}

export type WireError = { code: string; message: string }
export type OcrReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError }
