/** The `beian-desk` commands, run in-process through runCli with captured output. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../../../electron/main/services/container'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { upsertSite, upsertSubject } from '../../../core/workspace'
import { idCardFront, withOrientation } from '../../fixtures/generate'
import { makeIndividual, makePerson, makeSite, syntheticResidentId } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'
import { colourPagesPdf, meanColour } from '../../support/pdf-pages'
import { readZip } from '../../support/zip'
import { run as runWith } from './support'

const tempDir = useTempDirs()
// Fixtures are drawn from SVG, which the image service blocks process-wide once it runs:
// make them all before any compression.
let sidewaysCard: Buffer
let card: Buffer
beforeAll(async () => {
  sidewaysCard = await withOrientation(await idCardFront({ seed: 3, width: 2400, height: 1800 }), 6)
  card = await idCardFront({ seed: 4, width: 1200, height: 900 })
})

const run = (argv: string[], stdin = '') => runWith(argv, { stdin })

describe('beian-desk check', () => {
  it('answers the documented JSON for a valid resident ID', async () => {
    const id = syntheticResidentId()
    const { code, out } = await run(['check', 'resident-id', id, '--json'])
    expect(code).toBe(0)
    expect(JSON.parse(out)).toMatchObject({
      kind: 'resident-id',
      input: id,
      valid: true,
      normalized: id,
      errors: [],
    })
  })

  it('exits 1 with a coded Chinese error for a bad check character', async () => {
    const id = syntheticResidentId()
    const bad = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1')
    const { code, out } = await run(['check', 'resident-id', bad, '--json'])
    expect(code).toBe(1)
    const result = JSON.parse(out) as { valid: boolean; errors: { code: string; message: string }[] }
    expect(result.valid).toBe(false)
    expect(result.errors[0]?.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('reads one value per line with --stdin and prints one JSON object per line, in order', async () => {
    const good = syntheticResidentId()
    const { code, out } = await run(['check', 'resident-id', '--stdin'], `${good}\n123\n`)
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: string; valid: boolean })
    expect(lines.map((l) => [l.input, l.valid])).toEqual([
      [good, true],
      ['123', false],
    ])
    expect(code).toBe(1)
  })

  it('rejects an unknown kind with usage', async () => {
    const { code, err } = await run(['check', 'passport-no', 'x'])
    expect(code).toBe(2)
    expect(err).toMatch(/resident-id/)
  })
})

describe('beian-desk compress', () => {
  it('writes upright JPEGs under the cap without EXIF, and reports failures per input', async () => {
    const dir = tempDir()
    const photo = join(dir, 'phone.jpg')
    writeFileSync(photo, sidewaysCard)
    const text = join(dir, 'notes.jpg')
    writeFileSync(text, 'this is not an image')
    const { code, out, err } = await run([
      'compress',
      photo,
      text,
      '--out-dir',
      join(dir, 'out'),
      '--max-bytes',
      '200000',
      '--json',
    ])
    expect(code).toBe(1)
    expect(err).toMatch(/\[2\/2\]/)
    const [ok, failed] = JSON.parse(out) as [
      { output: string; bytes: number; width: number; height: number },
      { error: { code: string; message: string } },
    ]
    const data = readFileSync(ok.output)
    expect(data.length).toBe(ok.bytes)
    expect(ok.bytes).toBeLessThanOrEqual(200_000)
    const meta = await sharp(data).metadata()
    expect(meta.exif).toBeUndefined()
    expect([meta.width, meta.height]).toEqual([ok.width, ok.height])
    expect(ok.width).toBeGreaterThan(ok.height)
    expect(failed.error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('takes --out for a single input and refuses it for several', async () => {
    const dir = tempDir()
    const photo = join(dir, 'a.jpg')
    writeFileSync(photo, card)
    const target = join(dir, 'small.jpg')
    expect((await run(['compress', photo, '--out', target])).code).toBe(0)
    expect((await sharp(readFileSync(target)).metadata()).format).toBe('jpeg')
    expect((await run(['compress', photo, photo, '--out', target])).code).toBe(2)
  })

  it('takes the PDF page given with --page and refuses a page number that is not one', async () => {
    const dir = tempDir()
    const pdf = join(dir, 'cert.pdf')
    writeFileSync(
      pdf,
      await colourPagesPdf([
        { size: [300, 200], colour: [1, 1, 1] },
        { size: [300, 200], colour: [0.1, 0.2, 0.8] },
      ]),
    )
    const target = join(dir, 'page2.jpg')
    expect((await run(['compress', pdf, '--out', target, '--page', '2'])).code).toBe(0)
    const [r, , b] = await meanColour(readFileSync(target))
    expect(b).toBeGreaterThan(150)
    expect(r).toBeLessThan(60)
    const beyond = await run(['compress', pdf, '--out', target, '--page', '3', '--json'])
    expect(beyond.code).toBe(1)
    expect(beyond.out).toContain('pdf/page-out-of-range')
    for (const bad of ['0', '1.5', 'two', '51']) {
      const r2 = await run(['compress', pdf, '--out', target, '--page', bad])
      expect(r2.code, bad).toBe(2)
      expect(r2.err, bad).toContain('--page')
    }
  })
})

describe('beian-desk export', () => {
  it('refuses an incomplete site with the list of what is missing', async () => {
    const dir = tempDir()
    const store = openConfStore(dir)
    const { repo } = createServices(dir, store, 'assets/divisions')
    const subject = makeIndividual()
    const site = makeSite(subject.id)
    repo.commit(upsertSite(upsertSubject(repo.workspace(), subject), site))
    mkdirSync(join(dir, 'out'))
    const { code, err } = await run([
      'export',
      '--data-dir',
      dir,
      '--site',
      site.id,
      '--out',
      join(dir, 'out', 'p.zip'),
      '--zip',
    ])
    expect(code).toBe(1)
    expect(err).toContain('缺少材料：身份证正面')
  })

  it('exports a complete site to a zip', async () => {
    const dir = tempDir()
    const store = openConfStore(dir)
    const { repo, materials } = createServices(dir, store, 'assets/divisions')
    // Rule ⑦: the holder's office phone is required (a mobile number would do).
    const subject = makeIndividual({ principal: makePerson({ officePhone: '010-65831274' }) })
    const site = makeSite(subject.id)
    repo.commit(upsertSite(upsertSubject(repo.workspace(), subject), site))
    const photo = join(dir, 'card.jpg')
    writeFileSync(photo, card)
    for (const slot of ['principal-id-front', 'principal-id-back', 'principal-id-handheld'] as const) {
      await materials.importMaterial({ ownerKind: 'subject', ownerId: subject.id, slot, path: photo })
    }
    await materials.importMaterial({
      ownerKind: 'site',
      ownerId: site.id,
      slot: 'domain-certificate',
      path: photo,
    })
    const target = join(dir, 'p.zip')
    const { code, out } = await run([
      'export',
      '--data-dir',
      dir,
      '--site',
      site.id,
      '--out',
      target,
      '--zip',
      '--json',
    ])
    expect(code).toBe(0)
    expect(JSON.parse(out).files).toHaveLength(4)
    expect((await readZip(target)).map((e) => e.name.split('/').pop())).toContain('04_域名证书.jpg')
  })

  it('explains a wrong --data-dir', async () => {
    const { code, err } = await run(['export', '--data-dir', tempDir(), '--site', 'x', '--out', 'y'])
    expect(code).toBe(2)
    expect(err).toMatch(/config\.json/)
  })
})

describe('beian-desk validate', () => {
  it('lists every finding for stored data as JSON; a site without materials cannot be exported (exit 1)', async () => {
    const dir = tempDir()
    const store = openConfStore(dir)
    const { repo } = createServices(dir, store, 'assets/divisions')
    const good = makeIndividual()
    const bad = makeIndividual({ name: 'example.com' })
    const site = makeSite(good.id)
    repo.commit(upsertSite(upsertSubject(upsertSubject(repo.workspace(), good), bad), site))
    const all = await run(['validate', '--data-dir', dir, '--json'])
    expect(all.code).toBe(1)
    const report = JSON.parse(all.out) as {
      subjects: number
      findings: { subjectId: string; severity: string; field?: string }[]
    }
    expect(report.subjects).toBe(2)
    expect(
      report.findings.some((f) => f.subjectId === bad.id && f.severity === 'error' && f.field === 'name'),
    ).toBe(true)
    const one = await run(['validate', '--data-dir', dir, '--site', site.id, '--json'])
    const scoped = JSON.parse(one.out) as { findings: { subjectId: string; severity: string }[] }
    expect(scoped.findings.every((f) => f.subjectId === good.id)).toBe(true)
    expect(one.code).toBe(1)
  })
})
