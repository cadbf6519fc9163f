/**
 * Larger workspaces: content that spans many frames round-trips and a cut at a frame boundary is
 * refused; a workspace changed during the export leaves no archive; a link in the data folder is
 * not followed; and kill -9 at random moments of an import never leaves a half workspace.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportArchive } from '../../../../electron/main/services/archive/export'
import { FRAME_BYTES } from '../../../../electron/main/services/archive/format'
import { importArchive } from '../../../../electron/main/services/archive/import'
import { createWorkspaceKeys } from '../../../../electron/main/services/crypto/workspace-keys'
import { createMaterialFiles } from '../../../../electron/main/services/material-files'
import { bundleChildScript } from '../../../support/child-script'
import { storedWorkspace } from '../../../support/stored-workspace'
import { useTempDirs } from '../../../support/temp-dir'
import { individualSite, storeWorkspace } from '../../cli/support'
import { FAST, fakeKeychain } from '../crypto/fake-keychain'
import { FAST_SCRYPT } from './craft'

const tempDir = useTempDirs()
const PASS = 'a long archive passphrase'
const KILLS = 8

/** An encrypted workspace whose first material is `bigBytes` of random data (sealed). */
async function bigWorkspace(bigBytes: number) {
  const dir = tempDir()
  const site = await individualSite(dir)
  storeWorkspace(dir, { subjects: [site.subject], sites: [site.site], materials: site.materials })
  const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
  await keys.startUp()
  const files = createMaterialFiles(dir, keys)
  await files.encryptExisting()
  const big = site.materials[0]
  if (!big) throw new Error('no material')
  const plain = randomBytes(bigBytes)
  await files.write(big.compressedFile, plain)
  return { dir, site, key: keys.dataKey(), big: big.compressedFile, plain }
}

const CHILD = `
import { importArchive } from './electron/main/services/archive/import'
const [archive, targetDir, passphrase] = process.argv.slice(2)
process.stdout.write('go\\n')
await importArchive({ archive, targetDir, passphrase, scrypt: { N: 1024, r: 8, p: 1 } })
process.stdout.write('done\\n')
`
let childScript = ''
let scriptDir = ''
beforeAll(async () => {
  // Not a useTempDirs folder: those go after each test, the script must last the file.
  scriptDir = mkdtempSync(join(tmpdir(), 'beian-archive-child-'))
  childScript = await bundleChildScript(CHILD, 'archive-import-child', scriptDir)
}, 60_000)
afterAll(() => rmSync(scriptDir, { recursive: true, force: true }))

async function importAndKill(archive: string, target: string, delayMs: number): Promise<boolean> {
  const child = spawn(process.execPath, [childScript, archive, target, PASS], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  let finished = false
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const closed = new Promise<void>((done) => child.on('close', () => done()))
  let started: () => void = () => {}
  const go = new Promise<void>((r) => (started = r))
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'go') started()
    if (line === 'done') finished = true
  })
  await Promise.race([go, closed])
  await new Promise((r) => setTimeout(r, delayMs))
  child.kill('SIGKILL')
  await closed
  expect(stderr).toBe('')
  return finished
}

