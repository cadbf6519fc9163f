import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PACKET_CANCELLED_CODE, type Events, type PacketBatchItem } from '../../../core/api'
import type { Material, Site, SlotKey, Workspace } from '../../../core/model'
import { createMaterialFiles } from '../../../electron/main/services/material-files'
import {
  cancelExportMany,
  exportMany,
  STAGING_PREFIX,
} from '../../../electron/main/services/packet-export-many'
import { makeIndividual, makeMaterial, makePerson, makeSite } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'
import { readZip } from '../../support/zip'

const tempDir = useTempDirs()
const TODAY = '2026-12-07'

/** One subject with `count` sites; the sites in `incomplete` lack their domain certificate. */
async function agencyWorkspace(dataDir: string, count: number, incomplete: readonly number[] = []) {
  const files = createMaterialFiles(dataDir)
  const subject = makeIndividual({ principal: makePerson({ officePhone: '010-65831274' }) })
  const sites: Site[] = Array.from({ length: count }, (_, i) =>
    makeSite(subject.id, {
      name: `客户网站${String(i + 1).padStart(2, '0')}`,
      mainDomain: `client-site-${i + 1}.cn`,
      icpNumber: `京ICP备${12345600 + i}号-1`,
    }),
  )
  const materials: Material[] = []
  const add = async (kind: 'subject' | 'site', owner: string, slot: SlotKey) => {
    const data = Buffer.from(`jpeg of ${slot} for ${owner}`)
    const m = makeMaterial(kind, owner, slot, {
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    })
    await files.write(m.compressedFile, data)
    materials.push(m)
  }
  for (const slot of ['principal-id-front', 'principal-id-back', 'principal-id-handheld'] as const)
    await add('subject', subject.id, slot)
  for (const [i, site] of sites.entries())
    if (!incomplete.includes(i)) await add('site', site.id, 'domain-certificate')
  const ws: Workspace = { subjects: [subject], sites, materials }
  return { ws, files, sites }
}

function recorder() {
  const events: Events['packet:progress'][] = []
  return { events, progress: (p: Events['packet:progress']) => void events.push(p) }
}

const written = (results: PacketBatchItem[]) =>
  results.filter((r): r is Extract<PacketBatchItem, { ok: true }> => r.ok)

