import { builtinModules } from 'node:module'
import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'

// The CLI runs in plain Node (>= 20.19), shares electron/main/services, never imports electron.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
const deps = Object.keys(pkg.dependencies)

export default defineConfig({
  build: {
    ssr: 'electron/cli/index.ts',
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    rollupOptions: {
      external: (id) =>
        id.startsWith('node:') ||
        builtinModules.includes(id) ||
        deps.some((d) => id === d || id.startsWith(`${d}/`)),
      output: { entryFileNames: 'index.js', format: 'es' },
    },
  },
})
