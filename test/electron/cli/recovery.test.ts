/** A damaged data file is never recovered silently: every command prints what happened and stops (exit 3) unless --accept-recovered. */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Workspace } from '../../../core/model'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createStoreBackups } from '../../../electron/main/services/store-backups'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { makeIndividual, makeSite } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'
import { dayFromToday } from './desk-support'
import { run, storeWorkspace } from './support'

const tempDir = useTempDirs()
const CONFIG = 'config.json'

/** A stored workspace (two subjects, one site), then its file cut in half as a crash or a bad disk would. */
function damagedFolder() {
  const dir = tempDir()
  const a = makeIndividual({ name: '王小明' })
  const b = makeIndividual({ name: '李小红' })
  const site = makeSite(a.id, {
    name: '小明的博客',
    mainDomain: 'ming-blog.cn',
    openingDate: dayFromToday(-3),
  })
  storeWorkspace(dir, { subjects: [a, b], sites: [site], materials: [] })
  const text = readFileSync(join(dir, CONFIG), 'utf8')
  writeFileSync(join(dir, CONFIG), text.slice(0, Math.floor(text.length / 2)))
  return { dir, a, b, site, damaged: readFileSync(join(dir, CONFIG)) }
}

describe('recovery in the CLI', () => {
  it('a reading command prints the restored backup and exits 3, changing nothing', async () => {
    const { dir, damaged } = damagedFolder()
    const listing = readdirSync(dir).sort()
    const r = await run(['list', '--data-dir', dir])
    expect(r.code).toBe(3)
    expect(r.out).toBe('')
    expect(r.err).toContain('! 数据文件有损坏，已自动恢复：\n')
    expect(r.err).toMatch(/已恢复到 \S+ 的备份（2 个主体、1 个网站、0 份材料）/)
    expect(r.err).toContain('数据目录中的文件没有改动。请核对以上情况；确认后加 --accept-recovered 重新运行')
    expect(readFileSync(join(dir, CONFIG))).toEqual(damaged)
    expect(readdirSync(dir).sort()).toEqual(listing)
    // Every command that reads the data folder stops the same way.
    for (const args of [
      ['validate'],
      ['export', '--site', 'ming-blog.cn', '--out', tempDir()],
      ['backups', 'list'],
      ['import', join(dir, 'none.csv'), '--dry-run'],
    ]) {
      const other = await run([...args, '--data-dir', dir])
      expect(other.code, args[0]).toBe(3)
      expect(other.err, args[0]).toContain('已恢复到')
    }
    const en = await run(['status', '--data-dir', dir, '--lang', 'en'])
    expect(en.code).toBe(3)
    expect(en.err).toContain('! The data file was damaged and has been recovered (details in Chinese):')
    expect(en.err).toContain(
      'Nothing in the data folder was changed. Check the above; then run again with --accept-recovered',
    )
  })

  it('with --accept-recovered a reading command prints the recovery and goes on with the recovered data', async () => {
    const { dir, a, b } = damagedFolder()
    const r = await run(['list', '--data-dir', dir, '--json', '--accept-recovered'])
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/已恢复到 \S+ 的备份/)
    expect(r.err).toContain('已按 --accept-recovered 使用恢复后的数据继续。')
    const { subjects } = JSON.parse(r.out) as { subjects: { id: string }[] }
    expect(subjects.map((s) => s.id)).toEqual([a.id, b.id])
  })

  it('a writing command refuses before touching the folder, and repairs it once accepted', async () => {
    const { dir, site, damaged } = damagedFolder()
    const listing = readdirSync(dir).sort()
    const args = [
      'event',
      '--data-dir',
      dir,
      '--site',
      'ming-blog.cn',
      '--stage',
      'submitted',
      '--date',
      dayFromToday(-1),
    ]
    const refused = await run(args)
    expect(refused.code).toBe(3)
    expect(refused.out).toBe('')
    expect(readFileSync(join(dir, CONFIG))).toEqual(damaged)
    expect(readdirSync(dir).sort()).toEqual(listing)

    const accepted = await run([...args, '--accept-recovered'])
    expect(accepted.code).toBe(0)
    expect(accepted.err).toMatch(/已恢复到 \S+ 的备份/)
    expect(accepted.out).toContain('已记录：小明的博客 已提交')
    const reader = openConfStore(dir, { readOnly: true })
    const ws: Workspace = createWorkspaceRepo(reader).workspace()
    reader.close()
    expect(ws.subjects).toHaveLength(2)
    expect(ws.filingEvents).toEqual([expect.objectContaining({ ownerId: site.id, kind: 'submitted' })])
    // The damaged file is kept aside, not deleted; the next run finds nothing to report.
    expect(readdirSync(dir).some((n) => n.startsWith(`${CONFIG}.corrupt-`))).toBe(true)
    const clean = await run(['list', '--data-dir', dir])
    expect(clean.code).toBe(0)
    expect(clean.err).toBe('')
  })

  it('one damaged record is set aside alone and named; no usable backup is an empty start, said plainly', async () => {
    const { dir } = damagedFolder()
    type Stored = { workspace: { sites: Record<string, unknown>[] } }
    const backups = createStoreBackups(dir)
    const generations = backups.ids().map((id) => JSON.parse(backups.read(id)) as Stored)
    const good = generations.find((g) => g.workspace.sites.length === 1) as Stored
    ;(good.workspace.sites[0] as Record<string, unknown>).serverIps = 'not a list'
    writeFileSync(join(dir, CONFIG), JSON.stringify(good))
    const one = await run(['status', '--data-dir', dir])
    expect(one.code).toBe(3)
    expect(one.err).toContain('其中 1 条记录已损坏，已单独隔离')
    expect(one.err).toContain('其余数据完好（2 个主体、0 个网站、0 份材料）')

    writeFileSync(join(dir, CONFIG), '{"workspace": ')
    rmSync(join(dir, 'backups'), { recursive: true, force: true })
    const empty = await run(['backups', 'list', '--data-dir', dir])
    expect(empty.code).toBe(3)
    expect(empty.err).toContain('✗ 数据文件已损坏，且无法恢复：')
    expect(empty.err).toContain('已从空白数据开始')
  })
})
