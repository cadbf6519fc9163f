import sharp from 'sharp'
import type { Sharp } from 'sharp'
import { describe, expect, it } from 'vitest'
import { imageWarnings } from '../../../../core/images/checks'
import { laplacianVariance, measureImage } from '../../../../electron/main/services/images/analyze'
import { documentRaw, rawOpts } from './fixtures'

const page = documentRaw(1600, 1130)
const doc = () => sharp(page.data, rawOpts(page)).removeAlpha()

async function stats(img: Sharp) {
  const png = await img.png().toBuffer()
  const { data, info } = await sharp(png).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true })
  return measureImage({ data, width: info.width, height: info.height, channels: 3 })
}

describe('calibration of the checks on generated pages', () => {
  it('a sharp colour page gets no warnings', async () => {
    expect(imageWarnings(await stats(doc()), { colourRequired: true })).toEqual([])
  })

  it('blurry: σ=1 px stays sharp, σ=2 px is flagged', async () => {
    expect(imageWarnings(await stats(doc().blur(1)))).not.toContain('blurry')
    expect(imageWarnings(await stats(doc().blur(2)))).toContain('blurry')
  })

  it('grayscale: a grey copy of the page is flagged where colour is required', async () => {
    expect(imageWarnings(await stats(doc().greyscale()), { colourRequired: true })).toContain('grayscale')
  })

  it('too-dark: 22 % brightness is flagged, 45 % is not', async () => {
    expect(imageWarnings(await stats(doc().linear(0.22, 0)))).toContain('too-dark')
    expect(imageWarnings(await stats(doc().linear(0.45, 0)))).not.toContain('too-dark')
  })

  it('overexposed: washed-out text is flagged, a brighter but readable page is not', async () => {
    expect(imageWarnings(await stats(doc().linear(0.5, 140)))).toContain('overexposed')
    expect(imageWarnings(await stats(doc().linear(1, 12)))).not.toContain('overexposed')
  })

  it('Laplacian variance of a flat image is 0 and grows with edges', () => {
    const flat = new Float32Array(100).fill(128)
    expect(laplacianVariance(flat, 10, 10)).toBe(0)
    const edges = Float32Array.from({ length: 100 }, (_, i) => (i % 2 ? 255 : 0))
    expect(laplacianVariance(edges, 10, 10)).toBeGreaterThan(1000)
  })
})
