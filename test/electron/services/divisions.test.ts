import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createDivisionService } from '../../../electron/main/services/divisions'
import { useTempDirs } from '../../support/temp-dir'

const ASSETS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../assets/divisions')
const tempDir = useTempDirs()
/** One service for the read-only tests, so the tree is parsed once. */
const shared = createDivisionService(ASSETS)

/** A service over the committed data whose file reads are recorded (relative to the assets dir). */
function watched(options: { villageCacheSize?: number } = {}) {
  const reads: string[] = []
  const service = createDivisionService(ASSETS, {
    ...options,
    readFile: (path) => {
      reads.push(relative(ASSETS, path))
      return readFile(path)
    },
  })
  return { service, reads }
}

const names = (nodes: { name: string }[]) => nodes.map((n) => n.name)

describe('division service: levels 1–4', () => {
  it('lists the 31 provinces, including 北京市 and 广东省', async () => {
    const provinces = await shared.children(null)
    expect(provinces).toHaveLength(31)
    expect(provinces).toContainEqual({ code: '11', name: '北京市', hasChildren: true })
    expect(provinces).toContainEqual({ code: '44', name: '广东省', hasChildren: true })
    expect(provinces.map((p) => p.code)).toEqual([...provinces.map((p) => p.code)].sort())
  })

  it('lists the cities of 广东省 by its 2-digit and GB/T 2260 codes', async () => {
    const cities = await shared.children('44')
    expect(cities).toContainEqual({ code: '4401', name: '广州市', hasChildren: true })
    expect(cities).toContainEqual({ code: '4403', name: '深圳市', hasChildren: true })
    expect(cities.every((c) => /^44\d{2}$/.test(c.code))).toBe(true)
    expect(await shared.children('440000')).toEqual(cities)
    expect(await shared.children('440000000000')).toEqual(cities)
  })

  it('lists the counties of a city and the towns of a county', async () => {
    expect(names(await shared.children('440100'))).toContain('天河区')
    const towns = await shared.children('440106')
    expect(towns).toContainEqual({ code: '440106006', name: '石牌街道', hasChildren: true })
    expect(towns.every((t) => /^440106\d{3}$/.test(t.code))).toBe(true)
    expect(names(await shared.children('110118'))).toEqual(expect.arrayContaining(['鼓楼街道', '溪翁庄镇']))
  })

  it('keeps the county-less cities (东莞) reachable through their pseudo-county', async () => {
    expect(await shared.children('4419')).toEqual([{ code: '441900', name: '东莞市', hasChildren: true }])
    expect((await shared.children('441900')).length).toBeGreaterThan(20)
    expect(names(await shared.path('441900'))).toEqual(['广东省', '东莞市', '东莞市'])
  })

  it('answers the path from the province down', async () => {
    expect(names(await shared.path('440106006'))).toEqual(['广东省', '广州市', '天河区', '石牌街道'])
    expect((await shared.path('4403')).map((n) => n.code)).toEqual(['44', '4403'])
    expect(names(await shared.path('440100'))).toEqual(['广东省', '广州市'])
    expect(names(await shared.path('440106011000'))).toEqual(['广东省', '广州市', '天河区', '棠下街道'])
    // A fresh service: the town is found before its county's towns were ever listed.
    expect(names(await createDivisionService(ASSETS).path('130434100'))).toEqual([
      '河北省',
      '邯郸市',
      '魏县',
      '魏城镇',
    ])
  })
})

