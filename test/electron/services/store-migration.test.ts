/**
 * A config.json exactly as version 1 of the app wrote it (before 单位类别 was split, the
 * 管制物品 question and the conditional material slots existed) must load unchanged.
 * Synthetic people only: the ID numbers are made up, with valid GB 11643 check characters.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { requiredSlots } from '../../../core/materials/slots'
import { controlledGoodsOf } from '../../../core/model'
import { validateWorkspace } from '../../../core/validation'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { takeStoreRecovery } from '../../../electron/main/services/store'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()

const address = {
  divisionCodes: ['110000', '110100', '110105'],
  divisionNames: ['北京市', '市辖区', '朝阳区'],
  detail: '建国路88号3号楼1201室',
}
const person = (id: string, name: string, idNumber: string, idExpiry: string) => ({
  id,
  name,
  idType: 'resident-id',
  idNumber,
  idExpiry,
  address,
  officePhone: '010-62345678',
  mobile: '13952718460',
  email: 'someone@example.com',
})

/** The version-1 file, field for field as that version's schema had it. */
const V1_FILE = {
  version: 1,
  workspace: {
    subjects: [
      {
        id: 'subj_individual',
        nature: 'individual',
        name: '李娜',
        certNumber: '320102196002290452',
        investor: '',
        officeAddress: address,
        officePhone: '',
        principal: { ...person('p_li', '李娜', '320102196002290452', 'long-term'), officePhone: '' },
        createdAt: '2026-10-01T08:00:00.000Z',
        updatedAt: '2026-10-02T08:00:00.000Z',
      },
      {
        id: 'subj_academy',
        nature: 'organization',
        orgKind: 'military-academy',
        name: '某某学院',
        certType: 'public-institution-certificate',
        certNumber: '事证第110000001234号',
        investor: '张伟',
        officeAddress: address,
        officePhone: '010-62345678',
        principal: person('p_zhang', '张伟', '110105198506151236', '2035-06-01'),
        createdAt: '2026-10-01T08:00:00.000Z',
        updatedAt: '2026-10-01T08:00:00.000Z',
      },
    ],
    sites: [
      {
        id: 'site_blog',
        subjectId: 'subj_individual',
        name: '李娜的博客',
        icpNumber: '京ICP备12345678号-1',
        openingDate: '2026-09-20',
        mainDomain: 'example-blog.cn',
        extraDomains: ['www.example-blog.cn'],
        hasOwnDomain: true,
        homeUrl: '',
        serverIps: ['47.95.1.10'],
        accessProvider: { location: 'domestic', region: '浙江省杭州市', name: '阿里云计算有限公司' },
        registrar: { location: 'domestic', region: '浙江省杭州市', name: '阿里云计算有限公司' },
        accessMethod: '云服务器',
        interactive: true,
        serviceTypes: ['www', '博客个人空间'],
        languages: ['中文简体'],
        preApprovals: [],
        securityOfficer: { sameAsPrincipal: true },
        emergencyContact: {
          sameAsPrincipal: false,
          person: person('p_wang', '王芳', '44030519900101123X', '2031-01-01'),
        },
        createdAt: '2026-10-01T08:00:00.000Z',
        updatedAt: '2026-10-01T08:00:00.000Z',
      },
    ],
    materials: [
      {
        id: 'mat_front',
        ownerKind: 'subject',
        ownerId: 'subj_individual',
        slot: 'principal-id-front',
        sourceName: 'IMG_0001.HEIC',
        sourceFormat: 'heif',
        sourceWidth: 4032,
        sourceHeight: 3024,
        originalBytes: 2_345_678,
        edit: {
          rotate: 90,
          crop: { left: 10, top: 20, width: 3000, height: 1900 },
          watermark: '仅供公安备案使用',
        },
        originalFile: 'materials/subject-subj_individual/principal-id-front-mat_front.original.heic',
        compressedFile: 'materials/subject-subj_individual/principal-id-front-mat_front.jpg',
        bytes: 498_000,
        width: 1600,
        height: 1013,
        quality: 82,
        maxBytes: 512_000,
        sha256: 'a'.repeat(64),
        warnings: ['blurry'],
        importedAt: '2026-10-02T08:00:00.000Z',
      },
    ],
  },
  settings: { language: 'zh-CN', lastExportDir: '/home/someone/导出' },
}

describe('store: a version-1 workspace file', () => {
  it('loads unchanged, without recovery, and is still valid data for today’s rules', () => {
    const dir = tempDir()
    const file = join(dir, 'config.json')
    const bytes = JSON.stringify(V1_FILE, null, '\t')
    writeFileSync(file, bytes)
    const repo = createWorkspaceRepo(openConfStore(dir))
    expect(takeStoreRecovery()).toBeNull()
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(false)
    expect(repo.workspace()).toEqual(V1_FILE.workspace)
    expect(repo.settings()).toEqual(V1_FILE.settings)
    // The file is migrated to the split store, and its bytes are kept as they were in a
    // backup generation of their own.
    expect(readFileSync(file, 'utf8')).toMatch(/^\{"format":"beian-desk-split"/)
    const kept = readdirSync(join(dir, 'backups')).filter((f) => f.startsWith('config-'))
    expect(kept.map((f) => readFileSync(join(dir, 'backups', f), 'utf8'))).toContain(bytes)
  })

  it('reads the fields added since with their old meaning', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'config.json'), JSON.stringify(V1_FILE))
    const ws = createWorkspaceRepo(openConfStore(dir)).workspace()
    const [site] = ws.sites
    const [individual] = ws.subjects
    if (!site || !individual) throw new Error('fixture lost its records')
    expect(controlledGoodsOf(site)).toEqual({ offers: false, categories: [] })
    // The interactive site now asks for its 安全评估报告; the holder's photos stay where they were.
    expect(requiredSlots(individual, site).map((s) => s.key)).toEqual([
      'principal-id-front',
      'principal-id-back',
      'principal-id-handheld',
      'domain-certificate',
      'security-assessment',
    ])
    expect(() => validateWorkspace(ws, '2026-11-28')).not.toThrow()
  })

  it('keeps the legacy 军队院校 kind and survives a save', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'config.json'), JSON.stringify(V1_FILE))
    const repo = createWorkspaceRepo(openConfStore(dir))
    repo.commit(repo.workspace())
    const again = createWorkspaceRepo(openConfStore(dir))
    expect(again.workspace()).toEqual(V1_FILE.workspace)
    expect(again.workspace().subjects[1]?.orgKind).toBe('military-academy')
  })
})
