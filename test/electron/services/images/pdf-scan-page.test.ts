import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import {
  PDFDocument,
  StandardFonts,
  concatTransformationMatrix,
  degrees,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { renderPdfPage } from '../../../../electron/main/services/images/pdf'
import {
  compose,
  onPage,
  orientPixels,
  placementOf,
  singlePicture,
  type Matrix,
} from '../../../../electron/main/services/images/pdf-scan-page'
import type { RawImage } from '../../../../electron/main/services/images/sharp-options'

const A4_PORTRAIT = { width: 595, height: 842 }
/** pdf.js viewport at scale 1 for an unrotated page: flips y. */
const viewportOf = (h: number): Matrix => [1, 0, 0, -1, 0, h]

describe('placementOf', () => {
  it('takes a full-page upright scan as it is', () => {
    const m = compose(viewportOf(842), [595, 0, 0, 842, 0, 0])
    expect(placementOf(m, A4_PORTRAIT)).toEqual({
      rotate: 0,
      flop: false,
      flip: false,
      box: { left: 0, top: 0, width: 595, height: 842 },
    })
  })

  it('recognises each quarter turn and mirror', () => {
    const cases: [Matrix, { rotate: number; flop: boolean; flip: boolean }][] = [
      [[-595, 0, 0, -842, 595, 842], { rotate: 0, flop: true, flip: false }],
      [[595, 0, 0, 842, 0, 0], { rotate: 0, flop: false, flip: true }],
      [[-595, 0, 0, 842, 595, 0], { rotate: 180, flop: false, flip: false }],
      // Columns run down the page, rows to the left: a quarter turn clockwise.
      [[0, 842, 595, 0, 0, 0], { rotate: 90, flop: false, flip: false }],
      [[0, -842, -595, 0, 595, 842], { rotate: 270, flop: false, flip: false }],
      [[0, 842, -595, 0, 595, 0], { rotate: 90, flop: true, flip: false }],
    ]
    for (const [m, expected] of cases) {
      // Inputs here are already device matrices (y down, unit square → page).
      const p = placementOf(m, A4_PORTRAIT)
      expect(p, JSON.stringify(m)).toMatchObject(expected)
      expect(p?.box).toEqual({ left: 0, top: 0, width: 595, height: 842 })
    }
  })

  it('renders skewed pictures and pictures that spill over the page instead', () => {
    expect(placementOf([595, 20, 0, 842, 0, 0], A4_PORTRAIT)).toBeNull()
    expect(placementOf([700, 0, 0, 842, 0, 0], A4_PORTRAIT)).toBeNull()
    expect(placementOf([0, 0, 0, 0, 0, 0], A4_PORTRAIT)).toBeNull()
    // A sliver over the edge (a scanner's rounding) is fine.
    expect(placementOf([600, 0, 0, 842, 0, 0], A4_PORTRAIT)).not.toBeNull()
  })
})

describe('singlePicture', () => {
  const vp = viewportOf(842)
  it('follows save/transform/restore to the picture', () => {
    const fn = [OPS.dependency, OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore]
    const args = [['img_p0_1'], null, [595, 0, 0, 842, 0, 0], ['img_p0_1', 100, 100], null]
    expect(singlePicture(fn, args, OPS, vp)).toEqual({ image: 'img_p0_1', matrix: [595, 0, 0, -842, 0, 842] })
  })

  it('ignores transforms undone by restore', () => {
    const fn = [OPS.save, OPS.transform, OPS.restore, OPS.transform, OPS.paintImageXObject]
    const args = [null, [9, 0, 0, 9, 9, 9], null, [2, 0, 0, 3, 0, 0], ['x']]
    expect(singlePicture(fn, args, OPS, vp)?.matrix).toEqual([2, 0, 0, -3, 0, 842])
  })

  it('refuses pages with text, vector art, clipping or a second picture', () => {
    const paint = [OPS.paintImageXObject]
    const pic = [['a']]
    expect(singlePicture([...paint, OPS.showText], [...pic, [[]]], OPS, vp)).toBeNull()
    expect(singlePicture([...paint, OPS.constructPath], [...pic, []], OPS, vp)).toBeNull()
    expect(singlePicture([OPS.clip, ...paint], [null, ...pic], OPS, vp)).toBeNull()
    expect(singlePicture([OPS.setGState, ...paint], [[[['ca', 0.5]]], ...pic], OPS, vp)).toBeNull()
    expect(singlePicture([OPS.setGState, ...paint], [[[['SMask', false]]], ...pic], OPS, vp)).not.toBeNull()
    expect(singlePicture([...paint, ...paint], [...pic, ['b']], OPS, vp)).toBeNull()
    expect(singlePicture([OPS.paintImageMaskXObject], [[{}]], OPS, vp)).toBeNull()
    expect(singlePicture([OPS.save, OPS.restore], [null, null], OPS, vp)).toBeNull()
  })
})

/** A w×h RGB image whose every pixel is distinct: (x, y, x+y) wrapped to bytes. */
function numbered(w: number, h: number): RawImage {
  const data = Buffer.alloc(w * h * 3)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) data.set([x * 10, y * 10, (x * 7 + y * 13) % 256], (y * w + x) * 3)
  return { data, width: w, height: h, channels: 3 }
}

