// The three compressors under test, each run the way its users run it, one image at a time.
import { execFile } from 'node:child_process'
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { pdfToPng } from './decode'
import { exhaustiveSearch } from './exhaustive'

const run = promisify(execFile)

export const CAP = 512_000
/** Debian's ImageMagick 6 binary, called directly (not through any wrapper on PATH). */
export const CONVERT = '/usr/bin/convert'
export const JPEGOPTIM = '/usr/bin/jpegoptim'

/** `group` and `half` come from bench/corpus.ts (photo or document; tuning or checking half). */
export type Input = {
  name: string
  path: string
  format: string
  group?: 'photo' | 'document'
  half?: 'tuning' | 'checking'
}
export type RunResult = {
  ms: number
  error?: string
  notes: string[]
  quality?: number
  encodes?: number
  width?: number
  height?: number
}
export type Tool = {
  id: ToolId
  label: string
  run: (input: Input, out: string, scratch: string) => Promise<RunResult>
}
export type ToolId = 'beian' | 'imagemagick' | 'jpegoptim' | 'exhaustive'

/** The compressor's contract (electron/main/services/images/index.ts). */
export type CompressImage = (
  input: Buffer,
  opts: { maxBytes: number; colourRequired?: boolean; idCard?: boolean; pdfPage?: number },
) => Promise<{
  jpeg: Buffer
  width: number
  height: number
  quality: number
  sourceFormat: string
  sourceWidth: number
  sourceHeight: number
  warnings: unknown[]
  encodes: number
}>

export async function loadCompressor(root: string): Promise<CompressImage | undefined> {
  const file = join(root, 'electron/main/services/images/index.ts')
  try {
    await stat(file)
  } catch {
    return undefined
  }
  const mod = (await import(pathToFileURL(file).href)) as { compressImage?: CompressImage }
  return mod.compressImage
}

const timed = async (f: () => Promise<Partial<RunResult>>): Promise<RunResult> => {
  const t0 = performance.now()
  try {
    const r = await f()
    return { notes: [], ...r, ms: performance.now() - t0 }
  } catch (e) {
    return {
      notes: [],
      ms: performance.now() - t0,
      error: e instanceof Error ? e.message.split('\n')[0] : String(e),
    }
  }
}

export function beianTool(compress: CompressImage): Tool {
  return {
    id: 'beian',
    label: 'Beian Desk',
    run: (input, out) =>
      timed(async () => {
        const r = await compress(await readFile(input.path), {
          maxBytes: CAP,
          idCard: /^(id-|handheld)/.test(input.name) || undefined,
          colourRequired: input.name.startsWith('domain-cert') || undefined,
          pdfPage: input.format === 'pdf' ? 1 : undefined,
        })
        await writeFile(out, r.jpeg)
        return { quality: r.quality, encodes: r.encodes, width: r.width, height: r.height, notes: [] }
      }),
  }
}

/** PDFs: ImageMagick's Debian policy forbids the PDF coder, so users rasterise with pdftoppm first. */
async function rasterIfPdf(input: Input, scratch: string, notes: string[]): Promise<string> {
  if (input.format !== 'pdf') return input.path
  notes.push('PDF rasterised by pdftoppm -r 200 first (timed)')
  return pdfToPng(input.path, 200, join(scratch, 'page'))
}

export const imageMagickTool: Tool = {
  id: 'imagemagick',
  label: 'ImageMagick jpeg:extent',
  run: (input, out, scratch) =>
    timed(async () => {
      const notes: string[] = []
      const src = await rasterIfPdf(input, scratch, notes)
      // A bare number is bytes; IM also reads "500KB" as 500 × 1024 = 512,000 bytes.
      await run(CONVERT, [src, '-define', `jpeg:extent=${CAP}`, out])
      return { notes }
    }),
}

export const jpegoptimTool: Tool = {
  id: 'jpegoptim',
  label: 'jpegoptim --size=500',
  run: (input, out, scratch) =>
    timed(async () => {
      const notes: string[] = []
      let src = await rasterIfPdf(input, scratch, notes)
      if (input.format !== 'jpeg') {
        // jpegoptim only reads JPEG: convert first at quality 95 (timed as part of the job).
        const jpg = join(scratch, 'pre.jpg')
        await run(CONVERT, [src, '-quality', '95', jpg])
        notes.push('converted to JPEG q95 by ImageMagick first (timed)')
        src = jpg
      }
      const dest = join(scratch, 'jo')
      await rm(dest, { recursive: true, force: true })
      await mkdir(dest)
      // --size is in KiB: 500 → a 512,000-byte target (not guaranteed: it can overshoot).
      await run(JPEGOPTIM, ['--size=500', '-q', '-d', dest, '-o', src])
      try {
        await copyFile(join(dest, basename(src)), out)
      } catch {
        await copyFile(src, out)
        notes.push('jpegoptim wrote nothing (no gain): file kept as is')
      }
      return { notes }
    }),
}

/** Reference, not a contender: see bench/exhaustive.ts. */
export const exhaustiveTool: Tool = {
  id: 'exhaustive',
  label: 'exhaustive mozjpeg search',
  run: (input, out, scratch) => timed(() => exhaustiveSearch(input, out, scratch)),
}
