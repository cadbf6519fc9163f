// The benchmark corpus: the full-size fixture catalog written to bench/corpus/ (git-ignored).
// Regenerated only when the generator sources change (the generator is deterministic).
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fixtureCatalog } from '../test/fixtures/catalog'
import { writeFixtures, type ManifestEntry } from '../test/fixtures/write'
import type { Input } from './tools'

async function generatorHash(fixturesDir: string): Promise<string> {
  const h = createHash('sha256')
  for (const f of (await readdir(fixturesDir)).filter((n) => n.endsWith('.ts')).sort()) h.update(f).update(await readFile(join(fixturesDir, f)))
  return h.digest('hex').slice(0, 16)
}

export async function ensureCorpus(root: string, log: (s: string) => void): Promise<{ inputs: Input[]; entries: ManifestEntry[]; regenerated: boolean }> {
  const dir = join(root, 'bench/corpus')
  const stampFile = join(dir, 'generator.hash')
  const hash = await generatorHash(join(root, 'test/fixtures'))
  const manifestFile = join(dir, 'manifest.json')
  let regenerated = false
  if (!existsSync(manifestFile) || !existsSync(stampFile) || (await readFile(stampFile, 'utf8')) !== hash) {
    log(`generating corpus into ${dir} …`)
    await rm(dir, { recursive: true, force: true })
    await writeFixtures(dir, fixtureCatalog(1), 2, (line) => log(`  ${line}`))
    await writeFile(stampFile, hash)
    regenerated = true
  }
  const entries = JSON.parse(await readFile(manifestFile, 'utf8')) as ManifestEntry[]
  return { inputs: entries.map((e) => ({ name: e.name, path: join(dir, e.name), format: e.format })), entries, regenerated }
}