describe('workspace archive, larger and under stress', () => {
  it('content over many frames round-trips; a cut at a frame boundary is refused', async () => {
    const ws = await bigWorkspace(3 * FRAME_BYTES + 1234)
    const out = join(tempDir(), 'big.bdxa')
    const progress: number[] = []
    await exportArchive({
      dataDir: ws.dir,
      out,
      passphrase: PASS,
      dataKey: ws.key,
      scrypt: FAST_SCRYPT,
      onProgress: (done) => progress.push(done),
    })
    expect(progress.length).toBeGreaterThan(1)
    const target = join(tempDir(), 'big-target')
    await importArchive({ archive: out, targetDir: target, passphrase: PASS, scrypt: FAST_SCRYPT })
    expect(readFileSync(join(target, ws.big)).equals(readFileSync(join(ws.dir, ws.big)))).toBe(true)
    // No keychain given to the import: the archive passphrase now unlocks the workspace.
    const keys = createWorkspaceKeys(target, FAST)
    await keys.unlock(PASS)
    expect((await createMaterialFiles(target, keys).read(ws.big)).equals(ws.plain)).toBe(true)
    // Drop the last frame (and with it the "last" flag): the rest still authenticates, but ends early.
    const whole = readFileSync(out)
    const frameOnDisk = 5 + FRAME_BYTES + 16
    const headerEnd = 9 + whole.readUInt32BE(5)
    const frames = Math.floor((whole.length - headerEnd) / frameOnDisk)
    const cut = join(tempDir(), 'cut.bdxa')
    writeFileSync(cut, whole.subarray(0, headerEnd + frames * frameOnDisk))
    await expect(
      importArchive({ archive: cut, targetDir: join(tempDir(), 'cut-target'), passphrase: PASS }),
    ).rejects.toMatchObject({ code: 'archive/damaged' })
  })

  it('a workspace changed during the export leaves no archive; a link in the data folder is not followed', async () => {
    const ws = await bigWorkspace(FRAME_BYTES)
    const out = join(tempDir(), 'changed.bdxa')
    let once = false
    const changing = exportArchive({
      dataDir: ws.dir,
      out,
      passphrase: PASS,
      dataKey: ws.key,
      scrypt: FAST_SCRYPT,
      onProgress: () => {
        if (once) return
        once = true
        const config = join(ws.dir, 'config.json')
        writeFileSync(config, readFileSync(config, 'utf8').replace(/}\s*$/, ' }'))
      },
    })
    await expect(changing).rejects.toMatchObject({ code: 'archive/changed' })
    expect(readdirSync(join(out, '..'))).toEqual([])

    const secret = join(tempDir(), 'secret.txt')
    writeFileSync(secret, 'not part of the workspace')
    if (process.platform !== 'win32') symlinkSync(secret, join(ws.dir, 'materials', 'linked.jpg'))
    await exportArchive({ dataDir: ws.dir, out, passphrase: PASS, dataKey: ws.key, scrypt: FAST_SCRYPT })
    const target = join(tempDir(), 't')
    await importArchive({ archive: out, targetDir: target, passphrase: PASS, scrypt: FAST_SCRYPT })
    expect(existsSync(join(target, 'materials', 'linked.jpg'))).toBe(false)
  })

  it(
    `kill -9 during an import leaves the target absent or whole, never half (${KILLS} kills)`,
    { timeout: 300_000 },
    async () => {
      const ws = await bigWorkspace(24 * 1024 ** 2)
      const out = join(tempDir(), 'crash.bdxa')
      await exportArchive({ dataDir: ws.dir, out, passphrase: PASS, dataKey: ws.key, scrypt: FAST_SCRYPT })
      const expected = storedWorkspace(ws.dir)
      const started = Date.now()
      await importArchive({
        archive: out,
        targetDir: join(tempDir(), 'timing'),
        passphrase: PASS,
        scrypt: FAST_SCRYPT,
      })
      const span = Math.max(50, Date.now() - started)
      let whole = 0
      for (let round = 0; round < KILLS; round++) {
        const parent = tempDir()
        const target = join(parent, 'beian-desk')
        await importAndKill(out, target, Math.floor((span * 1.3 * (round + 0.5)) / KILLS))
        if (existsSync(target)) {
          whole++
          expect(storedWorkspace(target)).toEqual(expected)
          expect(readFileSync(join(target, ws.big)).equals(readFileSync(join(ws.dir, ws.big)))).toBe(true)
          continue
        }
        // Killed before the rename: at most a staging folder, which is not the workspace…
        expect(readdirSync(parent).every((n) => n.startsWith('.beian-desk.import-'))).toBe(true)
        // …and the next import removes it and succeeds.
        await importArchive({ archive: out, targetDir: target, passphrase: PASS, scrypt: FAST_SCRYPT })
        expect(readdirSync(parent)).toEqual(['beian-desk'])
        expect(storedWorkspace(target)).toEqual(expected)
      }
      expect(whole).toBeLessThan(KILLS) // at least one kill landed mid-import
    },
  )
})
