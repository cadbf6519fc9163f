import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../electron/main/services/app-error'
import { CryptoFailure } from '../../../electron/main/services/crypto/envelope'
import { exportPacket, preparePacket } from '../../../electron/main/services/packet-export'
import { filledWorkspace } from '../../support/packet-workspace'
import { useTempDirs } from '../../support/temp-dir'
import { readZip } from '../../support/zip'

const tempDir = useTempDirs()

describe('exportPacket', () => {
  it('writes a zip: images by upload step in portal order, the documents and the manifest, UTF-8 flagged', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    const summary = await exportPacket(ws, files, {
      siteId: site.id,
      format: 'zip',
      target: join(dir, 'out', 'packet'),
    })
    expect(summary.target).toBe(join(dir, 'out', 'packet.zip'))
    const entries = await readZip(summary.target)
    // The folder inside the zip is named as the zip.
    const base = 'packet/'
    expect(entries.map((e) => e.name)).toEqual([
      `${base}1_开办主体/01_身份证正面.jpg`,
      `${base}1_开办主体/02_身份证反面.jpg`,
      `${base}1_开办主体/03_本人手持身份证照.jpg`,
      `${base}2_网站基本信息/04_域名证书.jpg`,
      `${base}备案信息.pdf`,
      `${base}材料打印.pdf`,
      `${base}填写清单.txt`,
      `${base}manifest.json`,
    ])
    expect(entries.every((e) => e.utf8Flag)).toBe(true)
    expect(entries[3]?.data.toString()).toBe('jpeg of domain-certificate')
    const manifest = JSON.parse(entries[7]?.data.toString() ?? '{}')
    expect(manifest).toMatchObject({ schemaVersion: 2, draft: false })
    expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/)
    // Every other file of the packet is listed with its hash.
    expect(manifest.files.map((f: { file: string }) => `${base}${f.file}`)).toEqual(
      entries.slice(0, 7).map((e) => e.name),
    )
    for (const [i, f] of (manifest.files as { sha256: string }[]).entries()) {
      expect(f.sha256).toBe(
        createHash('sha256')
          .update(entries[i]?.data ?? '')
          .digest('hex'),
      )
    }
    expect(manifest.files.slice(0, 4).map((f: { file: string }) => f.file)).toEqual(
      summary.files.map((f) => f.file),
    )
    expect(manifest.files[0]).toMatchObject({
      role: 'material',
      step: '开办主体',
      slot: 'principal-id-front',
      label: '身份证正面',
      bytes: 'jpeg of principal-id-front'.length,
    })
    expect(manifest.files[0].sha256).toBe(
      createHash('sha256')
        .update(entries[0]?.data ?? '')
        .digest('hex'),
    )
    expect(readdirSync(join(dir, 'out'))).toEqual(['packet.zip'])
  })

  it('writes a new folder and never overwrites an earlier export', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    const first = await exportPacket(ws, files, {
      siteId: site.id,
      format: 'folder',
      target: join(dir, 'exports'),
    })
    const second = await exportPacket(ws, files, {
      siteId: site.id,
      format: 'folder',
      target: join(dir, 'exports'),
    })
    expect(first.target).toBe(join(dir, 'exports', '小明的博客-公安备案材料'))
    expect(second.target).toBe(join(dir, 'exports', '小明的博客-公安备案材料(2)'))
    expect(readdirSync(first.target).sort()).toEqual([
      '1_开办主体',
      '2_网站基本信息',
      'manifest.json',
      '填写清单.txt',
      '备案信息.pdf',
      '材料打印.pdf',
    ])
    expect(readdirSync(join(first.target, '1_开办主体'))).toEqual([
      '01_身份证正面.jpg',
      '02_身份证反面.jpg',
      '03_本人手持身份证照.jpg',
    ])
    expect(JSON.parse(readFileSync(join(first.target, 'manifest.json'), 'utf8')).site.name).toBe('小明的博客')
  })

  it('refuses with the list of what is missing and writes nothing', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    const partial = { ...ws, materials: ws.materials.slice(0, 2), sites: [{ ...site, name: '' }] }
    const target = join(dir, 'never.zip')
    const error = await exportPacket(partial, files, { siteId: site.id, format: 'zip', target }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppFailure)
    expect((error as AppFailure).code).toBe('packet/incomplete')
    expect((error as AppFailure).details).toEqual([
      '缺少材料：本人手持身份证照',
      '缺少材料：域名证书',
      '网站：请填写网站名称，须与ICP备案的网站名称完全一致。',
    ])
    expect(existsSync(target)).toBe(false)
  })

  it('refuses a file whose bytes no longer match the recorded hash', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    await files.write(ws.materials[1]?.compressedFile ?? '', Buffer.from('tampered'))
    await expect(
      exportPacket(ws, files, { siteId: site.id, format: 'zip', target: join(dir, 'x.zip') }),
    ).rejects.toMatchObject({
      code: 'packet/file-changed',
    })
  })

  it('says the workspace is locked (once) instead of calling every file missing, and writes nothing', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    const locked = {
      ...files,
      read: () => Promise.reject(new CryptoFailure('crypto/locked', '工作区已加密且尚未解锁')),
    }
    const target = join(dir, 'x.zip')
    const refusal = exportPacket(ws, locked, { siteId: site.id, format: 'zip', target })
    await expect(refusal).rejects.toMatchObject({ code: 'crypto/locked', details: undefined })
    expect(existsSync(target)).toBe(false)
  })

  it('names the slot whose file cannot be decrypted', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    const broken = ws.materials[1]?.compressedFile
    const tampered = {
      ...files,
      read: (key: string) =>
        key === broken ? Promise.reject(new CryptoFailure('crypto/tampered', '无法解密')) : files.read(key),
    }
    await expect(
      exportPacket(ws, tampered, { siteId: site.id, format: 'zip', target: join(dir, 'x.zip') }),
    ).rejects.toMatchObject({ code: 'crypto/tampered', message: expect.stringMatching(/^“身份证反面”/) })
  })

  it('never replaces an existing zip: the new one gets a free name and the summary says which', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    mkdirSync(join(dir, 'out'))
    writeFileSync(join(dir, 'out', 'packet.zip'), 'an older packet')
    const summary = await exportPacket(ws, files, {
      siteId: site.id,
      format: 'zip',
      target: join(dir, 'out', 'packet.zip'),
    })
    expect(summary.target).toBe(join(dir, 'out', 'packet(2).zip'))
    expect(readFileSync(join(dir, 'out', 'packet.zip'), 'utf8')).toBe('an older packet')
    expect((await readZip(summary.target)).map((e) => e.name)).toContain('packet(2)/manifest.json')
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['packet(2).zip', 'packet.zip'])
  })

  it('exports beside a file or folder that already has the packet name without touching it', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    const parent = join(dir, 'exports')
    mkdirSync(join(parent, '小明的博客-公安备案材料'), { recursive: true })
    writeFileSync(join(parent, '小明的博客-公安备案材料', 'notes.txt'), 'mine')
    writeFileSync(join(parent, '小明的博客-公安备案材料(2)'), 'a file with the folder name')
    const summary = await exportPacket(ws, files, { siteId: site.id, format: 'folder', target: parent })
    expect(summary.target).toBe(join(parent, '小明的博客-公安备案材料(3)'))
    expect(readdirSync(join(parent, '小明的博客-公安备案材料'))).toEqual(['notes.txt'])
    expect(readFileSync(join(parent, '小明的博客-公安备案材料(2)'), 'utf8')).toBe(
      'a file with the folder name',
    )
    expect(readdirSync(summary.target)).toHaveLength(6)
  })

  it('preparePacket, the check export makes before writing, lists every missing or changed file', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    await files.write(ws.materials[1]?.compressedFile ?? '', Buffer.from('tampered'))
    await files.remove(ws.materials[3]?.compressedFile ?? '')
    const error = (await preparePacket(ws, files, site.id).catch((e: unknown) => e)) as AppFailure
    expect(error.code).toBe('packet/file-changed')
    expect(error.details).toEqual([
      expect.stringContaining('身份证反面'),
      expect.stringContaining('域名证书'),
    ])
    await expect(
      exportPacket(ws, files, { siteId: site.id, format: 'zip', target: join(dir, 'x.zip') }),
    ).rejects.toMatchObject({ code: 'packet/file-changed' })
    expect(existsSync(join(dir, 'x.zip'))).toBe(false)
    await expect(preparePacket(ws, files, 'no-such-site')).rejects.toMatchObject({ code: 'packet/no-site' })
  })

  it('when forced, writes the packet while something is missing, marked 草稿 in the manifest, the PDFs and the list', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    const partial = { ...ws, materials: ws.materials.slice(0, 3) }
    const summary = await exportPacket(partial, files, {
      siteId: site.id,
      format: 'folder',
      target: join(dir, 'drafts'),
      force: true,
    })
    expect(summary.files.map((f) => f.file)).toEqual([
      '1_开办主体/01_身份证正面.jpg',
      '1_开办主体/02_身份证反面.jpg',
      '1_开办主体/03_本人手持身份证照.jpg',
    ])
    const manifest = JSON.parse(readFileSync(join(summary.target, 'manifest.json'), 'utf8'))
    expect(manifest.draft).toBe(true)
    const text = execFileSync('pdftotext', [join(summary.target, '备案信息.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('草稿')
    expect(text).toContain('缺少')
    expect(readFileSync(join(summary.target, '填写清单.txt'), 'utf8')).toContain('【草稿】')
    // Without force the same workspace is refused.
    await expect(
      exportPacket(partial, files, { siteId: site.id, format: 'folder', target: join(dir, 'never') }),
    ).rejects.toMatchObject({ code: 'packet/incomplete' })
    expect(existsSync(join(dir, 'never'))).toBe(false)
  })

  it('refuses an image above its cap, even when forced', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    const [first, ...rest] = ws.materials
    const capped = { ...ws, materials: [{ ...(first as (typeof ws.materials)[0]), maxBytes: 10 }, ...rest] }
    await expect(
      exportPacket(capped, files, {
        siteId: site.id,
        format: 'zip',
        target: join(dir, 'x.zip'),
        force: true,
      }),
    ).rejects.toMatchObject({ code: 'packet/over-cap' })
    expect(readdirSync(dir).filter((n) => n.endsWith('.zip') || n.includes('.tmp-'))).toEqual([])
  })

  it('adds badge.html to the packet, listed in the manifest, once the site has its 公安备案号', async () => {
    const dir = tempDir()
    const { ws, files, site } = await filledWorkspace(dir)
    const filed = {
      id: 'e1',
      ownerKind: 'site' as const,
      ownerId: site.id,
      kind: 'filed' as const,
      date: '2026-12-01',
      note: '',
      operator: '',
      recordedAt: '2026-12-01T08:00:00Z',
      approval: { filingNumber: '11010502000001', policeUnit: '北京市公安局朝阳分局' },
    }
    const summary = await exportPacket({ ...ws, filingEvents: [filed] }, files, {
      siteId: site.id,
      format: 'folder',
      target: join(dir, 'exports'),
    })
    const html = readFileSync(join(summary.target, 'badge.html'), 'utf8')
    expect(html).toContain('京公网安备11010502000001号')
    const manifest = JSON.parse(readFileSync(join(summary.target, 'manifest.json'), 'utf8'))
    expect(manifest.files.at(-1)).toMatchObject({
      file: 'badge.html',
      role: 'badge',
      sha256: createHash('sha256').update(html).digest('hex'),
    })
  })
})
