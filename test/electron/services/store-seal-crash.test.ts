/**
 * kill -9 during the store's migration to sealed files. A child process opens an older
 * plaintext workspace (6 subjects, a backup generation after each) whose key the (fake)
 * keychain unlocks, as the app does at start, and kills itself with SIGKILL at one exact point:
 * just before or just after its k-th rename (every atomic write ends in one), for every k up
 * to one past the last. After each kill the store opens with every subject and no recovery,
 * both read as it was left and through a new start, which finishes the migration: then every
 * store file is sealed and no ID number, name, phone or address is left in plaintext.
 */
import { spawn } from 'node:child_process'
import { cpSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Workspace } from '../../../core/model'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createServices } from '../../../electron/main/services/container'
import { isSealed } from '../../../electron/main/services/crypto/envelope'
import { readKeyFile } from '../../../electron/main/services/crypto/key-file'
import { createSealedStoreCodec } from '../../../electron/main/services/crypto/sealed-store-codec'
import { createWorkspaceKeys } from '../../../electron/main/services/crypto/workspace-keys'
import { storeFilesOf } from '../../../electron/main/services/store-seal'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { bundleChildScript } from '../../support/child-script'
import { needlesOf, plaintextHits, plaintextWorkspace, type Secrets } from '../../support/sealed-store'
import { useTempDirs } from '../../support/temp-dir'
import { FAST, fakeKeychain } from './crypto/fake-keychain'

const tempDir = useTempDirs()

const CHILD = `
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
const [dir, at] = process.argv.slice(2)
const killAt = Number(at)
let renames = 0
const rename = fs.renameSync
// Point 2k-1 is just before the k-th rename, point 2k just after it.
fs.renameSync = (from, to) => {
  renames++
  if (renames * 2 - 1 === killAt) process.kill(process.pid, 'SIGKILL')
  rename(from, to)
  if (renames * 2 === killAt) process.kill(process.pid, 'SIGKILL')
}
syncBuiltinESMExports()
// What the container's start-up does for the store (the image services stay out of the bundle).
const { createWorkspaceKeys } = await import('./electron/main/services/crypto/workspace-keys')
const { createStoreSession } = await import('./electron/main/services/store-session')
const { openConfStore } = await import('./electron/main/services/conf-store')
const { fakeKeychain } = await import('./test/electron/services/crypto/fake-keychain')
const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain() })
const session = createStoreSession(dir, (codec) => openConfStore(dir, { codec }), keys)
await keys.startUp()
session.sync()
process.stdout.write('renames ' + renames + '\\n')
process.exit(0)
`

let childScript = ''
let template = ''
let people: Secrets[] = []
beforeAll(async () => {
  childScript = await bundleChildScript(CHILD, 'seal-child', tempDir())
  template = tempDir()
  people = plaintextWorkspace(template, 6)
  const keys = createWorkspaceKeys(template, { keychain: fakeKeychain(), ...FAST })
  await keys.startUp()
  keys.takeRecoveryCode() // shown: the start-up makes no new one
}, 60_000)

function runChild(dir: string, killAt: number): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir, String(killAt)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', out }))
  })
}

/** The subjects' ID numbers as read now, without writing (plaintext only if not yet recorded). */
function readAsLeft(dir: string, key: Buffer): { ids: string[]; recovered: boolean } {
  const acceptPlain = readKeyFile(dir)?.storeEncrypted !== true
  const codec = createSealedStoreCodec(key, { acceptPlain: () => acceptPlain })
  const store = openConfStore(dir, { readOnly: true, codec })
  try {
    const ids = createWorkspaceRepo(store)
      .workspace()
      .subjects.map((s) => s.principal.idNumber)
    const generationsValid = store.backups.list().every((g) => g.valid)
    return { ids, recovered: store.recovery !== null || !generationsValid }
  } finally {
    store.close()
  }
}

async function startAgain(dir: string): Promise<string[]> {
  const services = createServices(dir, (codec) => openConfStore(dir, { codec }), 'assets/divisions', {
    keychain: fakeKeychain(),
  })
  await services.encryption.ready
  return (services.repo.workspace() as Workspace).subjects.map((s) => s.principal.idNumber)
}

describe('kill -9 during the store migration', () => {
  it('the store always opens with every subject, and the next start finishes the migration', async () => {
    const full = tempDir()
    cpSync(template, full, { recursive: true })
    const clean = await runChild(full, Number.MAX_SAFE_INTEGER)
    const renames = Number(/renames (\d+)/.exec(clean.out)?.[1])
    expect(renames).toBeGreaterThan(20)
    const key = Buffer.from(
      fakeKeychain().decrypt(Buffer.from(readKeyFile(template)?.keychain?.blob ?? '', 'base64')),
      'base64',
    )
    const ids = people.map((p) => p.id)
    const partial: number[] = []
    for (let point = 1; point <= 2 * renames + 1; point++) {
      const dir = tempDir()
      cpSync(template, dir, { recursive: true })
      const run = await runChild(dir, point)
      expect(run.killed, `point ${point}`).toBe(point <= 2 * renames)
      const sealed = storeFilesOf(dir).filter((p) => {
        try {
          return isSealed(readFileSync(p))
        } catch {
          return false
        }
      }).length
      if (sealed > 0 && sealed < storeFilesOf(dir).length) partial.push(point)
      expect(readAsLeft(dir, key), `point ${point}`).toEqual({ ids, recovered: false })
      expect(await startAgain(dir), `point ${point}`).toEqual(ids)
      expect(readKeyFile(dir)?.storeEncrypted, `point ${point}`).toBe(true)
      for (const path of storeFilesOf(dir)) expect(isSealed(readFileSync(path)), path).toBe(true)
      expect(plaintextHits(dir, needlesOf(people)), `point ${point}`).toEqual([])
      expect(readAsLeft(dir, key), `point ${point}`).toEqual({ ids, recovered: false })
    }
    // Most kills left a half-sealed store behind (what the test is about).
    expect(partial.length).toBeGreaterThan(renames)
    console.info(`[seal-crash] ${String(2 * renames)} kill points, ${String(partial.length)} half-sealed`)
  }, 600_000)
})