describe('orientPixels', () => {
  it('agrees with sharp for every quarter turn and mirror', async () => {
    const img = numbered(5, 3)
    const raw = { raw: { width: 5, height: 3, channels: 3 as const } }
    const cases = [
      { p: { rotate: 90 as const, flop: false, flip: false }, s: sharp(img.data, raw).rotate(90) },
      { p: { rotate: 180 as const, flop: false, flip: false }, s: sharp(img.data, raw).rotate(180) },
      { p: { rotate: 270 as const, flop: false, flip: false }, s: sharp(img.data, raw).rotate(270) },
      { p: { rotate: 0 as const, flop: true, flip: false }, s: sharp(img.data, raw).flop() },
      { p: { rotate: 0 as const, flop: false, flip: true }, s: sharp(img.data, raw).flip() },
    ]
    for (const { p, s } of cases) {
      const { data, info } = await s.raw().toBuffer({ resolveWithObject: true })
      const mine = orientPixels(img, p)
      expect([mine.width, mine.height], JSON.stringify(p)).toEqual([info.width, info.height])
      expect(mine.data.equals(data), JSON.stringify(p)).toBe(true)
    }
  })

  it('applies the mirror after the quarter turn', async () => {
    const img = numbered(4, 2)
    const turned = orientPixels(img, { rotate: 90, flop: false, flip: false })
    const both = orientPixels(img, { rotate: 90, flop: true, flip: false })
    expect(both.data.equals(orientPixels(turned, { rotate: 0, flop: true, flip: false }).data)).toBe(true)
  })
})

describe('onPage', () => {
  it('copies the picture unresampled onto white where the page shows it', () => {
    const pic = numbered(4, 2)
    const page = onPage(pic, { left: 2, top: 1, width: 4, height: 2 }, { width: 8, height: 4 })
    expect([page.width, page.height, page.channels]).toEqual([8, 4, 3])
    const at = (x: number, y: number): number[] => [
      ...page.data.subarray((y * 8 + x) * 3, (y * 8 + x) * 3 + 3),
    ]
    expect(at(0, 0)).toEqual([255, 255, 255])
    expect(at(7, 3)).toEqual([255, 255, 255])
    expect(at(2, 1)).toEqual([...pic.data.subarray(0, 3)])
    expect(at(5, 2)).toEqual([...pic.data.subarray((1 * 4 + 3) * 3, (1 * 4 + 3) * 3 + 3)])
  })

  it('flattens transparency on white and clips a sliver that spills over the page', () => {
    const rgba: RawImage = { data: Buffer.from([0, 0, 0, 0, 0, 0, 0, 255]), width: 2, height: 1, channels: 4 }
    const page = onPage(rgba, { left: -1, top: 0, width: 2, height: 1 }, { width: 2, height: 1 })
    expect([...page.data]).toEqual([0, 0, 0, 255, 255, 255])
  })
})

