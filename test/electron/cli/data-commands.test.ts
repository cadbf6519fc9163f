/** list, validate and export over a stored data folder: ids, site references, and validate agreeing with export. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeIndividual, makeSite } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'
import { individualSite, run, storeWorkspace } from './support'

const tempDir = useTempDirs()

/** Two sites: one complete (4/4), one with 1/4 materials; and a subject without sites. */
async function twoSites() {
  const dir = tempDir()
  const full = await individualSite(dir, { siteName: '小明的博客', domain: 'Example-Blog.cn' })
  const partial = await individualSite(dir, { slots: 1, siteName: '小红的相册', domain: 'photos.example.cn' })
  const lonely = makeIndividual({ name: 'example.com' })
  storeWorkspace(dir, {
    subjects: [full.subject, partial.subject, lonely],
    sites: [full.site, partial.site],
    materials: [...full.materials, ...partial.materials],
  })
  return { dir, full, partial, lonely }
}

describe('beian-desk list', () => {
  it('shows subjects and sites with ids, domains, materials ready and findings', async () => {
    const { dir, full, partial, lonely } = await twoSites()
    const human = await run(['list', '--data-dir', dir])
    expect(human.code).toBe(0)
    expect(human.out).toContain(`网站 小明的博客 [${full.site.id}] Example-Blog.cn  材料 4/4`)
    expect(human.out).toContain(`网站 小红的相册 [${partial.site.id}] photos.example.cn  材料 1/4`)
    expect(human.out).toContain(`[${lonely.id}]`)
    const json = await run(['list', '--data-dir', dir, '--json'])
    const { subjects } = JSON.parse(json.out) as {
      subjects: {
        id: string
        findings: { errors: number }
        sites: { id: string; mainDomain: string; materials: { ready: number; total: number } }[]
      }[]
    }
    expect(subjects.map((s) => s.id)).toEqual([full.subject.id, partial.subject.id, lonely.id])
    expect(subjects[1]?.sites).toEqual([
      expect.objectContaining({
        id: partial.site.id,
        mainDomain: 'photos.example.cn',
        materials: { ready: 1, total: 4 },
      }),
    ])
    expect(subjects[2]?.sites).toEqual([])
    expect(subjects[2]?.findings.errors).toBeGreaterThan(0)
  })

  it('never changes the data folder', async () => {
    const { dir } = await twoSites()
    const before = readdirSync(dir).sort()
    await run(['list', '--data-dir', dir])
    await run(['validate', '--data-dir', dir])
    expect(readdirSync(dir).sort()).toEqual(before)
  })
})

describe('beian-desk export --site', () => {
  it('takes the main domain in any spelling, or the exact site name, instead of the id', async () => {
    const { dir } = await twoSites()
    for (const [i, ref] of ['example-blog.cn', 'https://EXAMPLE-blog.cn/', '小明的博客'].entries()) {
      const r = await run([
        'export',
        '--data-dir',
        dir,
        '--site',
        ref,
        '--out',
        join(dir, `out${i}`),
        '--json',
      ])
      expect(r.code, ref).toBe(0)
      expect((JSON.parse(r.out) as { files: unknown[] }).files).toHaveLength(4)
    }
  })

  it('refuses an ambiguous name, listing the candidates, and an unknown one', async () => {
    const dir = tempDir()
    const a = await individualSite(dir, { siteName: '同名网站', domain: 'a.example.cn' })
    const b = await individualSite(dir, { siteName: '同名网站', domain: 'b.example.cn' })
    storeWorkspace(dir, {
      subjects: [a.subject, b.subject],
      sites: [a.site, b.site],
      materials: [...a.materials, ...b.materials],
    })
    const ambiguous = await run([
      'export',
      '--data-dir',
      dir,
      '--site',
      '同名网站',
      '--out',
      join(dir, 'out'),
    ])
    expect(ambiguous.code).toBe(2)
    expect(ambiguous.err).toContain('对应 2 个网站')
    expect(ambiguous.err).toContain(a.site.id)
    expect(ambiguous.err).toContain(b.site.id)
    expect(existsSync(join(dir, 'out'))).toBe(false)
    const unknown = await run(['export', '--data-dir', dir, '--site', 'nope.cn', '--out', join(dir, 'out')])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('找不到网站 “nope.cn”')
    expect(unknown.err).not.toMatch(/刷新/)
  })

  it('refuses --out naming a file in folder mode, and never replaces an earlier zip', async () => {
    const { dir } = await twoSites()
    const file = join(dir, 'note.txt')
    writeFileSync(file, 'mine')
    const r = await run(['export', '--data-dir', dir, '--site', 'example-blog.cn', '--out', file])
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining('不是文件夹') })
    const zip = join(dir, 'p.zip')
    writeFileSync(zip, 'an older packet')
    const z = await run(['export', '--data-dir', dir, '--site', 'example-blog.cn', '--out', zip, '--zip'])
    expect(z.code).toBe(0)
    expect(z.out).toContain(`已导出到 ${join(dir, 'p(2).zip')}`)
    expect(readFileSync(zip, 'utf8')).toBe('an older packet')
  })
})

