/**
 * kill -9 while the key file is being re-written: a child process keeps replacing keys.json
 * (a new recovery key, a new passphrase wrap, in turn) and is killed at a random moment. After
 * every kill keys.json must parse and the passphrase must still unlock the same data key.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { beforeAll, describe, expect, it } from 'vitest'
import { readKeyFile } from '../../../../electron/main/services/crypto/key-file'
import { createWorkspaceKeys, keyIdOf } from '../../../../electron/main/services/crypto/workspace-keys'
import { bundleChildScript } from '../../../support/child-script'
import { useTempDirs } from '../../../support/temp-dir'
import { FAST } from './fake-keychain'

const tempDir = useTempDirs()
const KILLS = 12
const PASSPHRASE = '一句只有我知道的话'

const CHILD = `
import { createWorkspaceKeys } from './electron/main/services/crypto/workspace-keys'
const [dir, passphrase] = process.argv.slice(2)
const cost = { N: 1024, r: 8, p: 1 }
const keys = createWorkspaceKeys(dir, { passphraseScrypt: cost, recoveryScrypt: cost })
await keys.unlock(passphrase)
for (let i = 0; ; i++) {
  if (i % 2 === 0) await keys.renewRecoveryCode()
  else await keys.setPassphrase(passphrase)
  process.stdout.write('wrote ' + i + '\\n')
}
`

let childScript = ''
beforeAll(async () => {
  childScript = await bundleChildScript(CHILD, 'key-child', tempDir())
}, 60_000)

async function runAndKill(dir: string): Promise<number> {
  const child = spawn(process.execPath, [childScript, dir, PASSPHRASE], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  let writes = 0
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const closed = new Promise<NodeJS.Signals | null>((done) =>
    child.on('close', (_code, signal) => done(signal)),
  )
  let ready: () => void = () => {}
  const isReady = new Promise<void>((r) => (ready = r))
  createInterface({ input: child.stdout }).on('line', () => {
    writes += 1
    ready()
  })
  await Promise.race([isReady, closed])
  await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 80)))
  child.kill('SIGKILL')
  expect(await closed, `the child died on its own: ${stderr}`).toBe('SIGKILL')
  return writes
}

describe('kill -9 during key file writes', () => {
  it(
    `keys.json always parses and the passphrase always unlocks the same key (${KILLS} kills)`,
    { timeout: 600_000 },
    async () => {
      const dir = tempDir()
      const first = createWorkspaceKeys(dir, FAST)
      await first.setPassphrase(PASSPHRASE)
      const keyId = keyIdOf(first.dataKey() as Buffer)
      let total = 0
      for (let round = 0; round < KILLS; round++) {
        total += await runAndKill(dir)
        const file = readKeyFile(dir)
        expect(file?.keyId).toBe(keyId)
        const next = createWorkspaceKeys(dir, FAST)
        await next.unlock(PASSPHRASE)
        expect(keyIdOf(next.dataKey() as Buffer)).toBe(keyId)
      }
      expect(total).toBeGreaterThan(KILLS)
    },
  )
})
