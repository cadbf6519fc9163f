// Scores of an output, cached by the bytes of the input and of the output (git-ignored, in
// bench/results/score-cache/): the same output of the same input always scores the same, so a
// tool whose output did not change (ImageMagick, jpegoptim, the cached exhaustive search) is not
// scored again. Butteraugli is most of a run's time. Bump SCORE_VERSION when the scoring changes.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Quality } from './metrics'

const SCORE_VERSION = 1
const cacheDir = fileURLToPath(new URL('results/score-cache/', import.meta.url))

const sha256 = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')

/** The score of `outPath` for the input at `inputPath`: cached, or computed by `score` and cached. */
export async function cachedScore(
  inputPath: string,
  outPath: string,
  score: () => Promise<Quality>,
): Promise<Quality> {
  const key = createHash('sha256')
    .update(`${SCORE_VERSION}:${await sha256(inputPath)}:${await sha256(outPath)}`)
    .digest('hex')
  const file = join(cacheDir, `${key}.json`)
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Quality
  } catch {
    const q = await score()
    await mkdir(cacheDir, { recursive: true })
    await writeFile(`${file}.tmp`, JSON.stringify(q))
    await rename(`${file}.tmp`, file)
    return q
  }
}
