import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * `npm run dev` only: React Fast Refresh injects an inline preamble script, which the strict
 * CSP blocks. The dev server (never a build) relaxes script-src for it.
 */
const devOnlyInlineScripts: Plugin = {
  name: 'beian-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
}

// One config for the three Electron targets. The preload is a single CJS file so the
// renderer can stay sandboxed (an ESM preload would require sandbox: false).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The decode worker (HEIC, PDF off the UI thread) is found beside the code that starts
        // it (decode-pool.ts): keep every file flat in out/main.
        input: {
          index: resolve('electron/main/index.ts'),
          'decode-worker': resolve('electron/main/services/images/decode-worker.ts'),
          'ocr-worker': resolve('electron/main/services/ocr/ocr-worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), devOnlyInlineScripts],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Loaded from disk, not the network: one larger chunk is fine.
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
})