describe('beian-desk validate', () => {
  it('counts missing materials, ends with a summary line, and exits 1 while a site cannot be exported', async () => {
    const { dir, full, partial } = await twoSites()
    const human = await run(['validate', '--data-dir', dir])
    expect(human.code).toBe(1)
    const lines = human.out.trim().split('\n')
    expect(lines.at(-1)).toBe('合计：主体 3 个，网站 2 个；可以导出 1 个，不能导出 1 个；缺少材料 3 项')
    expect(human.out).toContain('缺少材料：域名证书')
    const json = JSON.parse((await run(['validate', '--data-dir', dir, '--json'])).out) as {
      summary: unknown
      readiness: { siteId: string; exportable: boolean; materials: { missing: number } }[]
    }
    expect(json.summary).toEqual({ subjects: 3, sites: 2, ready: 1, blocked: 1, missingMaterials: 3 })
    expect(json.readiness.map((r) => [r.siteId, r.exportable, r.materials.missing])).toEqual([
      [full.site.id, true, 0],
      [partial.site.id, false, 3],
    ])
    const one = await run(['validate', '--data-dir', dir, '--site', 'example-blog.cn'])
    expect(one.code).toBe(0)
    expect(one.out.trim().split('\n').at(-1)).toBe(
      '合计：主体 1 个，网站 1 个；可以导出 1 个，不能导出 0 个；缺少材料 0 项',
    )
  })

  it('exits 1 exactly when export refuses: no materials, a rule error, a changed file; 0 when export succeeds', async () => {
    const cases = {
      complete: async (dir: string) => individualSite(dir),
      'no materials': async (dir: string) => individualSite(dir, { slots: 0 }),
      'rule error': async (dir: string) => {
        const made = await individualSite(dir)
        return { ...made, site: { ...made.site, icpNumber: 'ICP备' } }
      },
      'changed file': async (dir: string) => {
        const made = await individualSite(dir)
        await made.files.write(made.materials[2]?.compressedFile ?? '', Buffer.from('changed'))
        return made
      },
    }
    const outcomes: Record<string, [number, number]> = {}
    for (const [name, make] of Object.entries(cases)) {
      const dir = tempDir()
      const { subject, site, materials } = await make(dir)
      storeWorkspace(dir, { subjects: [subject], sites: [site], materials })
      const validate = await run(['validate', '--data-dir', dir, '--site', site.id])
      const exported = await run(['export', '--data-dir', dir, '--site', site.id, '--out', join(dir, 'out')])
      outcomes[name] = [validate.code, exported.code]
    }
    expect(outcomes).toEqual({
      complete: [0, 0],
      'no materials': [1, 1],
      'rule error': [1, 1],
      'changed file': [1, 1],
    })
  })

  it('a subject without sites only fails the whole-folder run when it has errors', async () => {
    const dir = tempDir()
    const { subject, site, materials } = await individualSite(dir)
    storeWorkspace(dir, {
      subjects: [subject, makeIndividual({ name: 'example.com' })],
      sites: [site],
      materials,
    })
    const all = await run(['validate', '--data-dir', dir])
    expect(all.code).toBe(1)
    expect(all.out).toMatch(/（还没有网站）\n {2}✗ 错误 \[name\]/)
    expect((await run(['validate', '--data-dir', dir, '--site', site.id])).code).toBe(0)
  })
})

describe('a site reference in English', () => {
  it('words the candidates and the summary in English with --lang en', async () => {
    const dir = tempDir()
    const { subject, site, materials } = await individualSite(dir, { slots: 2 })
    storeWorkspace(dir, {
      subjects: [subject],
      sites: [makeSite(subject.id, { name: site.name, mainDomain: 'x.cn' }), site],
      materials,
    })
    const r = await run(['validate', '--data-dir', dir, '--site', site.name, '--lang', 'en'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('matches 2 sites')
    const ok = await run(['validate', '--data-dir', dir, '--site', site.id], { env: { LANG: 'en_GB.UTF-8' } })
    expect(ok.out.trim().split('\n').at(-1)).toBe(
      'Summary: 1 subject(s), 1 site(s); 0 ready, 1 blocked; 2 material(s) missing',
    )
  })
})
