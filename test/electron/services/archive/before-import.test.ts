/**
 * The workspace an in-app import replaced (`<data>.before-import-<time>`): removed at start once
 * the imported workspace has opened, at once when it held nothing, after 7 days when it held
 * only deleted history, never when it held records or cannot be read; and kill -9 between the
 * move-in and the cleanup (or anywhere in that start) is finished by the next start. A store
 * sealed under the replaced workspace's own key is judged by what lies beside it.
 * "History" here is what the user had deleted: unreferenced material files, backup generations.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Workspace } from '../../../../core/model'
import {
  BEFORE_IMPORT_GRACE_MS,
  judgeBeforeImport,
  sweepBeforeImport,
} from '../../../../electron/main/services/archive/before-import'
import { exportArchive } from '../../../../electron/main/services/archive/export'
import {
  applyPendingImport,
  incomingDir,
  stageImport,
} from '../../../../electron/main/services/archive/pending'
import { openConfStore } from '../../../../electron/main/services/conf-store'
import { storeTextOrNull } from '../../../../electron/main/services/store-codec'
import { createWorkspaceRepo } from '../../../../electron/main/services/workspace-repo'
import { bundleChildScript } from '../../../support/child-script'
import { newDataKey, sealedCodec } from '../../../support/sealed-store'
import { storedWorkspace } from '../../../support/stored-workspace'
import { useTempDirs } from '../../../support/temp-dir'
import { individualSite, storeWorkspace } from '../../cli/support'
import { FAST_SCRYPT } from './craft'

const tempDir = useTempDirs()
const PASS = 'a long archive passphrase'
const EMPTY: Workspace = { subjects: [], sites: [], materials: [] }
const DAY = 24 * 3_600_000

let archive = ''
let expected: Workspace
let archiveDir = ''
beforeAll(async () => {
  archiveDir = mkdtempSync(join(tmpdir(), 'beian-before-import-'))
  const source = join(archiveDir, 'source')
  const site = await individualSite(source)
  storeWorkspace(source, { subjects: [site.subject], sites: [site.site], materials: site.materials })
  archive = join(archiveDir, 'w.bdxa')
  await exportArchive({ dataDir: source, out: archive, passphrase: PASS, dataKey: null, scrypt: FAST_SCRYPT })
  expected = storedWorkspace(source)
}, 60_000)
afterAll(() => rmSync(archiveDir, { recursive: true, force: true }))

/** A data folder as the app leaves it (`before` committed in order), with the archive staged. */
async function staged(...before: Workspace[]): Promise<string> {
  const data = join(tempDir(), 'beian-desk')
  const store = openConfStore(data)
  for (const ws of before) createWorkspaceRepo(store).commit(ws)
  store.close()
  await stageImport({ archive, dataDir: data, passphrase: PASS })
  return data
}

/** What main does at start: move in, open the store, and then sweep. */
function start(data: string, now = Date.now()) {
  applyPendingImport(data, new Date(now))
  openConfStore(data).close()
  return sweepBeforeImport(data, { now })
}

const leftovers = (data: string) =>
  readdirSync(join(data, '..')).filter((n) => n !== 'beian-desk' && !n.endsWith('.mjs'))

async function someSubject(): Promise<Workspace> {
  const site = await individualSite(tempDir())
  return { subjects: [site.subject], sites: [site.site], materials: [] }
}

