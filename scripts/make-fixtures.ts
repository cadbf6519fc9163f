// Writes every generated fixture to test/fixtures/generated/ with a manifest.json.
// Usage: npx tsx scripts/make-fixtures.ts [--scale 0.5]
import { fileURLToPath } from 'node:url'
import { fixtureCatalog } from '../test/fixtures/catalog'
import { writeFixtures } from '../test/fixtures/write'

const out = fileURLToPath(new URL('../test/fixtures/generated/', import.meta.url))
const scaleArg = process.argv.indexOf('--scale')
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1

const t0 = performance.now()
const entries = await writeFixtures(out, fixtureCatalog(scale), 2, (line) => console.log(line))
const bytes = entries.reduce((s, e) => s + e.bytes, 0)
console.log(
  `${entries.length} fixtures, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`,
)
