// Quality of one output against the upright reference: SSIM on luma at a 1600 px and a
// 3000 px long side, butteraugli at 1600 px, plus what metadata leaked through.
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp, { type SharpOptions } from 'sharp'
import { readExif } from '../test/fixtures/exif-reader'
import { decodeOutput, type Rgb } from './decode'
import { luma, ssim } from './ssim'

const run = promisify(execFile)
export const BUTTERAUGLI = '/usr/bin/butteraugli'

export type Scaled = { luma: Float32Array; width: number; height: number; png?: string }
export type Reference = { at1600: Scaled; at3000: Scaled; width: number; height: number }

const raw = (r: Rgb): SharpOptions => ({ raw: { width: r.width, height: r.height, channels: 3 } })

async function scaleTo(r: Rgb, w: number, h: number): Promise<Rgb> {
  if (r.width === w && r.height === h) return r
  const { data, info } = await sharp(r.data, raw(r))
    .resize(w, h, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** Size with the given long side, never enlarging the reference. */
function fit(r: { width: number; height: number }, long: number): [number, number] {
  const s = Math.min(1, long / Math.max(r.width, r.height))
  return [Math.max(11, Math.round(r.width * s)), Math.max(11, Math.round(r.height * s))]
}

export async function prepareReference(ref: Rgb, scratch: string): Promise<Reference> {
  const [w1, h1] = fit(ref, 1600)
  const [w3, h3] = fit(ref, 3000)
  const r1 = await scaleTo(ref, w1, h1)
  const r3 = await scaleTo(ref, w3, h3)
  const png = join(scratch, 'ref-1600.png')
  await writeFile(png, await sharp(r1.data, raw(r1)).png({ compressionLevel: 1 }).toBuffer())
  return {
    at1600: { luma: luma(r1.data, w1, h1), width: w1, height: h1, png },
    at3000: { luma: luma(r3.data, w3, h3), width: w3, height: h3 },
    width: ref.width,
    height: ref.height,
  }
}

export type Quality = {
  ssim1600: number
  ssim3000: number
  butteraugli: number
  width: number
  height: number
  sideways: boolean
  exif: boolean
  gps: boolean
  icc?: string
}

async function butteraugli(refPng: string, out: Rgb, scratch: string): Promise<number> {
  const png = join(scratch, 'out-1600.png')
  await writeFile(png, await sharp(out.data, raw(out)).png({ compressionLevel: 1 }).toBuffer())
  const { stdout } = await run(BUTTERAUGLI, [refPng, png], { maxBuffer: 1 << 20 })
  const score = Number.parseFloat(stdout.trim().split(/\s+/)[0] ?? '')
  if (!Number.isFinite(score)) throw new Error(`butteraugli printed no score: ${stdout.slice(0, 80)}`)
  return score
}

export async function measure(ref: Reference, outPath: string, scratch: string): Promise<Quality> {
  const out = await decodeOutput(outPath)
  const meta = await sharp(await readFile(outPath)).metadata()
  const o1 = await scaleTo(out, ref.at1600.width, ref.at1600.height)
  const o3 = await scaleTo(out, ref.at3000.width, ref.at3000.height)
  const landscape = (w: number, h: number): boolean => w > h * 1.05
  const portrait = (w: number, h: number): boolean => h > w * 1.05
  return {
    ssim1600: ssim(ref.at1600.luma, luma(o1.data, o1.width, o1.height), o1.width, o1.height),
    ssim3000: ssim(ref.at3000.luma, luma(o3.data, o3.width, o3.height), o3.width, o3.height),
    butteraugli: await butteraugli(ref.at1600.png ?? '', o1, scratch),
    width: out.width,
    height: out.height,
    sideways:
      (landscape(ref.width, ref.height) && portrait(out.width, out.height)) ||
      (portrait(ref.width, ref.height) && landscape(out.width, out.height)),
    exif: meta.exif !== undefined,
    gps: meta.exif ? readExif(meta.exif).gpsTags.length > 0 : false,
    icc: meta.icc ? iccName(meta.icc) : undefined,
  }
}

/** The profile description (enough to tell sRGB from Display P3 or a CMYK profile). */
function iccName(icc: Buffer): string {
  const s = icc.toString('latin1').replace(/\0/g, '')
  const m = /(Display P3|sRGB[\w -]*|P3|CMYK|Generic[\w ]*)/.exec(s)
  return m?.[1]?.trim() ?? 'icc'
}
