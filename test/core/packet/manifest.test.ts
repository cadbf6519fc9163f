import { describe, expect, it } from 'vitest'
import {
  buildManifest,
  manifestText,
  MANIFEST_SCHEMA_VERSION,
  type ManifestFile,
} from '../../../core/packet/manifest'
import { makeIndividual, makeSite } from '../../support/factories'

const subject = makeIndividual()
const site = makeSite(subject.id)
const hash = (c: string): string => c.repeat(64)
const files: ManifestFile[] = [
  { file: '备案信息.pdf', role: 'info-pdf', bytes: 9000, sha256: hash('a') },
  {
    file: '1_开办主体/01_身份证正面.jpg',
    role: 'material',
    slot: 'principal-id-front',
    label: '身份证正面',
    step: '开办主体',
    bytes: 300,
    sha256: hash('b'),
    width: 800,
    height: 500,
  },
  { file: '填写清单.txt', role: 'fill-list', bytes: 1200, sha256: hash('c') },
  {
    file: '2_网站基本信息/04_域名证书.jpg',
    role: 'material',
    slot: 'domain-certificate',
    label: '域名证书',
    step: '网站基本信息',
    bytes: 400,
    sha256: hash('d'),
  },
  { file: '材料打印.pdf', role: 'print-pdf', bytes: 80000, sha256: hash('e') },
]

describe('buildManifest', () => {
  it('carries the schema and app version, the draft flag and every file with its hash, materials first in order', () => {
    const m = buildManifest({
      appVersion: '0.3.1',
      generatedAt: new Date('2026-12-07T08:00:00Z'),
      draft: true,
      subject,
      site,
      files,
    })
    expect(m).toMatchObject({
      format: 'beian-desk-packet',
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      appVersion: '0.3.1',
      generatedAt: '2026-12-07T08:00:00.000Z',
      draft: true,
      subject: { nature: 'individual', name: '李小明' },
      site: { name: '小明的博客', mainDomain: 'example-blog.cn' },
    })
    expect(m.files.map((f) => f.file)).toEqual([
      '1_开办主体/01_身份证正面.jpg',
      '2_网站基本信息/04_域名证书.jpg',
      '备案信息.pdf',
      '材料打印.pdf',
      '填写清单.txt',
    ])
    expect(m.files.map((f) => f.sha256)).toEqual([hash('b'), hash('d'), hash('a'), hash('e'), hash('c')])
    expect(MANIFEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2)
  })

  it('refuses two files with the same name (case-insensitive, as on Windows)', () => {
    const twice = [...files, { ...files[0], file: '备案信息.PDF' } as ManifestFile]
    expect(() =>
      buildManifest({ appVersion: '1', generatedAt: new Date(), draft: false, subject, site, files: twice }),
    ).toThrow(/duplicate/)
  })

  it('is pretty JSON ending in a newline that parses back to the same object', () => {
    const m = buildManifest({
      appVersion: '1.0.0',
      generatedAt: new Date(),
      draft: false,
      subject,
      site,
      files,
    })
    const text = manifestText(m)
    expect(text.endsWith('}\n')).toBe(true)
    expect(JSON.parse(text)).toEqual(m)
  })
})
