import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { deleteSubject, upsertSite, upsertSubject } from '../../../core/workspace'
import { createServices } from '../../../electron/main/services/container'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { materialPreview, materialSource } from '../../../electron/main/services/material-preview'
import { idCardFront, withOrientation } from '../../fixtures/generate'
import { makeIndividual, makeSite } from '../../support/factories'
import { colourPagesPdf, meanColour } from '../../support/pdf-pages'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
let sideways: Buffer
let upright: Buffer
beforeAll(async () => {
  // Drawn before the image service blocks the SVG loader process-wide.
  upright = await idCardFront({ seed: 21, width: 1600, height: 1200 })
  sideways = await withOrientation(upright, 6)
})

function setup() {
  const dir = tempDir()
  const store = openConfStore(dir)
  const services = createServices(dir, store, 'assets/divisions')
  const subject = makeIndividual()
  const site = makeSite(subject.id)
  services.repo.commit(upsertSite(upsertSubject(services.repo.workspace(), subject), site))
  const photo = join(dir, 'photo.jpg')
  writeFileSync(photo, sideways)
  return { dir, ...services, subject, site, photo }
}

describe('material service', () => {
  it('keeps the original beside an upright, metadata-free compressed copy and records it', async () => {
    const { dir, materials, repo, subject, photo } = setup()
    const m = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path: photo,
    })
    // The original is kept at full size, turned upright and without its EXIF (GPS, camera): issue 12.
    // (Compared by metadata, not toEqual: a failing diff of two large Buffers stalls the worker.)
    const original = await sharp(readFileSync(join(dir, m.originalFile))).metadata()
    expect(original.exif).toBeUndefined()
    expect([original.width, original.height, original.orientation ?? 1]).toEqual([1600, 1200, 1])
    const compressed = readFileSync(join(dir, m.compressedFile))
    expect(compressed.length).toBe(m.bytes)
    expect(m.bytes).toBeLessThanOrEqual(512_000)
    const meta = await sharp(compressed).metadata()
    expect(meta.exif).toBeUndefined()
    expect([meta.width, meta.height]).toEqual([m.width, m.height])
    expect(m.width).toBeGreaterThan(m.height)
    expect(m).toMatchObject({
      sourceFormat: 'jpeg',
      sourceWidth: 1600,
      sourceHeight: 1200,
      originalBytes: sideways.length,
      sourceName: 'photo.jpg',
    })
    expect(repo.workspace().materials).toEqual([m])
  })

  it('records which frame or page was used: a 2-frame GIF and a 2-page TIFF keep their note, a photo none', async () => {
    const { dir, materials, repo, site, subject, photo } = setup()
    const frame = await sharp(upright).resize(400, 300).removeAlpha().raw().toBuffer()
    const twoFrames = Buffer.concat([frame, frame.map((v) => 255 - v)])
    const raw = { raw: { width: 400, height: 600, channels: 3 as const, pageHeight: 300 } }
    const gif = join(dir, 'animated.gif')
    writeFileSync(gif, await sharp(twoFrames, raw).gif().toBuffer())
    const tiff = join(dir, 'scan.tiff')
    writeFileSync(tiff, await sharp(twoFrames, raw).tiff().toBuffer())
    const fromGif = await materials.importMaterial({
      ownerKind: 'site',
      ownerId: site.id,
      slot: 'domain-certificate',
      path: gif,
    })
    const fromTiff = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path: tiff,
    })
    const fromPhoto = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-back',
      path: photo,
    })
    expect(fromGif.notes).toEqual(['first-frame-only'])
    expect(fromTiff.notes).toEqual(['first-page-only'])
    expect(fromPhoto.notes).toBeUndefined()
    // Stored, and kept by a re-edit of the same original.
    const stored = (id: string) => repo.workspace().materials.find((m) => m.id === id)
    expect(stored(fromGif.id)?.notes).toEqual(['first-frame-only'])
    const edited = await materials.editMaterial({
      id: fromTiff.id,
      edit: { rotate: 90, crop: null, watermark: null },
      maxBytes: fromTiff.maxBytes,
    })
    expect(stored(edited.id)?.notes).toEqual(['first-page-only'])
  })

  it('replacing a slot removes the old files only after the new state is stored', async () => {
    const { dir, materials, repo, site, photo } = setup()
    const first = await materials.importMaterial({
      ownerKind: 'site',
      ownerId: site.id,
      slot: 'domain-certificate',
      path: photo,
    })
    const second = await materials.importMaterial({
      ownerKind: 'site',
      ownerId: site.id,
      slot: 'domain-certificate',
      path: photo,
    })
    expect(repo.workspace().materials.map((m) => m.id)).toEqual([second.id])
    expect(existsSync(join(dir, first.compressedFile))).toBe(false)
    expect(existsSync(join(dir, first.originalFile))).toBe(false)
    expect(existsSync(join(dir, second.compressedFile))).toBe(true)
  })

  it('re-compresses from the stored original when rotated, keeping the original', async () => {
    const { dir, materials, subject, photo } = setup()
    const m = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path: photo,
    })
    const rotated = await materials.editMaterial({
      id: m.id,
      edit: { rotate: 90, crop: null, watermark: null },
      maxBytes: 400_000,
    })
    expect([rotated.width, rotated.height]).toEqual([m.height, m.width])
    expect(rotated.originalFile).toBe(m.originalFile)
    expect(rotated.maxBytes).toBe(400_000)
    expect(existsSync(join(dir, m.originalFile))).toBe(true)
    expect(existsSync(join(dir, m.compressedFile))).toBe(false)
  })

  it('draws the watermark where the edit says and stores that placement', async () => {
    const { dir, materials, repo, subject, photo } = setup()
    const m = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path: photo,
    })
    const plain = await materials.editMaterial({
      id: m.id,
      edit: { rotate: 0, crop: null, watermark: null },
      maxBytes: 512_000,
    })
    const plainPixels = await sharp(readFileSync(join(dir, plain.compressedFile)))
      .raw()
      .toBuffer()
    const edit = {
      rotate: 0 as const,
      crop: null,
      watermark: '仅供公安备案使用',
      watermarkPlacement: 'corner' as const,
    }
    const marked = await materials.editMaterial({ id: plain.id, edit, maxBytes: 512_000 })
    expect(repo.workspace().materials.find((x) => x.id === marked.id)?.edit).toEqual(edit)
    const { data, info } = await sharp(readFileSync(join(dir, marked.compressedFile)))
      .raw()
      .toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([plain.width, plain.height])
    /** Mean difference from the unmarked copy inside a region given in fractions of the picture. */
    const meanDiff = (x0: number, y0: number, x1: number, y1: number) => {
      let sum = 0
      let n = 0
      for (let y = Math.floor(y0 * info.height); y < Math.floor(y1 * info.height); y++)
        for (let x = Math.floor(x0 * info.width); x < Math.floor(x1 * info.width); x++)
          for (let c = 0; c < 3; c++, n++)
            sum += Math.abs(
              (data[(y * info.width + x) * 3 + c] ?? 0) - (plainPixels[(y * info.width + x) * 3 + c] ?? 0),
            )
      return sum / n
    }
    expect(meanDiff(0, 0, 0.5, 0.5)).toBeLessThan(2)
    expect(meanDiff(0.7, 0.92, 1, 1)).toBeGreaterThan(6)
  })

  it('refuses a slot that does not belong to the owner, and an unknown owner, with Chinese messages', async () => {
    const { materials, subject, site, photo } = setup()
    await expect(
      materials.importMaterial({
        ownerKind: 'site',
        ownerId: site.id,
        slot: 'principal-id-front',
        path: photo,
      }),
    ).rejects.toMatchObject({ code: 'materials/wrong-slot' })
    await expect(
      materials.importMaterial({
        ownerKind: 'subject',
        ownerId: 'nobody',
        slot: 'principal-id-front',
        path: photo,
      }),
    ).rejects.toMatchObject({ code: 'materials/no-owner' })
    await expect(
      materials.importMaterial({
        ownerKind: 'subject',
        ownerId: subject.id,
        slot: 'principal-id-front',
        path: '/nope/x.jpg',
      }),
    ).rejects.toMatchObject({ code: 'import/not-found' })
  })

  it('deleting a subject stores the removal and removes every file of its materials', async () => {
    const { dir, materials, repo, subject, site, photo } = setup()
    const own = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path: photo,
    })
    const siteOwned = await materials.importMaterial({
      ownerKind: 'site',
      ownerId: site.id,
      slot: 'domain-certificate',
      path: photo,
    })
    const next = await materials.commitRemoval(deleteSubject(repo.workspace(), subject.id))
    expect(next).toEqual({ subjects: [], sites: [], materials: [] })
    expect(repo.workspace()).toEqual(next)
    for (const m of [own, siteOwned]) {
      expect(existsSync(join(dir, m.originalFile))).toBe(false)
      expect(existsSync(join(dir, m.compressedFile))).toBe(false)
    }
  })

  it('a failed import leaves the stored material untouched', async () => {
    const { dir, materials, repo, subject, photo } = setup()
    const m = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-back',
      path: photo,
    })
    const junk = join(dir, 'junk.jpg')
    writeFileSync(junk, 'not an image')
    await expect(
      materials.importMaterial({
        ownerKind: 'subject',
        ownerId: subject.id,
        slot: 'principal-id-back',
        path: junk,
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^image\//) })
    expect(repo.workspace().materials).toEqual([m])
    expect(existsSync(join(dir, m.compressedFile))).toBe(true)
  })

  it('previews the same region before and after at 100 %', async () => {
    const { materials, files, subject, photo } = setup()
    const m = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path: photo,
    })
    const preview = await materialPreview(m, files, { centerX: 0.5, centerY: 0.5, size: 300 })
    const after = await sharp(Buffer.from(preview.after.split(',')[1] ?? '', 'base64')).metadata()
    const before = await sharp(Buffer.from(preview.before.split(',')[1] ?? '', 'base64')).metadata()
    expect([after.width, after.height]).toEqual([300, 300])
    const scale = preview.original.width / preview.compressed.width
    expect(before.width).toBe(Math.round(300 * scale))
    expect(preview.original).toMatchObject({ width: 1600, height: 1200, format: 'jpeg' })
  })
})

