import { describe, expect, it } from 'vitest'
import type { ExportSummary } from '../../../core/api'
import { materialReadiness } from '../../../core/packet/readiness'
import { exportedPath, uploadChecklist } from '../../../core/packet/upload-checklist'
import { makeIndividual, makeMaterial, makePerson, makeSite } from '../../support/factories'

const subject = makeIndividual({ principal: makePerson({ officePhone: '010-65831274' }) })
const site = makeSite(subject.id, { securityOfficer: { sameAsPrincipal: false, person: makePerson() } })
const materials = [
  makeMaterial('subject', subject.id, 'principal-id-front'),
  makeMaterial('site', site.id, 'domain-certificate'),
]
const readiness = materialReadiness(subject, site, materials)

const summary = (target: string, format: ExportSummary['format']): ExportSummary => ({
  target,
  format,
  files: [
    {
      slot: 'principal-id-front',
      file: '1_开办主体/01_身份证正面.jpg',
      bytes: 1,
      width: 1,
      height: 1,
      sha256: '',
    },
    {
      slot: 'domain-certificate',
      file: '2_网站基本信息/04_域名证书.jpg',
      bytes: 1,
      width: 1,
      height: 1,
      sha256: '',
    },
  ],
})

describe('uploadChecklist', () => {
  it('puts every required slot under the portal page where it is uploaded, with its state', () => {
    const pages = uploadChecklist(readiness)
    const all = Object.values(pages).flat()
    expect(all.map((i) => i.slot).sort()).toEqual(readiness.slots.map((s) => s.slot.key).sort())
    expect(pages.principal).toEqual([])
    expect(pages.subject.map((i) => i.slot)).toEqual(
      expect.arrayContaining(['principal-id-front', 'principal-id-back', 'principal-id-handheld']),
    )
    expect(pages.site.map((i) => i.slot)).toContain('domain-certificate')
    // A separate security officer's ID is uploaded with 网站负责人.
    expect(pages['site-people'].every((i) => i.slot.startsWith('security-id-'))).toBe(true)
    expect(pages['site-people'].length).toBeGreaterThan(0)
    expect(pages.subject.find((i) => i.slot === 'principal-id-front')?.state).toBe('ready')
    expect(pages.subject.find((i) => i.slot === 'principal-id-back')?.state).toBe('missing')
    expect(all.some((i) => i.file || i.location)).toBe(false)
  })

  it('gives each exported material its file and location; unexported ones get none', () => {
    const pages = uploadChecklist(readiness, summary('/home/u/导出/小明的博客-公安备案材料', 'folder'))
    expect(pages.subject.find((i) => i.slot === 'principal-id-front')).toMatchObject({
      file: '1_开办主体/01_身份证正面.jpg',
      location: '/home/u/导出/小明的博客-公安备案材料/1_开办主体/01_身份证正面.jpg',
    })
    expect(pages.subject.find((i) => i.slot === 'principal-id-back')?.location).toBeUndefined()
    const zipped = uploadChecklist(readiness, summary('/home/u/导出/包.zip', 'zip'))
    expect(zipped.site.find((i) => i.slot === 'domain-certificate')).toMatchObject({
      file: '2_网站基本信息/04_域名证书.jpg',
      location: '/home/u/导出/包.zip',
    })
  })
})

describe('exportedPath', () => {
  it.each([
    ['/out/包', '/out/包/1_开办主体/01_a.jpg'],
    ['/out/包/', '/out/包/1_开办主体/01_a.jpg'],
    ['C:\\Users\\李\\导出\\包', 'C:\\Users\\李\\导出\\包\\1_开办主体\\01_a.jpg'],
    ['\\\\nas\\share\\包', '\\\\nas\\share\\包\\1_开办主体\\01_a.jpg'],
    ['D:\\包\\', 'D:\\包\\1_开办主体\\01_a.jpg'],
  ])('folder %s', (target, expected) => {
    expect(exportedPath({ target, format: 'folder' }, '1_开办主体/01_a.jpg')).toBe(expected)
  })

  it('is the zip itself for a zip export', () => {
    expect(exportedPath({ target: 'C:\\out\\包.zip', format: 'zip' }, '1_开办主体/01_a.jpg')).toBe(
      'C:\\out\\包.zip',
    )
  })
})
