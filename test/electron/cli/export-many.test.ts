/** `beian-desk export` for several sites (--site … | --all, --stage, --out-dir) and --force for one. */
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PacketBatchSummary } from '../../../core/api'
import { useTempDirs } from '../../support/temp-dir'
import { readZip } from '../../support/zip'
import { individualSite, run, storeWorkspace } from './support'

const tempDir = useTempDirs()

/** Two complete sites and one with 1 of 4 materials. */
async function threeSites() {
  const dir = tempDir()
  const a = await individualSite(dir, { siteName: '甲网站', domain: 'a.example.cn' })
  const b = await individualSite(dir, { slots: 1, siteName: '乙网站', domain: 'b.example.cn' })
  const c = await individualSite(dir, { siteName: '丙网站', domain: 'c.example.cn' })
  storeWorkspace(dir, {
    subjects: [a.subject, b.subject, c.subject],
    sites: [a.site, b.site, c.site],
    materials: [...a.materials, ...b.materials, ...c.materials],
  })
  return { dir, a, b, c }
}

describe('beian-desk export, several sites', () => {
  it('--all --zip: one zip per site, the refused site listed with what is missing, exit 1', async () => {
    const { dir } = await threeSites()
    const outDir = join(dir, 'packets')
    const r = await run(['export', '--data-dir', dir, '--all', '--out-dir', outDir, '--zip'])
    expect(r.code).toBe(1)
    expect(readdirSync(outDir).sort()).toEqual(['丙网站-公安备案材料.zip', '甲网站-公安备案材料.zip'].sort())
    expect(r.out).toContain(`✓ 甲网站 → ${join(outDir, '甲网站-公安备案材料.zip')}`)
    expect(r.out).toMatch(/✗ 乙网站：还不能导出：有 \d+ 项需要先补齐或改正/)
    expect(r.out).toContain('    - ')
    expect(r.out).toContain(`合计：导出 2 个网站到 ${outDir}，1 个没有导出。`)
    expect(r.err).toContain('[3/3]')
    const entries = await readZip(join(outDir, '甲网站-公安备案材料.zip'))
    expect(entries.map((e) => e.name)).toContain('甲网站-公安备案材料/manifest.json')
  })

  it('--site A --site B --force --json: folders, the incomplete one as a draft, exit 0', async () => {
    const { dir } = await threeSites()
    const outDir = join(dir, 'packets')
    const r = await run([
      'export',
      '--data-dir',
      dir,
      '--site',
      'b.example.cn',
      '--site',
      '甲网站',
      '--out-dir',
      outDir,
      '--force',
      '--json',
    ])
    expect(r.code).toBe(0)
    const summary = JSON.parse(r.out) as PacketBatchSummary
    expect(summary.results.map((x) => (x.ok ? [x.siteName, x.draft] : [x.siteName, x.error.code]))).toEqual([
      ['乙网站', true],
      ['甲网站', false],
    ])
    expect(readdirSync(outDir).sort()).toEqual(['乙网站-公安备案材料', '甲网站-公安备案材料'].sort())
  })

  it('--stage filters by the derived filing stage; no match exports nothing, exit 1', async () => {
    const { dir } = await threeSites()
    const none = await run([
      'export',
      '--data-dir',
      dir,
      '--all',
      '--stage',
      'filed',
      '--out-dir',
      join(dir, 'x'),
    ])
    expect(none.code).toBe(1)
    expect(none.err).toContain('没有符合条件的网站')
    const preparing = await run([
      'export',
      '--data-dir',
      dir,
      '--all',
      '--stage',
      '准备中',
      '--out-dir',
      join(dir, 'y'),
      '--json',
    ])
    expect((JSON.parse(preparing.out) as PacketBatchSummary).results).toHaveLength(3)
    const bad = await run([
      'export',
      '--data-dir',
      dir,
      '--all',
      '--stage',
      'nope',
      '--out-dir',
      join(dir, 'z'),
    ])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('不认识的阶段')
  })

  it.each([
    [['--all', '--site', 'a.example.cn', '--out-dir', 'o'], '--all 表示全部网站'],
    [['--all', '--out', 'o'], '请用 --out-dir'],
    [['--site', 'a.example.cn', '--site', 'c.example.cn'], '需要 --out-dir'],
    [['--site', 'a.example.cn', '--stage', 'preparing', '--out', 'o'], '--stage 只能'],
  ])('usage error for %j', async (args, message) => {
    const { dir } = await threeSites()
    const r = await run(['export', '--data-dir', dir, ...args])
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })

  it('refuses an --out-dir that is a file', async () => {
    const { dir } = await threeSites()
    const file = join(dir, 'a-file')
    writeFileSync(file, 'x')
    const r = await run(['export', '--data-dir', dir, '--all', '--out-dir', file])
    expect(r.code).toBe(2)
    expect(r.err).toContain('不是文件夹')
  })

  it('prints the help in English with --lang en', async () => {
    const r = await run(['export', '--help', '--lang', 'en'])
    expect(r.out).toContain('--out-dir DIR')
    expect(r.out).toContain('--force')
  })
})

describe('beian-desk export --force, one site', () => {
  it('refuses an incomplete site without --force and writes a draft with it', async () => {
    const { dir } = await threeSites()
    const refused = await run([
      'export',
      '--data-dir',
      dir,
      '--site',
      'b.example.cn',
      '--out',
      join(dir, 'o'),
    ])
    expect(refused.code).toBe(1)
    const forced = await run([
      'export',
      '--data-dir',
      dir,
      '--site',
      'b.example.cn',
      '--out',
      join(dir, 'o'),
      '--zip',
      '--force',
    ])
    expect(forced.code).toBe(0)
    const manifest = (await readZip(join(dir, 'o.zip'))).find((e) => e.name.endsWith('/manifest.json'))
    expect(JSON.parse(manifest?.data.toString() ?? '{}')).toMatchObject({ draft: true })
  })
})
