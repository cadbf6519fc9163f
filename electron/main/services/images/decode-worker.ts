/**
 * Worker for the decoders that would hold the main thread for seconds: heic-decode (wasm,
 * 1–2 s per 12 MP photo) and pdf.js (up to ~1 s per page, plus loading it). In Electron the main
 * thread paints the window and answers IPC, so these run here (decode-pool.ts), one task at a
 * time: as a worker thread, or in the app as an Electron utility process (decode-transport.ts).
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

type Port = {
  onRequest: (listener: (request: DecodeRequest) => void) => void
  post: (reply: DecodeReply, transfer?: ArrayBuffer[]) => void
}
/** Electron's process.parentPort in a utility process: messages come wrapped in `data`. */
type UtilityPort = {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  postMessage(message: unknown): void
}

/** One adapter over both parents; only a worker thread can take a transfer list. */
function openPort(): Port {
  const thread = parentPort
  if (thread)
    return {
      onRequest: (listener) => thread.on('message', listener),
      post: (reply, transfer = []) => thread.postMessage(reply, transfer),
    }
  const utility = (process as { parentPort?: UtilityPort }).parentPort
  if (utility)
    return {
      onRequest: (listener) => utility.on('message', (event) => listener(event.data as DecodeRequest)),
      post: (reply) => utility.postMessage(reply),
    }
  throw new Error('decode-worker runs only as a worker thread or an Electron utility process')
}

function answer(port: Port, id: number, result: unknown): void {
  const { value, transfer } = movable(result)
  try {
    port.post({ id, ok: true, value }, transfer)
  } catch (error) {
    // Something in the result cannot be cloned: a bug, reported as such rather than a lost reply.
    port.post({ id, ok: false, error: errorToWire(error) })
  }
}

const port = openPort()
port.onRequest((request) => {
  run(request).then(
    (value) => answer(port, request.id, value),
    (error: unknown) => port.post({ id: request.id, ok: false, error: errorToWire(error) }),
  )
})