describe('exportMany', () => {
  it('exports 20 sites as one zip each, refuses the incomplete one with the reason, and leaves no temp files', async () => {
    const dir = tempDir()
    const { ws, files, sites } = await agencyWorkspace(join(dir, 'data'), 20, [6])
    const outDir = join(dir, 'out')
    const rec = recorder()
    const summary = await exportMany(
      ws,
      files,
      { batchId: 'b20', siteIds: sites.map((s) => s.id), format: 'zip', outDir },
      rec,
      TODAY,
    )
    expect(summary.cancelled).toBe(false)
    expect(summary.results.map((r) => r.siteId)).toEqual(sites.map((s) => s.id))
    const refused = summary.results.filter((r) => !r.ok)
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({ siteId: sites[6]?.id, siteName: '客户网站07', ok: false })
    const error = refused[0] && !refused[0].ok ? refused[0].error : undefined
    expect(error?.code).toBe('packet/incomplete')
    expect(error?.details?.join('\n')).toContain('域名证书')

    const ok = written(summary.results)
    expect(ok).toHaveLength(19)
    expect(ok.every((r) => !r.draft)).toBe(true)
    // Exactly the 19 zips, under their sites' names, and nothing else (no staging, no temp).
    const expectedNames = sites.filter((_, i) => i !== 6).map((s) => `${s.name}-公安备案材料.zip`)
    expect(readdirSync(outDir).sort()).toEqual([...expectedNames].sort())
    expect(ok.map((r) => basename(r.target)).sort()).toEqual([...expectedNames].sort())
    // Each zip is complete, and the folder inside it is named as the zip.
    for (const r of ok.slice(0, 3)) {
      const entries = await readZip(r.target)
      const folder = basename(r.target, '.zip')
      expect(entries.every((e) => e.name.startsWith(`${folder}/`))).toBe(true)
      expect(entries.map((e) => e.name.slice(folder.length + 1))).toContain('manifest.json')
      expect(entries.map((e) => e.name.slice(folder.length + 1))).toContain('备案信息.pdf')
    }

    // One progress event per site, `done` counting up, the refusal carrying its code.
    expect(rec.events).toHaveLength(20)
    expect(rec.events.map((e) => e.done)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(rec.events.filter((e) => !e.ok)).toEqual([
      expect.objectContaining({ siteId: sites[6]?.id, code: 'packet/incomplete', total: 20 }),
    ])
  }, 120_000)

  it('cancelled midway: the packets finished before stay complete, the rest are not written, nothing half-written is left', async () => {
    const dir = tempDir()
    const { ws, files, sites } = await agencyWorkspace(join(dir, 'data'), 20, [3])
    const outDir = join(dir, 'out')
    const rec = recorder()
    let stagingSeen: string[] = []
    const summary = await exportMany(
      ws,
      files,
      { batchId: 'cancel-me', siteIds: sites.map((s) => s.id), format: 'zip', outDir },
      rec,
      TODAY,
      {
        staged: (index) => {
          if (index !== 8) return
          // The packet of site 9 is complete in staging, not yet moved: cancel now.
          stagingSeen = readdirSync(outDir).filter((n) => n.startsWith(STAGING_PREFIX))
          expect(cancelExportMany('cancel-me')).toBe(true)
        },
      },
    )
    expect(stagingSeen).toHaveLength(1)
    expect(summary.cancelled).toBe(true)
    const ok = written(summary.results)
    const cancelled = summary.results.filter((r) => !r.ok && r.error.code === PACKET_CANCELLED_CODE)
    expect(ok.length).toBeGreaterThanOrEqual(6)
    expect(ok.length).toBeLessThan(9)
    expect(cancelled.length).toBeGreaterThanOrEqual(11)
    expect(ok.length + cancelled.length + 1).toBe(20)
    expect(summary.results[8]).toMatchObject({ ok: false, error: { code: PACKET_CANCELLED_CODE } })
    expect(summary.results[3]).toMatchObject({ ok: false, error: { code: 'packet/incomplete' } })
    // The folder holds exactly the written packets, each a complete zip, and no temp or staging entry.
    expect(readdirSync(outDir).sort()).toEqual(ok.map((r) => basename(r.target)).sort())
    for (const r of ok) {
      const entries = await readZip(r.target)
      expect(entries.some((e) => e.name.endsWith('/manifest.json'))).toBe(true)
    }
    expect(rec.events).toHaveLength(20)
    expect(cancelExportMany('cancel-me')).toBe(false)
  }, 120_000)

  it('writes folders beside existing ones under free names, and drafts for incomplete sites when forced', async () => {
    const dir = tempDir()
    const { ws, files, sites } = await agencyWorkspace(join(dir, 'data'), 3, [1])
    const outDir = join(dir, 'out')
    const taken = join(outDir, `${sites[0]?.name}-公安备案材料`)
    mkdirSync(taken, { recursive: true })
    writeFileSync(join(taken, 'keep.txt'), 'mine')
    const summary = await exportMany(
      ws,
      files,
      { batchId: 'f3', siteIds: sites.map((s) => s.id), format: 'folder', outDir, force: true },
      recorder(),
      TODAY,
    )
    const ok = written(summary.results)
    expect(ok.map((r) => basename(r.target))).toEqual([
      `${sites[0]?.name}-公安备案材料(2)`,
      `${sites[1]?.name}-公安备案材料`,
      `${sites[2]?.name}-公安备案材料`,
    ])
    expect(ok.map((r) => r.draft)).toEqual([false, true, false])
    expect(readdirSync(taken)).toEqual(['keep.txt'])
    for (const r of ok) {
      expect(statSync(r.target).isDirectory()).toBe(true)
      expect(readdirSync(r.target)).toContain('manifest.json')
    }
    expect(readdirSync(outDir).filter((n) => n.startsWith('.'))).toEqual([])
  }, 60_000)

  it('reports a site that no longer exists and a failed write without stopping the others', async () => {
    const dir = tempDir()
    const { ws, files, sites } = await agencyWorkspace(join(dir, 'data'), 2)
    // The second site's image is gone from the data folder.
    const lost = ws.materials.find((m) => m.ownerId === sites[1]?.id)
    const summary = await exportMany(
      ws,
      {
        ...files,
        read: (name) =>
          name === lost?.compressedFile ? Promise.reject(new Error('gone')) : files.read(name),
      },
      {
        batchId: 'gone',
        siteIds: ['no-such-site', sites[0]?.id ?? '', sites[1]?.id ?? ''],
        format: 'zip',
        outDir: join(dir, 'out'),
      },
      recorder(),
      TODAY,
    )
    expect(summary.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'packet/no-site',
      'ok',
      'packet/file-missing',
    ])
    expect(readdirSync(join(dir, 'out'))).toHaveLength(1)
  }, 60_000)

  it('refuses a second run under the same batch id while the first is running', async () => {
    const dir = tempDir()
    const { ws, files, sites } = await agencyWorkspace(join(dir, 'data'), 1)
    const req = {
      batchId: 'twice',
      siteIds: [sites[0]?.id ?? ''],
      format: 'zip' as const,
      outDir: join(dir, 'out'),
    }
    const first = exportMany(ws, files, req, recorder(), TODAY)
    await expect(exportMany(ws, files, req, recorder(), TODAY)).rejects.toMatchObject({
      code: 'packet/batch-running',
    })
    expect((await first).results[0]?.ok).toBe(true)
  }, 60_000)
})
