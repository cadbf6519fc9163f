// The perspective edit (透视校正) on a photographed synthetic ID card: stored like crop/rotate,
// re-applied from the kept original on every re-compression.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { upsertSite, upsertSubject } from '../../../core/workspace'
import type { Quad } from '../../../core/ocr/perspective'
import { createServices } from '../../../electron/main/services/container'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { materialSource } from '../../../electron/main/services/material-preview'
import { CARD_ASPECT, documentPhoto, placeCorners } from '../../fixtures/ocr-photos'
import { makeIndividual, makeSite } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const CORNERS = placeCorners(800, 600, 1000, CARD_ASPECT, 12, 0.06) as Quad
let photo: Buffer
beforeAll(async () => {
  photo = (
    await documentPhoto({
      face: 'id-front',
      seed: 31,
      width: 1600,
      height: 1200,
      corners: CORNERS,
      backdrop: 'plain',
    })
  ).jpeg
}, 60_000)

function setup() {
  const dir = tempDir()
  const services = createServices(dir, openConfStore(dir), 'assets/divisions')
  const subject = makeIndividual()
  const site = makeSite(subject.id)
  services.repo.commit(upsertSite(upsertSubject(services.repo.workspace(), subject), site))
  const path = join(dir, 'card.jpg')
  writeFileSync(path, photo)
  return { dir, ...services, subject, path }
}

describe('perspective edit', () => {
  it('straightens the card to its real aspect, keeps the original, and survives a later re-edit', async () => {
    const { dir, materials, files, subject, path } = setup()
    const imported = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path,
    })
    expect(imported.width / imported.height).toBeCloseTo(4 / 3, 1)
    const perspective = { quad: CORNERS, target: 'id-card' as const }
    const edited = await materials.editMaterial({
      id: imported.id,
      edit: { ...imported.edit, perspective },
      maxBytes: imported.maxBytes,
    })
    expect(edited.width / edited.height).toBeCloseTo(CARD_ASPECT, 2)
    expect(edited.edit.perspective).toEqual(perspective)
    expect(edited.originalFile).toBe(imported.originalFile)
    expect(readFileSync(join(dir, edited.originalFile))).toEqual(photo)
    // The card fills the picture: its edges are the card's light face, not the dark backdrop.
    const { data, info } = await sharp(readFileSync(join(dir, edited.compressedFile)))
      .raw()
      .toBuffer({ resolveWithObject: true })
    const at = (x: number, y: number): number => data[(y * info.width + x) * info.channels] ?? 0
    const inset = 6
    for (const [x, y] of [
      [inset, info.height >> 1],
      [info.width - inset, info.height >> 1],
      [info.width >> 1, inset],
      [info.width >> 1, info.height - inset],
    ] as const)
      expect(at(x, y)).toBeGreaterThan(120)

    // A later rotation is applied to the straightened card; the quad stays as stored.
    const turned = await materials.editMaterial({
      id: edited.id,
      edit: { ...edited.edit, rotate: 90 },
      maxBytes: edited.maxBytes,
    })
    expect(turned.height / turned.width).toBeCloseTo(CARD_ASPECT, 2)
    expect(turned.edit.perspective).toEqual(perspective)
    // The editor still gets the whole original to drag the corners on.
    const source = await materialSource(turned, files, 800)
    expect([source.width, source.height]).toEqual([1600, 1200])
  }, 60_000)

  it('refuses a quad outside the picture with the crop message', async () => {
    const { materials, subject, path } = setup()
    const m = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path,
    })
    const outside: Quad = [
      { x: 10, y: 10 },
      { x: 2000, y: 10 },
      { x: 2000, y: 900 },
      { x: 10, y: 900 },
    ]
    await expect(
      materials.editMaterial({
        id: m.id,
        edit: { ...m.edit, perspective: { quad: outside, target: 'id-card' } },
        maxBytes: m.maxBytes,
      }),
    ).rejects.toThrow(/裁剪区域/)
  }, 60_000)
})
