/**
 * The split store: a workspace of the single-file store (every version before the split)
 * migrates unchanged; an edit rewrites only its subject's shard; a kill at any moment of the
 * migration leaves a data folder that opens with every record; read-only opens write nothing;
 * a damaged shard is recovered like a damaged file.
 */
import { spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertSite } from '../../../core/workspace'
import type { Site } from '../../../core/model'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { SHARD_DIR } from '../../../electron/main/services/store-layout'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { makeAgencyWorkspace } from '../../../scripts/make-agency-workspace'
import { bundleChildScript } from '../../support/child-script'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const KILLS = 8

const WORKSPACE = makeAgencyWorkspace({ subjects: 30, sites: 100, events: 5 })
const SETTINGS = { language: 'zh-CN', lastExportDir: '/home/someone/导出' }
/** config.json as the single-file store wrote it (conf: tab-indented JSON). */
const LEGACY = JSON.stringify({ version: 1, workspace: WORKSPACE, settings: SETTINGS }, null, '\t')

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

function legacyDir(): string {
  const dir = tempDir()
  writeFileSync(join(dir, 'config.json'), LEGACY, { mode: 0o600 })
  return dir
}

const shards = (dir: string) => readdirSync(join(dir, SHARD_DIR)).sort()

describe('split store', () => {
  it('migrates a single-file workspace unchanged, one shard per subject, the old file kept as a generation', () => {
    const dir = legacyDir()
    const store = openConfStore(dir)
    const repo = createWorkspaceRepo(store)
    expect(store.recovery).toBeNull()
    expect(repo.workspace()).toEqual(WORKSPACE)
    expect(repo.settings()).toEqual(SETTINGS)
    store.close()
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toMatch(/^\{"format":"beian-desk-split"/)
    expect(shards(dir)).toHaveLength(WORKSPACE.subjects.length)
    const generations = readdirSync(join(dir, 'backups')).filter((f) => f.startsWith('config-'))
    expect(generations.map((f) => readFileSync(join(dir, 'backups', f), 'utf8'))).toContain(LEGACY)
    // Opened again (writer and reader): the same workspace, in the same order.
    const again = openConfStore(dir)
    expect(createWorkspaceRepo(again).workspace()).toEqual(WORKSPACE)
    again.close()
    const reader = openConfStore(dir, { readOnly: true })
    expect(createWorkspaceRepo(reader).workspace()).toEqual(WORKSPACE)
    expect(createWorkspaceRepo(reader).settings()).toEqual(SETTINGS)
    reader.close()
  })

  it('an edit writes only the shard of the subject it touched', () => {
    const dir = legacyDir()
    const store = openConfStore(dir)
    const repo = createWorkspaceRepo(store)
    const before = shards(dir)
    const site = repo.workspace().sites[17] as Site
    repo.commit(upsertSite(repo.workspace(), { ...site, name: '改过的网站' }))
    const after = shards(dir)
    expect(after.filter((f) => !before.includes(f))).toHaveLength(1)
    expect(before.filter((f) => !after.includes(f))).toHaveLength(1)
    store.close()
    const again = openConfStore(dir, { readOnly: true })
    const sites = createWorkspaceRepo(again).workspace().sites
    again.close()
    expect(sites.map((s) => s.id)).toEqual(WORKSPACE.sites.map((s) => s.id))
    expect(sites[17]?.name).toBe('改过的网站')
  })

  it('a read-only open changes nothing in the data folder, and does not migrate a legacy file', () => {
    const dir = legacyDir()
    const listing = () =>
      walk(dir)
        .map((p) => `${relative(dir, p)} ${statSync(p).mtimeMs} ${statSync(p).size}`)
        .sort()
    const legacy = listing()
    const reader = openConfStore(dir, { readOnly: true })
    expect(createWorkspaceRepo(reader).workspace()).toEqual(WORKSPACE)
    reader.close()
    expect(listing()).toEqual(legacy)
    openConfStore(dir).close() // migrates
    const split = listing()
    const again = openConfStore(dir, { readOnly: true })
    expect(createWorkspaceRepo(again).workspace()).toEqual(WORKSPACE)
    again.close()
    expect(listing()).toEqual(split)
  })

  it('a damaged shard is set aside and the newest good generation restored, and said so', () => {
    const dir = legacyDir()
    openConfStore(dir).close()
    const [victim] = shards(dir)
    writeFileSync(join(dir, SHARD_DIR, victim as string), '{"key": "s0000')
    const store = openConfStore(dir)
    expect(store.recovery?.outcome).toBe('restored-generation')
    expect(createWorkspaceRepo(store).workspace()).toEqual(WORKSPACE)
    store.close()
    expect(readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-')).length).toBeGreaterThan(0)
    const reopened = openConfStore(dir)
    expect(reopened.recovery).toBeNull()
    reopened.close()
  })

  it('leftovers of a migration cut short (shards, temp files) are removed and the legacy file opens', () => {
    const dir = legacyDir()
    const done = tempDir()
    cpSync(dir, done, { recursive: true })
    openConfStore(done).close()
    // As if killed after writing the shards, before the index replaced config.json.
    cpSync(join(done, SHARD_DIR), join(dir, SHARD_DIR), { recursive: true })
    const temp = join(dir, '.config.json.tmp-abcdef123456')
    writeFileSync(temp, '{"format":"beian-desk-split"')
    const old = new Date(Date.now() - 3_600_000)
    utimesSync(temp, old, old) // older than any writer still at work
    const store = openConfStore(dir)
    expect(store.recovery).toBeNull()
    expect(createWorkspaceRepo(store).workspace()).toEqual(WORKSPACE)
    store.close()
    expect(shards(dir)).toHaveLength(WORKSPACE.subjects.length)
    expect(walk(dir).filter((p) => p.includes('.tmp-'))).toEqual([])
  })
})

const CHILD = `
import { openConfStore } from './electron/main/services/conf-store'
const store = openConfStore(process.argv[2], { owner: 'migration-test' })
process.stdout.write('done\\n')
store.close()
`

let childScript = ''
let childDir = ''
afterAll(() => rmSync(childDir, { recursive: true, force: true }))
beforeAll(async () => {
  // Not a per-test temp dir: those go after each test, and this script serves the last one.
  childDir = mkdtempSync(join(tmpdir(), 'beian-migrate-child-'))
  childScript = await bundleChildScript(CHILD, 'migrate-child', childDir)
})

/** Runs the migrating child and kills it after `ms` (or lets it finish); true when it finished. */
async function migrateAndKill(dir: string, ms: number): Promise<boolean> {
  const child = spawn(process.execPath, [childScript, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (b: Buffer) => (out += b.toString()))
  const closed = new Promise<void>((done) => child.on('close', () => done()))
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  await closed
  clearTimeout(timer)
  return out.includes('done')
}

describe('split store: kill -9 during the migration', () => {
  it(
    `opens with every record whatever the moment of the kill (${KILLS} kills)`,
    { timeout: 600_000 },
    async () => {
      // How long a whole migration takes here, to spread the kills over it.
      const probe = legacyDir()
      const t0 = Date.now()
      expect(await migrateAndKill(probe, 120_000)).toBe(true)
      const whole = Date.now() - t0
      let cut = 0
      for (let round = 0; round < KILLS; round++) {
        const dir = legacyDir()
        const finished = await migrateAndKill(dir, Math.floor(((round + 0.5) / KILLS) * whole))
        if (!finished) cut++
        const store = openConfStore(dir)
        try {
          expect(store.recovery, `round ${round}`).toBeNull()
          expect(createWorkspaceRepo(store).workspace(), `round ${round}`).toEqual(WORKSPACE)
        } finally {
          store.close()
        }
        expect(shards(dir), `round ${round}`).toHaveLength(WORKSPACE.subjects.length)
        expect(
          walk(dir).filter((p) => p.includes('.tmp-') || p.endsWith('writer.lock')),
          `round ${round}`,
        ).toEqual([])
        rmSync(dir, { recursive: true, force: true })
      }
      expect(cut).toBeGreaterThan(0)
      expect(existsSync(probe)).toBe(true)
    },
  )
})
