/** A stored crop measured on another size of the same picture is scaled, not misapplied. */
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { decodeInput } from '../../../../electron/main/services/images/decode'

/** 1600×1200 JPEG: left half white, right half blue. */
async function halves(): Promise<Buffer> {
  const w = 1600
  const h = 1200
  const data = Buffer.alloc(w * h * 3, 255)
  for (let y = 0; y < h; y++) for (let x = w / 2; x < w; x++) data.set([20, 40, 200], (y * w + x) * 3)
  return sharp(data, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer()
}

const meanBlue = async (d: { data: Buffer; width: number; height: number }) => {
  const { channels } = await sharp(d.data, { raw: { width: d.width, height: d.height, channels: 3 } }).stats()
  return [channels[0]?.mean ?? 0, channels[2]?.mean ?? 0]
}

describe('decodeInput cropFrame', () => {
  it('scales a crop measured on an 800×600 version of the picture to the 1600×1200 it decodes to', async () => {
    const right = { left: 400, top: 0, width: 400, height: 600 }
    const d = await decodeInput(await halves(), 'jpeg', {
      crop: right,
      cropFrame: { width: 800, height: 600 },
    })
    expect([d.width, d.height]).toEqual([800, 1200])
    const [r, b] = await meanBlue(d)
    expect(r).toBeLessThan(40)
    expect(b).toBeGreaterThan(180)
  })

  it('scales in the turned frame when the crop was drawn on the rotated picture', async () => {
    // Turned 90°, the 800×600 frame is 600×800 and the white half is the top half.
    const top = { left: 0, top: 0, width: 600, height: 400 }
    const d = await decodeInput(await halves(), 'jpeg', {
      rotate: 90,
      crop: top,
      cropFrame: { width: 800, height: 600 },
    })
    expect([d.width, d.height]).toEqual([1200, 800])
    expect((await meanBlue(d))[0]).toBeGreaterThan(240)
  })

  it('leaves a crop alone when the frame is the decoded size, and refuses a frame of another shape', async () => {
    const crop = { left: 10, top: 20, width: 300, height: 200 }
    const same = await decodeInput(await halves(), 'jpeg', { crop, cropFrame: { width: 1600, height: 1200 } })
    expect([same.width, same.height]).toEqual([300, 200])
    await expect(
      decodeInput(await halves(), 'jpeg', { crop, cropFrame: { width: 1000, height: 1200 } }),
    ).rejects.toMatchObject({ code: 'image/bad-crop' })
  })
})