describe('division service: villages', () => {
  it("loads one town's villages from that county's file only", async () => {
    const { service, reads } = watched()
    const villages = await service.children('110118101')
    expect(villages.length).toBeGreaterThan(20)
    expect(villages.every((v) => /^110118101\d{3}$/.test(v.code) && !v.hasChildren)).toBe(true)
    expect(names(villages)).toContain('溪翁庄村民委员会')
    expect(villages.some((v) => v.name.includes('社区'))).toBe(true)
    expect(villages.filter((v) => v.name.includes('村')).length).toBeGreaterThan(10)
    expect(reads).toEqual(['tree.json.gz', join('villages', '11', '110118.json.gz')])
    expect(service.stats()).toEqual({ treeLoaded: true, villageFilesRead: 1, cachedCounties: ['110118'] })
  })

  it('serves a second town of the same county and concurrent lookups from one read', async () => {
    const { service, reads } = watched()
    const [a, b] = await Promise.all([service.children('440106011'), service.children('440106006')])
    expect(names(a)).toContain('棠德南社区居委会')
    expect(b.length).toBeGreaterThan(0)
    expect(await service.children('440106011')).toEqual(a)
    expect(reads.filter((r) => r.startsWith('villages'))).toEqual([join('villages', '44', '440106.json.gz')])
  })

  it('keeps only the most recently used counties in memory', async () => {
    const { service } = watched({ villageCacheSize: 2 })
    // 110118 (密云区), 440106 (天河区), 130434 (魏县): the hit on 110118 keeps it over 440106.
    for (const town of ['110118101', '440106011', '110118101', '130434100', '110118101'])
      await service.children(town)
    expect(service.stats()).toMatchObject({ villageFilesRead: 3, cachedCounties: ['130434', '110118'] })
    await service.children('440106011')
    expect(service.stats()).toMatchObject({ villageFilesRead: 4, cachedCounties: ['110118', '440106'] })
  })

  it('answers the full path of a village', async () => {
    const path = await shared.path('110118101201')
    expect(names(path)).toEqual(['北京市', '市辖区', '密云区', '溪翁庄镇', '溪翁庄村民委员会'])
    expect(path.at(-1)?.hasChildren).toBe(false)
  })
})

describe('division service: unknown and hostile codes', () => {
  it.each(['99', '4499', '440199', '440106999', '110118101999', '469900', '710000'])(
    'answers [] for the unknown code %s',
    async (code) => {
      expect(await shared.children(code)).toEqual([])
      expect(await shared.path(code)).toEqual([])
    },
  )

  it('answers [] for a village code without touching a village file of an unknown town', async () => {
    const { service, reads } = watched()
    expect(await service.children('440106999001')).toEqual([])
    expect(reads).toEqual(['tree.json.gz'])
  })

  it.each([
    '../../etc',
    '11/../..',
    '../villages/11/110118',
    '44\u0000',
    '４４',
    '',
    ' 44',
    '__proto__',
    '1'.repeat(13),
  ])('refuses %j before any file access', async (code) => {
    const { service, reads } = watched()
    expect(await service.children(code)).toEqual([])
    expect(await service.path(code)).toEqual([])
    expect(reads).toEqual([])
    expect(service.stats().treeLoaded).toBe(false)
  })
})

describe('division service: damaged data', () => {
  it('reports a corrupt tree file and retries on the next call', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'tree.json.gz'), gzipSync('{"format":99}'))
    const service = createDivisionService(dir)
    await expect(service.children(null)).rejects.toMatchObject({ code: 'divisions/data' })
    copyFileSync(join(ASSETS, 'tree.json.gz'), join(dir, 'tree.json.gz'))
    expect(await service.children(null)).toHaveLength(31)
  })

  it('reports a missing or mismatched village file', async () => {
    const dir = tempDir()
    copyFileSync(join(ASSETS, 'tree.json.gz'), join(dir, 'tree.json.gz'))
    const service = createDivisionService(dir)
    await expect(service.children('110118101')).rejects.toMatchObject({ code: 'divisions/data' })
    mkdirSync(join(dir, 'villages', '11'), { recursive: true })
    const other = readFileSync(join(ASSETS, 'villages', '11', '110119.json.gz'))
    writeFileSync(join(dir, 'villages', '11', '110118.json.gz'), other)
    await expect(service.children('110118101')).rejects.toMatchObject({ code: 'divisions/data' })
    expect(service.stats().cachedCounties).toEqual([])
  })
})
