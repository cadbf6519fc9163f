/** beian-desk retention: list what is due (read-only), apply only with --yes, through the app's removal. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeIndividual, makeMaterial, makeSite, makeSiteEvent } from '../../support/factories'
import { storedWorkspace } from '../../support/stored-workspace'
import { useTempDirs } from '../../support/temp-dir'
import { run, storeWorkspace } from './support'

const tempDir = useTempDirs()

/** A site badged on 2026-01-15 with an ID photo and a domain certificate on disk (not encrypted). */
function badgedSite() {
  const dir = tempDir()
  const subject = makeIndividual({ name: '李小明' })
  const site = makeSite(subject.id, { name: '小明的博客' })
  const photo = makeMaterial('subject', subject.id, 'principal-id-front')
  const cert = makeMaterial('site', site.id, 'domain-certificate')
  storeWorkspace(dir, {
    subjects: [subject],
    sites: [site],
    materials: [photo, cert],
    filingEvents: [
      makeSiteEvent(site.id, 'submitted', '2026-01-02'),
      makeSiteEvent(site.id, 'filed', '2026-01-10'),
      makeSiteEvent(site.id, 'badged', '2026-01-15'),
    ],
  })
  for (const key of [photo.originalFile, photo.compressedFile, cert.originalFile, cert.compressedFile]) {
    mkdirSync(dirname(join(dir, key)), { recursive: true })
    writeFileSync(join(dir, key), 'x')
  }
  return { dir, photo, cert }
}

describe('beian-desk retention', () => {
  it('says when retention is off, and lists what --days makes due', async () => {
    const { dir, photo } = badgedSite()
    const off = await run(['retention', 'list', '--data-dir', dir])
    expect([off.code, off.out]).toEqual([
      0,
      '保留期限没有开启（在应用的“数据加密”中设置，或用 --days 指定）。\n',
    ])
    const r = await run(['retention', 'list', '--data-dir', dir, '--days', '30'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('2026-02-14 到期  小明的博客  李小明  身份证正面  挂标 2026-01-15')
    const json = await run(['retention', 'list', '--data-dir', dir, '--days', '30', '--json'])
    expect((JSON.parse(json.out) as { due: { materialId: string }[] }).due.map((d) => d.materialId)).toEqual([
      photo.id,
    ])
    expect(existsSync(join(dir, photo.originalFile))).toBe(true)
  })

  it('refuses apply without --yes and a period not offered, deleting nothing', async () => {
    const { dir, photo } = badgedSite()
    const noYes = await run(['retention', 'apply', '--data-dir', dir, '--days', '30'])
    expect(noYes.code).toBe(2)
    expect(noYes.err).toContain('--yes')
    const badDays = await run(['retention', 'list', '--data-dir', dir, '--days', '7'])
    expect(badDays.code).toBe(2)
    expect(existsSync(join(dir, photo.originalFile))).toBe(true)
  })

  it('apply --yes deletes the due photo (files and record), never the certificate', async () => {
    const { dir, photo, cert } = badgedSite()
    const r = await run(['retention', 'apply', '--yes', '--data-dir', dir, '--days', '90', '--lang', 'en'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('1 ID photo(s) deleted by retention.')
    expect(existsSync(join(dir, photo.originalFile))).toBe(false)
    expect(existsSync(join(dir, photo.compressedFile))).toBe(false)
    expect(existsSync(join(dir, cert.originalFile))).toBe(true)
    const ws = storedWorkspace(dir)
    expect(ws.materials.map((m) => m.id)).toEqual([cert.id])
    expect(ws.retentionRemovals?.map((x) => x.slot)).toEqual(['principal-id-front'])
  })
})
