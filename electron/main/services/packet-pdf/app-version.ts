/**
 * The app's version for manifest.json, read from the app's own package.json: the first one
 * named `beian-desk` above this module (works from source, from out/main and inside app.asar).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let cached: string | undefined

export function appVersion(from = dirname(fileURLToPath(import.meta.url))): string {
  if (cached) return cached
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'beian-desk' && pkg.version) return (cached = pkg.version)
    }
    if (dirname(dir) === dir) return 'unknown'
  }
}
