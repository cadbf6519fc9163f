/**
 * `--help` and `check` start fast because the entry reaches no heavy package through static
 * imports: sharp, pdf.js, zod, the store and the domain tables load with the command that needs
 * them (dynamic import()). Times are measured in the benchmark (bench/cli-startup.ts), not here.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')
const HEAVY = [
  'sharp',
  'pdfjs-dist',
  'zod',
  'tldts',
  'tr46',
  'ipaddr.js',
  'conf',
  'yazl',
  '@napi-rs/canvas',
  'heic-decode',
  'pdf-lib',
]

/** Every module and package reachable from `entry` through static `import … from` (not `import type`, not `import()`). */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    files.add(file)
    const source = readFileSync(file, 'utf8')
    for (const [, spec] of source.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gms)) {
      if (!spec) continue
      if (!spec.startsWith('.')) {
        if (!spec.startsWith('node:')) packages.add(spec)
        continue
      }
      const base = resolve(dirname(file), spec)
      const found = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f))
      if (found) visit(found)
    }
  }
  visit(entry)
  return { files, packages }
}

describe('CLI start-up imports', () => {
  it.each([
    ['the entry (--help, per-command help)', 'electron/cli/index.ts'],
    ['the check command', 'electron/cli/commands/check.ts'],
    ['the resident-id checker', 'core/validation/resident-id.ts'],
  ])('%s reaches no heavy package statically', (_, file) => {
    const { files, packages } = staticClosure(join(root, file))
    expect(files.size).toBeGreaterThan(0)
    expect([...packages].filter((p) => HEAVY.some((h) => p === h || p.startsWith(`${h}/`)))).toEqual([])
  })

  it('would notice a heavy package (the compress command reaches sharp and zod)', () => {
    const { packages } = staticClosure(join(root, 'electron/cli/commands/compress.ts'))
    expect(packages).toContain('sharp')
    expect(packages).toContain('zod')
  })
})
