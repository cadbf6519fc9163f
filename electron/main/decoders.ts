/**
 * In the app, the HEIC and PDF decoders run in Electron utility processes rather than worker
 * threads of main (issue 12): a decoder that crashes or exhausts its heap ends a process of its
 * own. The CLI and the web test bridge never call this and keep worker threads.
 */
import { fileURLToPath } from 'node:url'
import { utilityProcess } from 'electron'
import { DECODE_RESOURCE_LIMITS, setDecodeTransport } from './services/images/decode-pool'
import { utilityProcessTransport } from './services/images/decode-transport'

/**
 * decode-worker.js beside the main bundle (electron.vite.config.ts emits both flat in out/main).
 * Packaged, that is inside app.asar, which a utility process reads like main does: Electron's
 * asar support is set up in every Node environment it starts. Only native addons (the canvas of
 * pdf.js) must be unpacked, and electron-builder.yml already does so.
 */
export function builtDecodeWorkerPath(mainModuleUrl: string): string {
  return fileURLToPath(new URL('./decode-worker.js', mainModuleUrl))
}

/** Call once the app is ready (utilityProcess.fork refuses before); processes start with the first decode. */
export function useUtilityProcessDecoders(mainModuleUrl: string): void {
  const fork = (modulePath: string, args: string[], options: { serviceName: string; execArgv: string[] }) =>
    utilityProcess.fork(modulePath, args, options)
  setDecodeTransport(
    utilityProcessTransport(fork, builtDecodeWorkerPath(mainModuleUrl), DECODE_RESOURCE_LIMITS),
  )
}