/** A 600×400 photo-like picture with a red block in its top-left corner and a blue one bottom-right. */
async function markedJpeg(): Promise<Buffer> {
  const w = 600
  const h = 400
  const data = Buffer.alloc(w * h * 3)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3
      const red = x < 120 && y < 80
      const blue = x >= 480 && y >= 320
      data.set(red ? [220, 20, 20] : blue ? [20, 20, 220] : [128 + (x % 64), 128 + (y % 64), 150], i)
    }
  return sharp(data, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer()
}

async function pdfWith(
  draw: (page: PDFPage, img: PDFImage, doc: PDFDocument) => Promise<void>,
  size: [number, number],
): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const img = await doc.embedJpg(await markedJpeg())
  const page = doc.addPage(size)
  await draw(page, img, doc)
  return Buffer.from(await doc.save())
}

/** Mean absolute difference after scaling `b` to `a`'s size (both flattened to RGB). */
async function meanDiff(a: RawImage, b: RawImage): Promise<number> {
  const rgb = async (img: RawImage, w?: number, h?: number) => {
    let s = sharp(img.data, {
      raw: { width: img.width, height: img.height, channels: img.channels },
    }).flatten({
      background: '#ffffff',
    })
    if (w && h) s = s.resize(w, h, { fit: 'fill' })
    return (await s.removeAlpha().raw().toBuffer({ resolveWithObject: true })).data
  }
  const x = await rgb(a, a.width, a.height)
  const y = await rgb(b, a.width, a.height)
  let sum = 0
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0))
  return sum / x.length
}

