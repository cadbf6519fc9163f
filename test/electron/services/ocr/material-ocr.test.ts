// ocr:deskew and ocr:read through main's handlers and dispatch, with the real OCR worker, on a
// photographed synthetic ID card (generated, no real person): two deskews and two reads.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeskewProposal, MaterialOcr } from '../../../../core/api'
import type { Quad } from '../../../../core/ocr/perspective'
import { upsertSite, upsertSubject } from '../../../../core/workspace'
import { dispatch } from '../../../../electron/main/ipc/dispatch'
import { handlersFor } from '../../../../electron/main/ipc/index'
import { openConfStore } from '../../../../electron/main/services/conf-store'
import { createServices } from '../../../../electron/main/services/container'
import { closeOcr } from '../../../../electron/main/services/ocr'
import { CARD_ASPECT, documentPhoto, placeCorners } from '../../../fixtures/ocr-photos'
import { truthOf } from '../../../fixtures/ocr-set'
import { makeIndividual, makeSite } from '../../../support/factories'
import { useTempDirs } from '../../../support/temp-dir'

const SLOW = 180_000
const SEED = 41
const CORNERS = placeCorners(1000, 750, 1300, CARD_ASPECT, -10, 0.05) as Quad
const tempDir = useTempDirs()
let photo: Buffer
beforeAll(async () => {
  photo = (
    await documentPhoto({
      face: 'id-front',
      seed: SEED,
      width: 2000,
      height: 1500,
      corners: CORNERS,
      backdrop: 'desk',
    })
  ).jpeg
}, 60_000)
afterAll(closeOcr)

function setup() {
  const dir = tempDir()
  const services = createServices(dir, openConfStore(dir), 'assets/divisions')
  const subject = makeIndividual()
  const site = makeSite(subject.id)
  services.repo.commit(upsertSite(upsertSubject(services.repo.workspace(), subject), site))
  const path = join(dir, 'card.jpg')
  writeFileSync(path, photo)
  const handlers = handlersFor(services, {
    dialogs: { pickImages: async () => [], pickExportTarget: async () => null },
    openExternal: async () => false,
  })
  const ctx = { emit: () => undefined }
  const call = async <T>(channel: Parameters<typeof dispatch>[1], payload: unknown): Promise<T> => {
    const r = await dispatch(handlers, channel, payload, ctx)
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error)
    return r.value as T
  }
  return { dir, services, subject, path, call, handlers, ctx }
}

const diagonal = (q: Quad): number => Math.hypot(q[2].x - q[0].x, q[2].y - q[0].y)

describe('ocr IPC', () => {
  it(
    'proposes the card corners, stores them as an edit, and reads the straightened card',
    async () => {
      const { subject, path, call, services } = setup()
      // Imported through the service: the materials:import channel checks a dialog's path grant.
      const m = await services.materials.importMaterial({
        ownerKind: 'subject',
        ownerId: subject.id,
        slot: 'principal-id-front',
        path,
      })
      const proposal = await call<DeskewProposal>('ocr:deskew', { id: m.id })
      expect(proposal).toMatchObject({ materialId: m.id, target: 'id-card', width: 2000, height: 1500 })
      const quad = proposal.quad as Quad
      expect(quad).not.toBeNull()
      quad.forEach((p, i) => {
        const truth = CORNERS[i] as Quad[number]
        expect(Math.hypot(p.x - truth.x, p.y - truth.y)).toBeLessThan(diagonal(CORNERS) * 0.01)
      })

      const edited = await call<{ id: string; width: number; height: number }>('materials:edit', {
        id: m.id,
        edit: { ...m.edit, perspective: { quad: proposal.quad, target: proposal.target } },
        maxBytes: m.maxBytes,
      })
      expect(edited.width / edited.height).toBeCloseTo(CARD_ASPECT, 2)

      const read = await call<MaterialOcr>('ocr:read', { id: edited.id })
      const truth = truthOf('id-front', SEED)
      expect(read.kind).toBe('id-front')
      expect(read.fields.idNumber).toMatchObject({ value: truth.idNumber, checked: true })
      expect(read.fields.name?.value).toBe(truth.name)
      expect(read.fields.idNumber?.confidence).toBeGreaterThan(0.5)
    },
    SLOW,
  )

  it('refuses a handheld slot, an unknown material and a malformed request with clear messages', async () => {
    const { subject, path, call, services } = setup()
    const m = await services.materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-handheld',
      path,
    })
    await expect(call('ocr:read', { id: m.id })).rejects.toMatchObject({ code: 'ocr/not-readable' })
    await expect(call('ocr:deskew', { id: m.id })).rejects.toMatchObject({ code: 'ocr/no-deskew' })
    await expect(call('ocr:read', { id: 'nope' })).rejects.toMatchObject({ code: 'materials/not-found' })
    await expect(call('ocr:deskew', { id: 42 })).rejects.toMatchObject({ code: 'ipc/invalid-request' })
  }, 60_000)
})
