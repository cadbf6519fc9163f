import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixtureCatalog, type FixtureSpec } from '../fixtures/catalog'
import { readExif } from '../fixtures/exif-reader'
import {
  domainCertificatePdf,
  handheld,
  idCardFront,
  residentIdCheckChar,
  syntheticCompany,
  syntheticPerson,
  usccCheckChar,
  withOrientation,
} from '../fixtures/generate'

// Independent check implementations (not the generator's tables).
function idCheck(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0)
  const c = (12 - (sum % 11)) % 11
  return c === 10 ? 'X' : String(c)
}
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
function usccCheck(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + USCC_ALPHABET.indexOf(ch) * (3 ** i % 31), 0)
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? '?'
}
function orgCheck(body: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2]
  const c = 11 - ([...body].reduce((s, ch, i) => s + USCC_ALPHABET.indexOf(ch) * (w[i] ?? 0), 0) % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

describe('synthetic identity numbers', () => {
  it('matches the published GB 11643 and GB 32100 examples', () => {
    expect(idCheck('11010519491231002')).toBe('X')
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
    expect(usccCheck('91350100M000100Y4')).toBe('3')
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
  })

  it('gives every person a valid 18-character 居民身份证 number that agrees with sex and birth date', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const p = syntheticPerson(seed)
      expect(p.residentId).toMatch(/^110105\d{11}[\dX]$/)
      expect(p.residentId[17]).toBe(idCheck(p.residentId.slice(0, 17)))
      const [y, m, d] = p.birth
      expect(p.residentId.slice(6, 14)).toBe(`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`)
      expect(new Date(Date.UTC(y, m - 1, d)).getUTCDate()).toBe(d)
      expect(Number(p.residentId[16]) % 2 === 1).toBe(p.sex === '男')
    }
  })

  it('gives every company a valid 统一社会信用代码 with a valid embedded 组织机构代码', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { uscc } = syntheticCompany(seed)
      expect(uscc).toMatch(/^91110105[0-9A-HJ-NPQRTUWXY]{10}$/)
      expect(uscc[17]).toBe(usccCheck(uscc.slice(0, 17)))
      expect(uscc[16]).toBe(orgCheck(uscc.slice(8, 16)))
    }
  })

  it('rejects a wrong check character in the independent checks (the test can fail)', () => {
    const id = syntheticPerson(5).residentId
    expect(idCheck(id.slice(0, 16) + ((Number(id[16]) + 1) % 10))).not.toBe(id[17])
  })
})

describe('fixture catalog (scale 0.15)', () => {
  const specs = fixtureCatalog(0.15)
  const built = new Map<string, Buffer>()

  beforeAll(async () => {
    for (const s of specs) built.set(s.name, await s.build())
  }, 120_000)

  const get = (s: FixtureSpec): Buffer => built.get(s.name) ?? Buffer.alloc(0)

  it('has at least 24 fixtures covering every input type of the images issue', () => {
    expect(specs.length).toBeGreaterThanOrEqual(24)
    const exts = new Set(specs.map((s) => s.name.split('.').pop()))
    for (const ext of ['jpg', 'png', 'webp', 'tiff', 'gif', 'avif', 'heic', 'bmp', 'pdf'])
      expect(exts).toContain(ext)
  })

  it.each(
    specs
      .filter((s) => s.expect.format !== 'pdf' && s.expect.format !== 'bmp')
      .map((s) => [s.name, s] as const),
  )('%s has the promised format, size, orientation and GPS', async (_name, s) => {
    const buf = get(s)
    const m = await sharp(buf).metadata()
    expect(m.format).toBe(s.expect.format)
    expect([m.width, m.height]).toEqual([s.expect.width, s.expect.height])
    const exif = m.exif ? readExif(m.exif) : { gpsTags: [] as number[], orientation: undefined }
    expect(exif.orientation ?? 1).toBe(s.expect.orientation ?? 1)
    expect(m.orientation ?? 1).toBe(s.expect.orientation ?? 1)
    if (s.expect.gps) expect(exif.gpsTags).toEqual(expect.arrayContaining([1, 2, 3, 4]))
    else expect(exif.gpsTags).toEqual([])
  })

  it('writes a readable 24-bit BMP of the promised size', () => {
    const s = specs.find((x) => x.expect.format === 'bmp') as FixtureSpec
    const b = get(s)
    expect(b.subarray(0, 2).toString('latin1')).toBe('BM')
    expect([b.readInt32LE(18), b.readInt32LE(22), b.readUInt16LE(28)]).toEqual([
      s.expect.width,
      s.expect.height,
      24,
    ])
    expect(b.readUInt32LE(2)).toBe(b.length)
  })

  it('HEIC is HEVC-compressed HEIF (what sharp alone cannot decode)', async () => {
    const m = await sharp(get(specs.find((x) => x.name.endsWith('.heic')) as FixtureSpec)).metadata()
    expect(m.format).toBe('heif')
    expect(m.compression).toBe('hevc')
  })

  it('CMYK and Display-P3 fixtures carry their colour space and profile', async () => {
    const cmyk = await sharp(get(specs.find((x) => x.name.includes('cmyk')) as FixtureSpec)).metadata()
    expect(cmyk.space).toBe('cmyk')
    const p3 = await sharp(get(specs.find((x) => x.name.includes('-p3')) as FixtureSpec)).metadata()
    expect(p3.icc?.toString('latin1').replace(/\0/g, '')).toMatch(/P3/)
  })

  it('the screenshot PNG is already small and the RGBA PNG really has transparency', async () => {
    expect(get(specs.find((x) => x.name.includes('screenshot')) as FixtureSpec).length).toBeLessThan(512_000)
    const rgba = await sharp(get(specs.find((x) => x.name.includes('rgba')) as FixtureSpec)).stats()
    expect(rgba.channels[3]?.min).toBe(0)
  })
})

