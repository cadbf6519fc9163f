import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { compressImage } from '../../../../electron/main/services/images'
import { encode, markerRaw, redCorner } from './fixtures'

const HEIF_ENC = '/usr/bin/heif-enc'
const work = mkdtempSync(join(tmpdir(), 'beian-heic-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Encodes with Debian's heif-enc (x265). Fails loudly when it is missing: HEIC must be tested. */
function heifEnc(input: Buffer, ext: 'png' | 'jpg', name: string): Buffer {
  if (!existsSync(HEIF_ENC))
    throw new Error(
      `heif-enc is required for the HEIC tests (${HEIF_ENC}); install it: apt-get install -y libheif-examples`,
    )
  const src = join(work, `${name}.${ext}`)
  const dst = join(work, `${name}.heic`)
  writeFileSync(src, input)
  execFileSync(HEIF_ENC, ['-q', '70', src, '-o', dst])
  return readFileSync(dst)
}

describe('HEIC input', () => {
  it('decodes HEVC HEIC through heic-decode (sharp alone cannot)', async () => {
    const heic = heifEnc(
      await encode(await markerRaw(480, 320))
        .png()
        .toBuffer(),
      'png',
      'plain',
    )
    await expect(sharp(heic).raw().toBuffer()).rejects.toThrow()
    const r = await compressImage(heic, { maxBytes: 512_000 })
    expect(r.sourceFormat).toBe('heic')
    expect([r.width, r.height]).toEqual([480, 320])
    expect(await redCorner(r.jpeg)).toBe('tl')
    const meta = await sharp(r.jpeg).metadata()
    expect(meta.exif).toBeUndefined()
  })

  it('comes out upright when the rotation is only in EXIF (no irot box, as heif-enc writes it)', async () => {
    const jpeg = await encode(await markerRaw(480, 320))
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 92 })
      .toBuffer()
    const heic = heifEnc(jpeg, 'jpg', 'rotated')
    const r = await compressImage(heic, { maxBytes: 512_000 })
    expect([r.width, r.height]).toEqual([320, 480])
    expect(await redCorner(r.jpeg)).toBe('tr')
  })
})