describe('the workspace an import replaced', () => {
  it('goes at the first start when it held no record and no material file', async () => {
    const data = await staged(EMPTY)
    const { keptAs } = applyPendingImport(data)
    expect(keptAs && existsSync(join(keptAs, 'config.json'))).toBe(true)
    expect(judgeBeforeImport(keptAs as string)).toBe('empty')
    openConfStore(data).close()
    expect(sweepBeforeImport(data)).toEqual({ removed: [keptAs], kept: [] })
    expect(leftovers(data)).toEqual([])
    expect(storedWorkspace(data)).toEqual(expected)
  })

  it('holding only files no record points to, it stays 7 days, then goes', async () => {
    // A subject stored and deleted leaves nothing (real deletion, every generation included)…
    const data = await staged(await someSubject(), EMPTY)
    // …but a material file orphaned by a crash, not yet swept, is kept for the grace period.
    mkdirSync(join(data, 'materials'), { recursive: true })
    writeFileSync(join(data, 'materials', 'orphan.bin'), 'sealed photo bytes')
    const now = Date.parse('2026-12-01T10:00:00Z')
    applyPendingImport(data, new Date(now))
    openConfStore(data).close()
    const [aside] = leftovers(data)
    expect(judgeBeforeImport(join(data, '..', aside as string))).toBe('history')
    expect(sweepBeforeImport(data, { now: now + BEFORE_IMPORT_GRACE_MS - 1000 }).removed).toEqual([])
    expect(sweepBeforeImport(data, { now: now + BEFORE_IMPORT_GRACE_MS }).removed).toHaveLength(1)
    expect(leftovers(data)).toEqual([])
  })

  it('holding records (work done before the restart) or an unreadable index, it is never removed', async () => {
    const data = await staged(await someSubject())
    const result = start(data, Date.now())
    expect(result.removed).toEqual([])
    expect(sweepBeforeImport(data, { now: Date.now() + 365 * DAY }).kept).toHaveLength(1)
    expect(storedWorkspace(result.kept[0] as string).subjects).toHaveLength(1)

    // A large store file this computer cannot read (not JSON, sealed under another key).
    const other = join(tempDir(), 'beian-desk.before-import-2020-01-01T00-00-00-000Z')
    mkdirSync(other)
    writeFileSync(join(other, 'config.json'), Buffer.concat([Buffer.from('BDX\x01'), randomBytes(4096)]))
    expect(judgeBeforeImport(other)).toBe('keep')
    expect(sweepBeforeImport(join(other, '..', 'beian-desk')).kept).toEqual([other])
  })

  it('sealed under the replaced workspace’s own key: empty only without shard files, else kept', async () => {
    const codec = sealedCodec(newDataKey())
    const aside = join(tempDir(), 'beian-desk.before-import-2020-01-01T00-00-00-000Z')
    openConfStore(aside, { codec }).close()
    expect(readFileSync(join(aside, 'config.json')).subarray(0, 3).toString()).toBe('BDX') // sealed
    expect(judgeBeforeImport(aside)).toBe('empty') // read as this computer would: it cannot
    const store = openConfStore(aside, { codec })
    createWorkspaceRepo(store).commit(await someSubject())
    store.close()
    expect(judgeBeforeImport(aside)).toBe('keep')
    expect(judgeBeforeImport(aside, (p) => storeTextOrNull(p, codec))).toBe('keep') // with the key, too
  })

  it('nothing goes while a staged import still waits to move in; a half-removed folder goes', async () => {
    const data = await staged(EMPTY)
    const aside = `${data}.before-import-2020-01-01T00-00-00-000Z`
    mkdirSync(join(aside, 'store'), { recursive: true })
    expect(existsSync(incomingDir(data))).toBe(true)
    expect(sweepBeforeImport(data, { now: Date.now() + 365 * DAY })).toEqual({ removed: [], kept: [] })
    applyPendingImport(data)
    openConfStore(data).close()
    // A start killed while removing leaves `.removing`; it goes whatever is left in it.
    const removing = `${data}.before-import-2020-01-02T00-00-00-000Z.removing`
    mkdirSync(join(removing, 'materials'), { recursive: true })
    writeFileSync(join(removing, 'materials', 'x.bin'), 'sealed bytes')
    expect(sweepBeforeImport(data).removed.sort()).toHaveLength(3)
    expect(leftovers(data)).toEqual([])
  })

  it('a folder that cannot be removed now is reported kept, and the start goes on', async () => {
    const data = await staged(EMPTY)
    start(data)
    const aside = `${data}.before-import-2020-01-01T00-00-00-000Z`
    mkdirSync(aside)
    // Its `.removing` name is taken by a file: the rename fails (EEXIST/ENOTDIR), nothing throws.
    writeFileSync(`${aside}.removing`, 'in the way')
    expect(sweepBeforeImport(data)).toEqual({ removed: [], kept: [aside] })
    expect(storedWorkspace(data)).toEqual(expected)
  })
})

const CHILD = `
import { sweepBeforeImport } from './electron/main/services/archive/before-import'
import { applyPendingImport } from './electron/main/services/archive/pending'
import { openConfStore } from './electron/main/services/conf-store'
const [dataDir, mode] = process.argv.slice(2)
applyPendingImport(dataDir)
const store = openConfStore(dataDir)
process.stdout.write('opened\\n')
if (mode === 'hold') setInterval(() => undefined, 1000)
else {
  sweepBeforeImport(dataDir)
  store.close()
  process.stdout.write('done\\n')
}
`
const ROUNDS = 12

describe('kill -9 during the start that moves an import in', () => {
  let script = ''
  let scriptDir = ''
  beforeAll(async () => {
    scriptDir = mkdtempSync(join(tmpdir(), 'beian-before-import-child-'))
    script = await bundleChildScript(CHILD, 'start-child', scriptDir)
  }, 60_000)
  afterAll(() => rmSync(scriptDir, { recursive: true, force: true }))

  /** Starts the child; kills it `delayMs` after spawn, or right after it opened (delay null). */
  async function startAndKill(data: string, delayMs: number | null): Promise<string[]> {
    const child = spawn(process.execPath, [script, data, delayMs === null ? 'hold' : 'run'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    const lines: string[] = []
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const closed = new Promise<void>((done) => child.on('close', () => done()))
    const opened = new Promise<void>((done) =>
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line)
        if (line === 'opened') done()
      }),
    )
    if (delayMs === null) await Promise.race([opened, closed])
    else await new Promise((r) => setTimeout(r, delayMs))
    child.kill('SIGKILL')
    await closed
    expect(stderr).toBe('')
    return lines
  }

  it(`the next start always has the imported workspace whole and nothing beside it (${ROUNDS} kills)`, async () => {
    const outcomes = new Set<string>()
    for (let round = 0; round < ROUNDS; round++) {
      const data = await staged(EMPTY)
      // Round 0: exactly between the move-in and the cleanup; then anywhere in that start.
      const lines = await startAndKill(data, round === 0 ? null : Math.floor(Math.random() * 400))
      outcomes.add(lines.join(',') || 'none')
      const swept = start(data)
      expect(swept.kept).toEqual([])
      expect(storedWorkspace(data)).toEqual(expected)
      expect(leftovers(data)).toEqual([])
    }
    expect(outcomes.has('opened')).toBe(true) // at least the kill between move-in and cleanup
  }, 120_000)
})
