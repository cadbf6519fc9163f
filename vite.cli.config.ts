import { builtinModules } from 'node:module'
import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'

// The CLI runs in plain Node (>= 20.19), shares electron/main/services, never imports electron.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
const deps = Object.keys(pkg.dependencies)

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    rollupOptions: {
      external: (id) =>
        id.startsWith('node:') ||
        builtinModules.includes(id) ||
        deps.some((d) => id === d || id.startsWith(`${d}/`)),
      // The decode and OCR workers (decode-pool.ts, ocr-engine.ts) are found beside the code that
      // starts them: keep out/cli flat.
      input: {
        index: 'electron/cli/index.ts',
        'decode-worker': 'electron/main/services/images/decode-worker.ts',
        'ocr-worker': 'electron/main/services/ocr/ocr-worker.ts',
      },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', format: 'es' },
    },
  },
})