describe('renderPdfPage on scanned pages', () => {
  it('takes a full-page scan at its own 600×400 pixels, matching the decoded JPEG', async () => {
    const pdf = await pdfWith(
      async (page, img) => void page.drawImage(img, { x: 0, y: 0, width: 300, height: 200 }),
      [300, 200],
    )
    const page = await renderPdfPage(pdf, 1)
    expect(page.source).toBe('picture')
    expect([page.width, page.height]).toEqual([600, 400])
    const { data, info } = await sharp(await markedJpeg())
      .raw()
      .toBuffer({ resolveWithObject: true })
    expect(await meanDiff(page, { data, width: info.width, height: info.height, channels: 3 })).toBeLessThan(
      1.5,
    )
  })

  const turned: [string, (page: PDFPage, img: PDFImage) => void, [number, number]][] = [
    [
      'drawn a quarter turn',
      (page, img) => page.drawImage(img, { x: 200, y: 0, width: 300, height: 200, rotate: degrees(90) }),
      [200, 300],
    ],
    [
      'drawn upside down',
      (page, img) => page.drawImage(img, { x: 300, y: 200, width: 300, height: 200, rotate: degrees(180) }),
      [300, 200],
    ],
    [
      'on a page with /Rotate 90',
      (page, img) => {
        page.setRotation(degrees(90))
        page.drawImage(img, { x: 0, y: 0, width: 300, height: 200 })
      },
      [300, 200],
    ],
    [
      // Columns up the page, rows to the left: a quarter turn and a mirror.
      'mirrored across its diagonal',
      (page, img) => {
        const name = page.node.newXObject('Scan', img.ref)
        page.pushOperators(
          pushGraphicsState(),
          concatTransformationMatrix(0, 300, 200, 0, 0, 0),
          drawObject(name),
          popGraphicsState(),
        )
      },
      [200, 300],
    ],
    [
      'mirrored left to right',
      (page, img) => {
        const name = page.node.newXObject('Scan', img.ref)
        page.pushOperators(
          pushGraphicsState(),
          concatTransformationMatrix(-300, 0, 0, 200, 300, 0),
          drawObject(name),
          popGraphicsState(),
        )
      },
      [300, 200],
    ],
  ]
  for (const [name, draw, size] of turned) {
    it(`turns a scan ${name} the way the page shows it`, async () => {
      const pdf = await pdfWith(async (page, img) => draw(page, img), size)
      const picture = await renderPdfPage(pdf, 1)
      const rendered = await renderPdfPage(pdf, 1, { takePicture: false })
      expect(picture.source).toBe('picture')
      expect(rendered.source).toBe('rendered')
      expect(picture.width / picture.height).toBeCloseTo(rendered.width / rendered.height, 2)
      expect(Math.max(picture.width, picture.height)).toBe(600)
      // Same picture, same orientation: only resampling differs. A wrong turn differs by ~60.
      expect(await meanDiff(picture, rendered)).toBeLessThan(6)
      const wrong = orientPixels(picture, { rotate: 180, flop: false, flip: false })
      expect(await meanDiff(wrong, rendered)).toBeGreaterThan(20)
    })
  }

  it('keeps the margins of a scan placed in the middle of the page', async () => {
    const pdf = await pdfWith(
      async (page, img) => void page.drawImage(img, { x: 75, y: 50, width: 150, height: 100 }),
      [300, 200],
    )
    const page = await renderPdfPage(pdf, 1)
    expect(page.source).toBe('picture')
    // 4 px per point: the page is 1200×800 and the picture starts 300 px in.
    expect([page.width, page.height]).toEqual([1200, 800])
    const px = (x: number, y: number) => [
      ...page.data.subarray((y * 1200 + x) * page.channels, (y * 1200 + x) * page.channels + 3),
    ]
    expect(px(10, 10)).toEqual([255, 255, 255])
    const red = px(310, 210)
    expect(red[0]).toBeGreaterThan(180)
    expect(red[2]).toBeLessThan(70)
  })

  it('renders a scan that has text on the page as well', async () => {
    const pdf = await pdfWith(
      async (page, img, doc) => {
        page.drawImage(img, { x: 0, y: 0, width: 300, height: 200 })
        page.drawText('No. 2026', {
          x: 10,
          y: 10,
          size: 8,
          font: await doc.embedFont(StandardFonts.Helvetica),
        })
      },
      [300, 200],
    )
    expect((await renderPdfPage(pdf, 1)).source).toBe('rendered')
  })

  it('renders a scan stretched to a different aspect than its pixels', async () => {
    const pdf = await pdfWith(
      async (page, img) => void page.drawImage(img, { x: 0, y: 0, width: 300, height: 300 }),
      [300, 300],
    )
    expect((await renderPdfPage(pdf, 1)).source).toBe('rendered')
  })

  it('flattens a transparent PNG scan on white', async () => {
    const w = 64
    const h = 32
    const rgba = Buffer.alloc(w * h * 4)
    for (let i = 0; i < w * h; i++) rgba.set(i % w < w / 2 ? [0, 0, 0, 0] : [0, 0, 0, 255], i * 4)
    const doc = await PDFDocument.create()
    const img = await doc.embedPng(
      await sharp(rgba, { raw: { width: w, height: h, channels: 4 } })
        .png()
        .toBuffer(),
    )
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h })
    const page = await renderPdfPage(Buffer.from(await doc.save()), 1)
    expect(page.source).toBe('picture')
    expect([page.width, page.height]).toEqual([w, h])
    expect(page.data[(10 * w + 5) * page.channels]).toBe(255)
    expect(page.data[(10 * w + w - 5) * page.channels]).toBe(0)
  })

  it('unpacks a 1-bit fax-style scan (0 = black), rows padded to whole bytes', async () => {
    // 13 px wide, so every row ends in a padded byte; left 5 columns black, the rest white.
    const w = 13
    const h = 4
    const row = [0b00000111, 0b11111000]
    const doc = await PDFDocument.create()
    const stream = doc.context.stream(new Uint8Array(Array.from({ length: h }, () => row).flat()), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: w,
      Height: h,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 1,
    })
    const page = doc.addPage([w, h])
    const name = page.node.newXObject('Scan', doc.context.register(stream))
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(w, 0, 0, h, 0, 0),
      drawObject(name),
      popGraphicsState(),
    )
    const out = await renderPdfPage(Buffer.from(await doc.save()), 1)
    expect(out.source).toBe('picture')
    expect([out.width, out.height, out.channels]).toEqual([w, h, 1])
    expect([...out.data.subarray(w, 2 * w)]).toEqual([0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255])
  })
})
