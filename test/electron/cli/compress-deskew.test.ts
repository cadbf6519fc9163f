/** `beian-desk compress --deskew`: a photographed synthetic card comes out straightened to its real aspect. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeOcr } from '../../../electron/main/services/ocr'
import { CARD_ASPECT, documentPhoto, placeCorners } from '../../fixtures/ocr-photos'
import { useTempDirs } from '../../support/temp-dir'
import { run } from './support'

const tempDir = useTempDirs()
let photo: Buffer
beforeAll(async () => {
  const corners = placeCorners(800, 600, 1000, CARD_ASPECT, 11, 0.05)
  photo = (
    await documentPhoto({ face: 'id-back', seed: 52, width: 1600, height: 1200, corners, backdrop: 'plain' })
  ).jpeg
}, 60_000)
afterAll(closeOcr)

describe('beian-desk compress --deskew', () => {
  it('straightens the card and crops it to its edges; without the flag the photo keeps its frame', async () => {
    const dir = tempDir()
    const input = join(dir, 'card.jpg')
    writeFileSync(input, photo)
    const straight = await run(['compress', input, '--out', join(dir, 'straight.jpg'), '--deskew', '--json'])
    expect(straight.code, straight.err).toBe(0)
    const [done] = JSON.parse(straight.out) as [{ output: string; width: number; height: number }]
    expect(done.width / done.height).toBeCloseTo(CARD_ASPECT, 2)
    const meta = await sharp(readFileSync(done.output)).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', done.width, done.height])

    const plain = await run(['compress', input, '--out', join(dir, 'plain.jpg'), '--json'])
    const [kept] = JSON.parse(plain.out) as [{ width: number; height: number }]
    expect(kept.width / kept.height).toBeCloseTo(4 / 3, 2)
  }, 180_000)

  it('lists --deskew in the help in both languages', async () => {
    expect((await run(['compress', '--help'])).out).toContain('--deskew')
    expect((await run(['compress', '--help', '--lang', 'en'])).out).toContain('--deskew')
  }, 60_000)
})
