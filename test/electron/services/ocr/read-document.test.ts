// Real OCR (PaddleOCR in the worker thread) on generated images: about nine recognitions in all.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeOcr, deskewDocument, readDocument } from '../../../../electron/main/services/ocr'
import { CARD_ASPECT, documentPhoto, placeCorners } from '../../../fixtures/ocr-photos'
import {
  businessLicence,
  idCardBack,
  idCardFront,
  syntheticCompany,
  syntheticPerson,
} from '../../../fixtures/generate'

const SLOW = 180_000
const iso = (b: readonly number[]): string =>
  b.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-')
const values = (fields: Record<string, { value: string } | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f?.value ?? '']))

type Inputs = {
  front: Buffer
  angled: Buffer
  upsideDown: Buffer
  sideways: Buffer
  back: Buffer
  licence: Buffer
  deskew: Buffer
}
let input: Inputs
const DESKEW_CORNERS = placeCorners(600, 450, 800, CARD_ASPECT, -8, 0.05)

// Every image is drawn before the first task: the OCR worker restricts sharp's loaders
// process-wide (no SVG), as the app does.
beforeAll(async () => {
  const flat = await idCardFront({ mode: 'flat', width: 1200, seed: 4 })
  const angled = await documentPhoto({
    face: 'id-front',
    seed: 11,
    width: 1600,
    height: 1200,
    corners: placeCorners(800, 600, 1100, CARD_ASPECT, 9, 0.06),
    backdrop: 'plain',
  })
  const deskew = await documentPhoto({
    face: 'id-back',
    seed: 2,
    width: 1200,
    height: 900,
    corners: DESKEW_CORNERS,
    backdrop: 'desk',
  })
  input = {
    front: await idCardFront({ mode: 'flat', width: 1000, seed: 5 }),
    angled: angled.jpeg,
    upsideDown: await sharp(flat).rotate(180).jpeg().toBuffer(),
    sideways: await sharp(flat).rotate(90).jpeg().toBuffer(),
    back: await idCardBack({ mode: 'flat', width: 1200, seed: 6 }),
    licence: await businessLicence({ mode: 'scan', seed: 8 }),
    deskew: deskew.jpeg,
  }
}, 60_000)
afterAll(closeOcr)

describe('readDocument (worker, real OCR)', () => {
  it('stops a task past its timeout with a clear message', async () => {
    await expect(readDocument(input.front, 'id-front', { timeoutMs: 1 })).rejects.toMatchObject({
      code: 'ocr/timeout',
    })
  })

  it('refuses input that is not an image, and a missing file, in Chinese', async () => {
    await expect(readDocument(Buffer.from('not an image'), 'id-front')).rejects.toMatchObject({
      code: 'ocr/unreadable',
    })
    await expect(readDocument('/nonexistent/card.jpg', 'id-front')).rejects.toMatchObject({
      code: 'ocr/unreadable',
      message: expect.stringContaining('找不到文件'),
    })
  })

  it(
    'reads every field of an ID front photographed at an angle (deskewed first)',
    async () => {
      const p = syntheticPerson(11)
      const r = await readDocument(input.angled, 'id-front', { today: '2026-12-07' })
      expect(r.quad).not.toBeNull()
      expect(values(r.fields)).toEqual({
        name: p.name,
        sex: p.sex,
        ethnicity: p.ethnicity,
        birth: iso(p.birth),
        address: p.address,
        idNumber: p.residentId,
      })
      expect(r.fields.idNumber?.checked).toBe(true)
      expect(r.rotated).toBe(false)
    },
    SLOW,
  )

  it(
    'reads an upside-down ID front by turning it (no valid number the first time)',
    async () => {
      const p = syntheticPerson(4)
      const r = await readDocument(input.upsideDown, 'id-front', { today: '2026-12-07', deskew: false })
      expect(r.rotated).toBe(true)
      expect(r.turn).toBe(180)
      expect(r.fields.idNumber?.value).toBe(p.residentId)
    },
    SLOW,
  )

  it(
    'reads an ID front lying on its side: the quarter turns come first for a portrait card',
    async () => {
      const p = syntheticPerson(4)
      const r = await readDocument(input.sideways, 'id-front', { today: '2026-12-07', deskew: false })
      expect(r.turn).toBe(270)
      expect(r.rotated).toBe(true)
      expect(r.fields.idNumber?.value).toBe(p.residentId)
    },
    SLOW,
  )

  it(
    'reads the ID back: 签发机关 and both validity dates',
    async () => {
      const p = syntheticPerson(6)
      const r = await readDocument(input.back, 'id-back', { deskew: false })
      expect(values(r.fields)).toEqual({
        authority: p.authority,
        validFrom: p.validFrom.replaceAll('.', '-'),
        validTo: `${p.validTo}${p.validFrom.slice(4)}`.replaceAll('.', '-'),
      })
    },
    SLOW,
  )

  it(
    'reads a business licence scan',
    async () => {
      const c = syntheticCompany(8)
      const r = await readDocument(input.licence, 'licence', { deskew: false })
      expect(values(r.fields)).toMatchObject({
        name: c.name,
        uscc: c.uscc,
        representative: c.representative,
        address: c.address,
      })
      expect(r.fields.uscc?.checked).toBe(true)
    },
    SLOW,
  )
})

describe('deskewDocument (worker)', () => {
  it('returns the quad in photo pixels and the straightened card', async () => {
    const corners = DESKEW_CORNERS
    const r = await deskewDocument(input.deskew, 'id-card')
    expect(r.width).toBe(1200)
    const err = Math.max(
      ...(r.quad ?? []).map((q, i) => Math.hypot(q.x - (corners[i]?.x ?? 0), q.y - (corners[i]?.y ?? 0))),
    )
    expect(r.quad).not.toBeNull()
    expect(err).toBeLessThan(15)
    const meta = await sharp(Buffer.from(r.image ?? [])).metadata()
    expect((meta.width ?? 0) / (meta.height ?? 1)).toBeCloseTo(CARD_ASPECT, 1)
  }, 60_000)
})
