/**
 * Worker thread for the decoders that would hold the main thread for seconds: heic-decode
 * (wasm, 1–2 s per 12 MP photo) and pdf.js (up to ~1 s per page, plus loading it). In Electron the main thread paints
 * the window and answers IPC, so these run here (decode-pool.ts), one task at a time.
 * Built next to the entry as decode-worker.js (electron.vite.config.ts, vite.cli.config.ts).
 */
import { parentPort } from 'node:worker_threads'
import { errorToWire, movable, type DecodeReply, type DecodeRequest } from './decode-protocol'
import { cjkFontOverride } from './fonts'
import { decodeHeicImage } from './heic'
import { renderPdfPage, setPdfFallbackFont } from './pdf'

async function run(request: DecodeRequest): Promise<unknown> {
  if (request.font !== undefined && request.font !== cjkFontOverride()) setPdfFallbackFont(request.font)
  const { input } = request
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  return request.kind === 'heic' ? decodeHeicImage(bytes) : renderPdfPage(bytes, request.page)
}

function answer(port: NonNullable<typeof parentPort>, id: number, result: unknown): void {
  const { value, transfer } = movable(result)
  try {
    port.postMessage({ id, ok: true, value } satisfies DecodeReply, transfer)
  } catch (error) {
    // Something in the result cannot be cloned: a bug, reported as such rather than a lost reply.
    port.postMessage({ id, ok: false, error: errorToWire(error) } satisfies DecodeReply)
  }
}

const port = parentPort
if (!port) throw new Error('decode-worker runs only as a worker thread')
port.on('message', (request: DecodeRequest) => {
  run(request).then(
    (value) => answer(port, request.id, value),
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: errorToWire(error) } satisfies DecodeReply),
  )
})
