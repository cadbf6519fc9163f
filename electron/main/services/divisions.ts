/**
 * The administrative-division tree (行政区划) behind the cascading address picker.
 *
 * Usage: `const divisions = createDivisionService(join(resourcesDir, 'divisions'))`, then
 * `children(null)` → provinces, `children('44')` → cities, … `children('440106011')` → the
 * villages of one town; `path('440106011')` → [广东省, 广州市, 天河区, 石牌街道].
 * - Data: assets/divisions/, built by scripts/build-divisions.ts (2023 统计用区划代码; see SOURCE.md).
 *   Levels 1–4 (tree.json.gz, ~0.3 MB) load once, on the first valid call; villages load one
 *   county file at a time (villages/<pp>/<county>.json.gz) into a small LRU cache.
 * - Codes: canonical answers are 2/4/6/9/12-digit prefixes of the 统计用区划代码. Input may also be a
 *   GB/T 2260 6-digit code (`440000`, `440100`) or a zero-padded 12-digit code.
 * - Unknown codes answer [] (codes change every year); malformed codes answer [] without any
 *   file access. Missing or corrupt data files throw an AppFailure (a packaging fault).
 * Plain Node: no electron import, so the CLI and tests use it directly.
 */
import { readFile as fsReadFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzip } from 'node:zlib'
import { promisify } from 'node:util'
import { ancestorCodes, candidateCodes, isDivisionCode, type DivisionNode } from '../../../core/divisions'
import { AppFailure } from './app-error'

export type DivisionService = {
  /** Provinces for null; otherwise the children of a known code; [] for unknown or malformed codes. */
  children(code: string | null): Promise<DivisionNode[]>
  /** The nodes from the province down to the code itself; [] for unknown or malformed codes. */
  path(code: string): Promise<DivisionNode[]>
  /** Counters for tests and benchmarks. */
  stats(): DivisionStats
}

export type DivisionStats = { treeLoaded: boolean; villageFilesRead: number; cachedCounties: string[] }

export type DivisionServiceOptions = {
  /** Reads a whole file; injected by tests to watch file access. */
  readFile?: (path: string) => Promise<Uint8Array>
  /** How many counties' villages stay in memory (default 16). */
  villageCacheSize?: number
}

type TreeNode = [string, string, TreeNode[] | number]
/** Levels 1–4 by code; `children('')` lists the provinces. */
type Index = { node(code: string): DivisionNode | undefined; children(code: string): DivisionNode[] }
type VillageFile = { format: number; county: string; towns: Record<string, [string, string][]> }

const FORMAT = 1
const ROOT = ''
const gunzipAsync = promisify(gunzip)

function corrupt(file: string, cause?: unknown): AppFailure {
  const detail = cause instanceof Error ? cause.message : String(cause ?? 'bad format')
  return new AppFailure('divisions/data', '行政区划数据文件缺失或已损坏，请重新安装 Beian Desk。', [
    `${file}: ${detail}`,
  ])
}

async function readJson(read: (path: string) => Promise<Uint8Array>, file: string): Promise<unknown> {
  try {
    return JSON.parse((await gunzipAsync(await read(file))).toString('utf8')) as unknown
  } catch (error) {
    throw corrupt(file, error)
  }
}

/** Indexes provinces, cities and counties at once; a county's towns on first use (41k nodes). */
function buildIndex(tree: TreeNode[]): Index {
  const nodes = new Map<string, DivisionNode>()
  const kids = new Map<string, DivisionNode[]>()
  const pendingTowns = new Map<string, TreeNode[]>()
  const walk = (parent: string, list: TreeNode[]): void => {
    const out = list.map(([suffix, name, sub]): DivisionNode => {
      const code = parent + suffix
      const node = { code, name, hasChildren: typeof sub === 'number' ? sub > 0 : sub.length > 0 }
      nodes.set(code, node)
      if (typeof sub !== 'number') {
        if (code.length === 6) pendingTowns.set(code, sub)
        else walk(code, sub)
      }
      return node
    })
    kids.set(parent, out)
  }
  const expand = (code: string): void => {
    const county = code.slice(0, 6)
    const towns = code.length >= 6 ? pendingTowns.get(county) : undefined
    if (!towns) return
    pendingTowns.delete(county)
    walk(county, towns)
  }
  walk(ROOT, tree)
  return {
    node(code) {
      expand(code)
      return nodes.get(code)
    },
    children(code) {
      expand(code)
      return [...(kids.get(code) ?? [])]
    },
  }
}

