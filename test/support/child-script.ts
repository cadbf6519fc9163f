/**
 * A TypeScript child-process script bundled into one ESM file, so each child a crash test
 * kills starts in plain Node without a TypeScript loader.
 */
import { join, resolve } from 'node:path'
import { build } from 'esbuild'

const ROOT = resolve(import.meta.dirname, '../..')

/** Bundles `source` (imports resolved from the repo root) to `<dir>/<name>.mjs`; returns its path. */
export async function bundleChildScript(source: string, name: string, dir: string): Promise<string> {
  const outfile = join(dir, `${name}.mjs`)
  await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: `${name}.ts` },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  })
  return outfile
}