describe('PDF page choice', () => {
  const WHITE_PORTRAIT = {
    size: [595, 842] as [number, number],
    colour: [1, 1, 1] as [number, number, number],
  }
  const RED_LANDSCAPE = {
    size: [842, 595] as [number, number],
    colour: [0.85, 0.1, 0.1] as [number, number, number],
  }

  it('imports page 1, re-compresses the page the user chooses and shows that page in the editor', async () => {
    const { dir, materials, files, repo, site } = setup()
    const pdf = join(dir, 'cert.pdf')
    writeFileSync(pdf, await colourPagesPdf([WHITE_PORTRAIT, RED_LANDSCAPE]))
    const first = await materials.importMaterial({
      ownerKind: 'site',
      ownerId: site.id,
      slot: 'domain-certificate',
      path: pdf,
    })
    expect(first).toMatchObject({ sourceFormat: 'pdf', sourcePages: 2 })
    expect(first.edit.pdfPage).toBeUndefined()
    expect(first.sourceHeight).toBeGreaterThan(first.sourceWidth)
    expect((await meanColour(readFileSync(join(dir, first.compressedFile))))[1]).toBeGreaterThan(240)

    const second = await materials.editMaterial({
      id: first.id,
      edit: { ...first.edit, pdfPage: 2 },
      maxBytes: 512_000,
    })
    expect(second).toMatchObject({ sourcePages: 2, edit: { pdfPage: 2 } })
    expect(second.sourceWidth).toBeGreaterThan(second.sourceHeight)
    const [r, g] = await meanColour(readFileSync(join(dir, second.compressedFile)))
    expect(r).toBeGreaterThan(180)
    expect(g).toBeLessThan(60)
    expect(repo.workspace().materials).toEqual([second])

    // The editor draws the chosen page by default and any other page on request.
    const page2 = await materialSource(second, files, 400)
    expect((await meanColour(page2.url))[1]).toBeLessThan(60)
    expect([page2.width, page2.height]).toEqual([second.sourceWidth, second.sourceHeight])
    const page1 = await materialSource(second, files, 400, 1)
    expect((await meanColour(page1.url))[1]).toBeGreaterThan(240)
    expect([page1.width, page1.height]).toEqual([first.sourceWidth, first.sourceHeight])
    const preview = await materialPreview(second, files, { centerX: 0.5, centerY: 0.5, size: 200 })
    expect((await meanColour(preview.before))[1]).toBeLessThan(60)
  })

  it('refuses a page the PDF does not have and keeps what was stored', async () => {
    const { dir, materials, repo, site } = setup()
    const pdf = join(dir, 'cert.pdf')
    writeFileSync(pdf, await colourPagesPdf([WHITE_PORTRAIT, RED_LANDSCAPE]))
    const m = await materials.importMaterial({
      ownerKind: 'site',
      ownerId: site.id,
      slot: 'domain-certificate',
      path: pdf,
    })
    await expect(
      materials.editMaterial({ id: m.id, edit: { ...m.edit, pdfPage: 3 }, maxBytes: 512_000 }),
    ).rejects.toMatchObject({
      code: 'pdf/page-out-of-range',
      message: expect.stringContaining('共 2 页'),
    })
    expect(repo.workspace().materials).toEqual([m])
    expect(existsSync(join(dir, m.compressedFile))).toBe(true)
  })

  it('keeps the crop of a scan stored when pages were rendered at 2800 px, now that the scan is taken as is', async () => {
    const { dir, materials, files, repo, site } = setup()
    // A 1000×700 scan, white left and blue right, filling a 500×350 pt page.
    const w = 1000
    const h = 700
    const pixels = Buffer.alloc(w * h * 3, 255)
    for (let y = 0; y < h; y++) for (let x = w / 2; x < w; x++) pixels.set([20, 40, 200], (y * w + x) * 3)
    const doc = await PDFDocument.create()
    const scan = await doc.embedJpg(
      await sharp(pixels, { raw: { width: w, height: h, channels: 3 } })
        .jpeg()
        .toBuffer(),
    )
    doc.addPage([500, 350]).drawImage(scan, { x: 0, y: 0, width: 500, height: 350 })
    const pdf = join(dir, 'scan.pdf')
    writeFileSync(pdf, Buffer.from(await doc.save()))
    const imported = await materials.importMaterial({
      ownerKind: 'site',
      ownerId: site.id,
      slot: 'domain-certificate',
      path: pdf,
    })
    expect([imported.sourceWidth, imported.sourceHeight]).toEqual([1000, 700])
    // As an older version stored it: the page rendered at 2800×1960, cropped to its right half.
    const old = {
      ...imported,
      sourceWidth: 2800,
      sourceHeight: 1960,
      edit: { ...imported.edit, crop: { left: 1400, top: 0, width: 1400, height: 1960 } },
    }
    const ws = repo.workspace()
    repo.commit({ ...ws, materials: ws.materials.map((m) => (m.id === old.id ? old : m)) })

    const preview = await materialPreview(old, files, { centerX: 0.5, centerY: 0.5, size: 200 })
    expect((await meanColour(preview.before))[2]).toBeGreaterThan(180)
    const reedited = await materials.editMaterial({ id: old.id, edit: old.edit, maxBytes: 400_000 })
    expect(reedited).toMatchObject({ sourceWidth: 1000, sourceHeight: 700, width: 500, height: 700 })
    const [r, , b] = await meanColour(readFileSync(join(dir, reedited.compressedFile)))
    expect(r).toBeLessThan(40)
    expect(b).toBeGreaterThan(180)
    // Stored from now on in the scan's own pixels, so the next edit needs no scaling.
    expect(reedited.edit.crop).toEqual({ left: 500, top: 0, width: 500, height: 700 })
    const again = await materials.editMaterial({ id: reedited.id, edit: reedited.edit, maxBytes: 512_000 })
    expect([again.width, again.height]).toEqual([500, 700])
  })

  it('records no page count for images', async () => {
    const { materials, subject, photo } = setup()
    const m = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path: photo,
    })
    expect(m.sourcePages).toBeUndefined()
  })
})

describe('crop editor source', () => {
  it('is the unedited upright original, whatever the saved edit', async () => {
    const { materials, files, subject, photo } = setup()
    const m = await materials.importMaterial({
      ownerKind: 'subject',
      ownerId: subject.id,
      slot: 'principal-id-front',
      path: photo,
    })
    const rotated = await materials.editMaterial({
      id: m.id,
      edit: { rotate: 90, crop: { left: 0, top: 0, width: 600, height: 800 }, watermark: null },
      maxBytes: 300_000,
    })
    const source = await materialSource(rotated, files, 800)
    const meta = await sharp(Buffer.from(source.url.split(',')[1] ?? '', 'base64')).metadata()
    expect([meta.width, meta.height]).toEqual([800, 600]) // 1600×1200 upright, scaled, not rotated or cropped
    expect([source.width, source.height]).toEqual([1600, 1200]) // the pixels a crop is measured in
  })
})
