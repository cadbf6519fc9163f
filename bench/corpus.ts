// The benchmark corpus (git-ignored, under bench/corpus/): the full-size fixture catalog (documents,
// generated deterministically, regenerated only when the generator sources change) and real
// photographs from Debian wallpaper packages (scripts/photo-corpus.ts: apt-get + sha256 checks).
// Every input falls in the tuning or the checking half, by the hash of its name.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { ensurePhotos } from '../scripts/photo-corpus'
import { fixtureCatalog } from '../test/fixtures/catalog'
import { writeFixtures, type ManifestEntry } from '../test/fixtures/write'
import type { Input } from './tools'

async function generatorHash(fixturesDir: string): Promise<string> {
  const h = createHash('sha256')
  for (const f of (await readdir(fixturesDir)).filter((n) => n.endsWith('.ts')).sort())
    h.update(f).update(await readFile(join(fixturesDir, f)))
  return h.digest('hex').slice(0, 16)
}

export type Half = 'tuning' | 'checking'

/**
 * Within each group (photos, documents) inputs are ordered by sha256 of their name and dealt
 * alternately to the two halves: deterministic, balanced, and blind to what the inputs are.
 */
export function assignHalves<T extends { name: string; group: string }>(
  inputs: readonly T[],
): Map<string, Half> {
  const out = new Map<string, Half>()
  const key = (n: string): string => createHash('sha256').update(n).digest('hex')
  for (const group of new Set(inputs.map((i) => i.group))) {
    const sorted = inputs
      .filter((i) => i.group === group)
      .sort((a, b) => key(a.name).localeCompare(key(b.name)))
    sorted.forEach((i, k) => out.set(i.name, k % 2 === 0 ? 'tuning' : 'checking'))
  }
  return out
}

async function ensureDocuments(
  root: string,
  log: (s: string) => void,
): Promise<{ entries: ManifestEntry[]; dir: string }> {
  const dir = join(root, 'bench/corpus')
  const stampFile = join(dir, 'generator.hash')
  const hash = await generatorHash(join(root, 'test/fixtures'))
  const manifestFile = join(dir, 'manifest.json')
  if (!existsSync(manifestFile) || !existsSync(stampFile) || (await readFile(stampFile, 'utf8')) !== hash) {
    log(`generating corpus into ${dir} …`)
    for (const f of existsSync(dir) ? await readdir(dir) : [])
      if (f !== 'photos') await rm(join(dir, f), { recursive: true, force: true })
    await writeFixtures(dir, fixtureCatalog(1), 2, (line) => log(`  ${line}`))
    await writeFile(stampFile, hash)
  }
  return { entries: JSON.parse(await readFile(manifestFile, 'utf8')) as ManifestEntry[], dir }
}

export type Corpus = { inputs: Input[]; sizes: Map<string, number> }

/** Documents and photographs, each input tagged with its group and half. `photos: false` leaves the photographs out. */
export async function ensureCorpus(
  root: string,
  log: (s: string) => void,
  opts: { photos?: boolean } = {},
): Promise<Corpus> {
  const { entries, dir } = await ensureDocuments(root, log)
  const docs = entries.map((e) => ({
    name: e.name,
    path: join(dir, e.name),
    format: e.format,
    group: 'document' as const,
  }))
  const photoFiles =
    opts.photos === false
      ? []
      : await ensurePhotos(join(dir, 'photos'), log).catch((e: Error) => {
          log(`WITHOUT PHOTOGRAPHS: ${e.message}`)
          return [] as string[]
        })
  const photos = photoFiles.map((p) => ({
    name: basename(p),
    path: p,
    format: 'jpeg',
    group: 'photo' as const,
  }))
  const sizes = new Map<string, number>(entries.map((e) => [e.name, e.bytes]))
  for (const p of photos) sizes.set(p.name, (await stat(p.path)).size)
  const all = [...photos, ...docs]
  const halves = assignHalves(all)
  return { inputs: all.map((i) => ({ ...i, half: halves.get(i.name) ?? 'tuning' })), sizes }
}