describe('EXIF orientation', () => {
  it.each([6, 8] as const)(
    'orientation %i stores the pixels so that applying the tag restores the upright image',
    async (o) => {
      const upright = await idCardFront({ seed: 3, width: 320, height: 240 })
      const stored = await withOrientation(upright, o)
      const meta = await sharp(stored).metadata()
      expect([meta.width, meta.height, meta.orientation]).toEqual([240, 320, o])
      const a = await sharp(upright).raw().toBuffer()
      const fixed = await sharp(stored).autoOrient().raw().toBuffer()
      const wrong = await sharp(stored)
        .rotate(o === 6 ? 270 : 90)
        .raw()
        .toBuffer()
      const mad = (x: Buffer, y: Buffer): number =>
        x.reduce((s, v, i) => s + Math.abs(v - (y[i] ?? 0)), 0) / x.length
      expect(mad(a, fixed)).toBeLessThan(4)
      expect(mad(a, wrong)).toBeGreaterThan(15)
    },
  )
})

describe('PDF certificates', () => {
  it('text PDF has one page, the Chinese text, and visible glyphs', async () => {
    const pdf = await domainCertificatePdf({ seed: 4 })
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1)
    const dir = mkdtempSync(join(tmpdir(), 'fx-pdf-'))
    writeFileSync(join(dir, 'c.pdf'), pdf)
    const txt = execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' })
    expect(txt).toContain('域名注册证书')
    expect(txt).toMatch(/example-domain\.cn|sample-site\.cn|demo-beian\.com\.cn/)
    execFileSync('pdftoppm', ['-r', '40', '-gray', '-png', '-singlefile', join(dir, 'c.pdf'), join(dir, 'p')])
    const { data } = await sharp(join(dir, 'p.png'))
      .extract({ left: 60, top: 120, width: 300, height: 140 })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const ink = data.filter((v) => v < 128).length / data.length
    expect(ink).toBeGreaterThan(0.02)
  })

  it('image-only PDF has no text layer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fx-pdf-'))
    writeFileSync(join(dir, 'c.pdf'), await domainCertificatePdf({ seed: 4, imageOnly: true }))
    expect(execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' }).trim()).toBe('')
  })
})

describe('determinism', () => {
  it('the same seed gives identical bytes; another seed gives different bytes', async () => {
    const builders = [
      (seed: number) => idCardFront({ seed, width: 480, height: 360 }),
      (seed: number) => handheld({ seed, width: 300, height: 400 }),
      (seed: number) => domainCertificatePdf({ seed }),
    ]
    for (const build of builders) {
      const [a, b, c] = [await build(9), await build(9), await build(10)]
      expect(sha(a)).toBe(sha(b))
      expect(sha(a)).not.toBe(sha(c))
    }
  })

  it('the whole small catalog is byte-identical across two builds', async () => {
    const once = await Promise.all(fixtureCatalog(0.08).map(async (s) => sha(await s.build())))
    const twice = await Promise.all(fixtureCatalog(0.08).map(async (s) => sha(await s.build())))
    expect(twice).toEqual(once)
  }, 120_000)
})
