// Starts ocr-worker.ts from the TypeScript sources (tsx, vitest): Node 20 does not apply hooks
// given to a worker with `--import`, so this registers tsx's loader itself. The builds emit
// ocr-worker.js instead; this file is never part of out/ or the packaged app.
import { register } from 'tsx/esm/api'

register()
await import('./ocr-worker.ts')
