import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { findDocumentQuad, warpDocument } from '../../../../electron/main/services/ocr/deskew'
import { diagonal, type Quad } from '../../../../electron/main/services/ocr/deskew-geometry'
import { loadOpenCv, type OpenCv } from '../../../../electron/main/services/ocr/opencv'
import {
  backdrop,
  CARD_ASPECT,
  documentPhoto,
  placeCorners,
  type PhotoSpec,
} from '../../../fixtures/ocr-photos'
import { createRng } from '../../../fixtures/prng'

let cv: OpenCv
beforeAll(async () => {
  cv = (await loadOpenCv()).cv
})

const rgba = async (jpeg: Buffer) => {
  const { data, info } = await sharp(jpeg).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data: new Uint8Array(data), width: info.width, height: info.height }
}

const cornerError = (found: Quad, truth: Quad): number =>
  Math.max(...found.map((c, i) => Math.hypot(c.x - (truth[i]?.x ?? 0), c.y - (truth[i]?.y ?? 0))))

const W = 1200
const H = 900

describe('findDocumentQuad', () => {
  it.each<[string, Partial<PhotoSpec>, number, number]>([
    ['straight, plain background', { backdrop: 'plain' }, 0, 0],
    ['rotated 12°, tilted, plain background', { backdrop: 'plain' }, 12, 0.08],
    ['rotated -15°, plain background, blurred', { backdrop: 'plain', blur: 1.5 }, -15, 0.05],
    ['rotated 7°, tilted, on a wooden desk', { backdrop: 'desk' }, 7, 0.06],
  ])('finds an ID card %s within 1 % of its diagonal', async (_, spec, angle, tilt) => {
    const corners = placeCorners(W / 2, H / 2, 760, CARD_ASPECT, angle, tilt)
    const photo = await documentPhoto({
      face: 'id-front',
      seed: 7,
      width: W,
      height: H,
      corners,
      backdrop: 'plain',
      ...spec,
    })
    const quad = findDocumentQuad(cv, await rgba(photo.jpeg), 'id-card')
    expect(quad).not.toBeNull()
    expect(cornerError(quad as Quad, corners) / diagonal(corners)).toBeLessThanOrEqual(0.01)
  })

  it('finds a licence page (A4 proportions) within 1 %', async () => {
    const corners = placeCorners(W / 2, H / 2, 900, Math.SQRT2, -5, 0.05)
    const photo = await documentPhoto({
      face: 'licence',
      seed: 3,
      width: W,
      height: H,
      corners,
      backdrop: 'plain',
    })
    const quad = findDocumentQuad(cv, await rgba(photo.jpeg), 'page')
    expect(quad).not.toBeNull()
    expect(cornerError(quad as Quad, corners) / diagonal(corners)).toBeLessThanOrEqual(0.01)
  })

  it.each([1, 2, 3])('returns none on a busy card-free image (seed %i)', async (seed) => {
    const bg = await backdrop('busy', createRng(seed), W, H)
    const img = { data: new Uint8Array(bg), width: W, height: H }
    expect(findDocumentQuad(cv, img, 'id-card')).toBeNull()
    expect(findDocumentQuad(cv, img, 'page')).toBeNull()
  })

  it('returns none on a plain image and on a card of the wrong proportions', async () => {
    const plain = await backdrop('plain', createRng(9), W, H)
    expect(findDocumentQuad(cv, { data: new Uint8Array(plain), width: W, height: H }, 'id-card')).toBeNull()
    const corners = placeCorners(W / 2, H / 2, 760, CARD_ASPECT, 0, 0)
    const photo = await documentPhoto({
      face: 'id-front',
      seed: 7,
      width: W,
      height: H,
      corners,
      backdrop: 'plain',
    })
    // An ID card is not an A4 page: the proportions check refuses it.
    expect(findDocumentQuad(cv, await rgba(photo.jpeg), 'page')).toBeNull()
  })
})

describe('warpDocument', () => {
  it('straightens the card to 85.6 × 54 proportions, the face upright', async () => {
    const corners = placeCorners(W / 2, H / 2, 760, CARD_ASPECT, 10, 0.06)
    const photo = await documentPhoto({
      face: 'id-front',
      seed: 7,
      width: W,
      height: H,
      corners,
      backdrop: 'plain',
    })
    const img = await rgba(photo.jpeg)
    const quad = findDocumentQuad(cv, img, 'id-card') as Quad
    const out = warpDocument(cv, img, quad, 'id-card', 1000)
    expect(out.width / out.height).toBeCloseTo(85.6 / 54, 2)
    expect(out.width).toBeLessThanOrEqual(1000)
    // The top-left corner region is the card's pale background, not the dark backdrop.
    const i = (10 * out.width + 10) * 4
    expect(out.data[i] ?? 0).toBeGreaterThan(150)
  })
})
