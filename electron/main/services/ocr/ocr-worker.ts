/**
 * Worker thread for OCR and deskew: PaddleOCR on onnxruntime blocks its thread ~1 s per
 * image and opencv-js ~0.3 s, so neither runs on Electron's main thread (ocr-engine.ts starts
 * this). The recogniser is created at the first task and kept while the worker lives.
 * Built next to the entry as ocr-worker.js (electron.vite.config.ts, vite.cli.config.ts).
 */
import { parentPort } from 'node:worker_threads'
import type { OcrLine } from '../../../../core/ocr'
import type { OcrModelPaths } from './models'
import { loadOpenCv } from './opencv'
import { deskewPhoto, readPhoto } from './pipeline'
import type { OcrReply, OcrRequest, WireError } from './protocol'

type Recogniser = { detect: (image: string) => Promise<{ text: string; mean: number; box?: number[][] }[]> }

let recogniser: Promise<Recogniser> | undefined

function createRecogniser(models: OcrModelPaths): Promise<Recogniser> {
  recogniser ??= import('@gutenye/ocr-node').then(({ default: Ocr }) => Ocr.create({ models }))
  return recogniser
}

async function recognise(models: OcrModelPaths, png: Buffer): Promise<OcrLine[]> {
  const ocr = await createRecogniser(models)
  // ImageRaw.open hands its argument to sharp, which takes a Buffer as well as a path.
  const lines = await ocr.detect(png as unknown as string)
  return lines.map((l) => ({
    text: l.text,
    confidence: l.mean,
    ...(l.box ? { box: l.box.map((p) => [p[0] ?? 0, p[1] ?? 0] as const) } : {}),
  }))
}

async function run(request: OcrRequest): Promise<unknown> {
  const input = Buffer.from(request.input.buffer, request.input.byteOffset, request.input.byteLength)
  if (request.op === 'deskew') {
    const { cv } = await loadOpenCv()
    return deskewPhoto(cv, input, request.target)
  }
  return readPhoto({ cv: loadOpenCv, recognise: (png) => recognise(request.models, png) }, input, request)
}

function toWire(error: unknown): WireError {
  const e = error as { code?: unknown; message?: unknown }
  const message = typeof e?.message === 'string' ? e.message : String(error)
  if (typeof e?.code === 'string' && e.code.includes('/')) return { code: e.code, message }
  // sharp's decode errors: the input is not an image it can read.
  if (/unsupported image format|Input buffer|corrupt|premature end|VipsJpeg|VipsForeignLoad/i.test(message))
    return { code: 'ocr/unreadable', message }
  return { code: 'ocr/failed', message }
}

const port = parentPort
if (!port) throw new Error('ocr-worker runs only as a worker thread')
port.on('message', (request: OcrRequest) => {
  run(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies OcrReply),
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: toWire(error) } satisfies OcrReply),
  )
})
