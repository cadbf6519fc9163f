// Stands in for decode-worker.ts in the pool tests, as a worker thread or (through
// utility-process-shim.mjs) a utility process. The first input byte says what to do:
// 1 die, 2 hang (like wasm that cannot be interrupted), 3 refuse with a coded error,
// 4 answer after 150 ms, 5 grow the JS heap without end (a decoder running away with
// memory); anything else answers at once. Answers echo what the worker was given, and who and
// how bounded the worker is.
import { getHeapStatistics } from 'node:v8'
import { parentPort, threadId } from 'node:worker_threads'

const port = parentPort
  ? { on: (listener) => parentPort.on('message', listener), post: (m) => parentPort.postMessage(m) }
  : {
      on: (listener) => process.parentPort.on('message', (event) => listener(event.data)),
      post: (m) => process.parentPort.postMessage(m),
    }

port.on((request) => {
  const mode = request.input?.[0]
  if (mode === 1) process.exit(3)
  if (mode === 2) {
    const until = Date.now() + 60_000
    while (Date.now() < until) Math.sqrt(Date.now())
  }
  if (mode === 5) {
    const hoard = []
    for (;;) hoard.push(new Array(100_000).fill({ n: hoard.length }))
  }
  if (mode === 3) {
    port.post({
      id: request.id,
      ok: false,
      error: { code: 'pdf/too-many-pages', detail: '共 60 页' },
    })
    return
  }
  const value = {
    keys: Object.keys(request).sort(),
    kind: request.kind,
    font: request.font,
    input: request.input,
    threadId,
    pid: process.pid,
    heapLimit: getHeapStatistics().heap_size_limit,
  }
  setTimeout(() => port.post({ id: request.id, ok: true, value }), mode === 4 ? 150 : 0)
})
