/**
 * kill -9 during writes of a sealed store: a child process adds subjects one by one through
 * the sealing codec (acknowledging each) and is killed at a random moment, 100 times (20 in
 * each of five workspaces). Right after each kill, before anything cleans up, no file in the
 * data folder (temp files of the interrupted write included) holds an ID number, a name or a
 * phone number in plaintext; then the next start opens with no recovery and every acknowledged
 * subject, every file sealed.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { beforeAll, describe, expect, it } from 'vitest'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { isSealed } from '../../../electron/main/services/crypto/envelope'
import { storeFilesOf } from '../../../electron/main/services/store-seal'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { bundleChildScript } from '../../support/child-script'
import { needlesOf, newDataKey, plaintextHits, sealedCodec, secretsOf } from '../../support/sealed-store'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const KILLS = 100
const KILLS_PER_WORKSPACE = 20

const CHILD = `
import { upsertSubject } from './core/workspace'
import { openConfStore } from './electron/main/services/conf-store'
import { createWorkspaceRepo } from './electron/main/services/workspace-repo'
import { sealedCodec, secretsOf, subjectOf } from './test/support/sealed-store'

const [dir, keyHex, from] = process.argv.slice(2)
const codec = sealedCodec(Buffer.from(keyHex, 'hex'))
const store = openConfStore(dir, { owner: 'crash-test', codec })
const repo = createWorkspaceRepo(store)
for (let i = Number(from); ; i++) {
  repo.commit(upsertSubject(repo.workspace(), subjectOf(secretsOf(i))))
  process.stdout.write('added ' + secretsOf(i).id + '\\n')
}
`

let childScript = ''
beforeAll(async () => {
  childScript = await bundleChildScript(CHILD, 'sealed-writer-child', tempDir())
})

async function runAndKill(dir: string, key: Buffer, from: number): Promise<string[]> {
  const child = spawn(process.execPath, [childScript, dir, key.toString('hex'), String(from)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const added: string[] = []
  const closed = new Promise<NodeJS.Signals | null>((done) => child.on('close', (_c, signal) => done(signal)))
  let ready: () => void = () => {}
  const isReady = new Promise<void>((r) => (ready = r))
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, id] = line.split(' ')
    if (word === 'added' && id) added.push(id)
    ready()
  })
  await Promise.race([isReady, closed])
  await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 120)))
  child.kill('SIGKILL')
  expect(await closed).toBe('SIGKILL')
  return added
}

describe('kill -9 during writes of a sealed store', () => {
  it(
    `nothing personal in plaintext at any kill, and every acknowledged subject (${String(KILLS)} kills)`,
    {
      timeout: 600_000,
    },
    async () => {
      let dir = ''
      let key = newDataKey()
      let acknowledged = new Set<string>()
      let total = 0
      let next = 1
      for (let round = 0; round < KILLS; round++) {
        // A fresh workspace every KILLS_PER_WORKSPACE kills: the same kills, but the scan and the
        // reopen after each one stay small (one growing store made the test quadratic).
        if (round % KILLS_PER_WORKSPACE === 0) {
          total += acknowledged.size
          ;[dir, key, acknowledged, next] = [tempDir(), newDataKey(), new Set<string>(), 1]
        }
        const added = await runAndKill(dir, key, next)
        added.forEach((id) => acknowledged.add(id))
        // Every subject the child may have begun to write, acknowledged or not.
        const started = Array.from({ length: added.length + 2 }, (_, i) => secretsOf(next + i))
        const everyone = [...Array.from({ length: next - 1 }, (_, i) => secretsOf(i + 1)), ...started]
        expect(plaintextHits(dir, needlesOf(everyone)), `round ${String(round)}`).toEqual([])

        const store = openConfStore(dir, { codec: sealedCodec(key) })
        try {
          expect(store.recovery, `round ${String(round)}`).toBeNull()
          const subjects = createWorkspaceRepo(store).workspace().subjects
          const ids = new Set(subjects.map((s) => s.principal.idNumber))
          for (const id of acknowledged) expect(ids.has(id), `round ${String(round)}: ${id}`).toBe(true)
          expect(store.backups.list().every((g) => g.valid)).toBe(true)
          // Subjects are stored in order, so the next seed follows the last one stored.
          next = subjects.length + 1
        } finally {
          store.close()
        }
        for (const path of storeFilesOf(dir)) expect(isSealed(readFileSync(path)), path).toBe(true)
      }
      expect(total + acknowledged.size).toBeGreaterThanOrEqual(KILLS)
    },
  )
})