function isTreeFile(data: unknown): data is { format: number; tree: TreeNode[] } {
  const d = data as { format?: unknown; tree?: unknown } | null
  return d?.format === FORMAT && Array.isArray(d.tree) && d.tree.length > 0
}

function villageNodes(file: VillageFile, town: string): DivisionNode[] {
  const rows = Object.hasOwn(file.towns, town.slice(6)) ? (file.towns[town.slice(6)] ?? []) : []
  return rows.map(([suffix, name]) => ({ code: town + suffix, name, hasChildren: false }))
}

export function createDivisionService(
  assetsDir: string,
  options: DivisionServiceOptions = {},
): DivisionService {
  const read = options.readFile ?? fsReadFile
  const cacheSize = Math.max(1, options.villageCacheSize ?? 16)
  const villageCache = new Map<string, Promise<VillageFile>>()
  let indexPromise: Promise<Index> | null = null
  let villageFilesRead = 0

  const readIndex = async (): Promise<Index> => {
    const file = join(assetsDir, 'tree.json.gz')
    const data = await readJson(read, file)
    if (!isTreeFile(data)) throw corrupt(file)
    return buildIndex(data.tree)
  }
  /** Levels 1–4, read once; a failed read is retried on the next call. */
  const loadIndex = (): Promise<Index> => {
    if (!indexPromise) {
      indexPromise = readIndex()
      indexPromise.catch(() => (indexPromise = null))
    }
    return indexPromise
  }

  const loadCounty = async (county: string): Promise<VillageFile> => {
    const file = join(assetsDir, 'villages', county.slice(0, 2), `${county}.json.gz`)
    villageFilesRead++
    const data = (await readJson(read, file)) as Partial<VillageFile> | null
    if (data?.format !== FORMAT || data.county !== county || typeof data.towns !== 'object' || !data.towns) {
      throw corrupt(file)
    }
    return data as VillageFile
  }

  /** One county's villages, through the LRU (a Map in use order); in-flight loads are shared. */
  const countyVillages = (county: string): Promise<VillageFile> => {
    if (!/^\d{6}$/.test(county)) throw new Error(`not a county code: ${county}`)
    const cached = villageCache.get(county)
    const pending = cached ?? loadCounty(county)
    villageCache.delete(county)
    villageCache.set(county, pending)
    if (!cached) pending.catch(() => villageCache.delete(county))
    while (villageCache.size > cacheSize) villageCache.delete(villageCache.keys().next().value as string)
    return pending
  }

  const townVillages = async (index: Index, town: string): Promise<DivisionNode[]> =>
    index.node(town)?.hasChildren ? villageNodes(await countyVillages(town.slice(0, 6)), town) : []

  /** The node a (possibly padded) code names, or null; loads a village file only for known towns. */
  const resolveNode = async (index: Index, code: string): Promise<DivisionNode | null> => {
    for (const candidate of candidateCodes(code)) {
      const known = index.node(candidate)
      if (known) return known
      if (candidate.length === 12) {
        const village = (await townVillages(index, candidate.slice(0, 9))).find((v) => v.code === candidate)
        if (village) return village
      }
    }
    return null
  }

  return {
    async children(code) {
      if (code !== null && !isDivisionCode(code)) return []
      const index = await loadIndex()
      if (code === null) return index.children(ROOT)
      const node = await resolveNode(index, code)
      if (!node || !node.hasChildren) return []
      if (node.code.length === 9) return townVillages(index, node.code)
      return index.children(node.code)
    },
    async path(code) {
      if (!isDivisionCode(code)) return []
      const index = await loadIndex()
      const node = await resolveNode(index, code)
      if (!node) return []
      const above = ancestorCodes(node.code)
        .slice(0, -1)
        .map((c) => index.node(c))
      return above.every((n) => n !== undefined) ? [...above, node] : []
    },
    stats: () => ({
      treeLoaded: indexPromise !== null,
      villageFilesRead,
      cachedCounties: [...villageCache.keys()],
    }),
  }
}
