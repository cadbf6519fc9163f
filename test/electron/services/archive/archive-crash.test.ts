/**
 * Larger workspaces: content that spans many frames round-trips and a cut at a frame boundary is
 * refused; a workspace changed during the export leaves no archive; a link in the data folder is
 * not followed; and 100 kill -9s at random moments of imports never leave a half workspace, a
 * staging folder past the next import, or personal data in the clear.
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
import { exportArchive, workspaceFiles } from '../../../../electron/main/services/archive/export'
import { FRAME_BYTES } from '../../../../electron/main/services/archive/format'
import { importArchive } from '../../../../electron/main/services/archive/import'
import { createWorkspaceKeys } from '../../../../electron/main/services/crypto/workspace-keys'
import { createSealedStoreCodec } from '../../../../electron/main/services/crypto/sealed-store-codec'
import { openConfStore } from '../../../../electron/main/services/conf-store'
import { createMaterialFiles } from '../../../../electron/main/services/material-files'
import type { StoreCodec } from '../../../../electron/main/services/store-codec'
import { sealStoreFiles } from '../../../../electron/main/services/store-seal'
import { createWorkspaceRepo } from '../../../../electron/main/services/workspace-repo'
import { bundleChildScript } from '../../../support/child-script'
import { makeMaterial } from '../../../support/factories'
import { plaintextIn, scanForPlaintext } from '../../../support/plaintext-scan'
import { storedWorkspace } from '../../../support/stored-workspace'
import { useTempDirs } from '../../../support/temp-dir'
import { individualSite, storeWorkspace } from '../../cli/support'
import { FAST, fakeKeychain } from '../crypto/fake-keychain'
import { FAST_SCRYPT } from './craft'

const tempDir = useTempDirs()
const PASS = 'a long archive passphrase'
const KILLS = 100

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

/**
 * An encrypted workspace whose material files are photos (JPEG/PNG magic, the ID number inside)
 * of about `photoBytes` each, written sealed, and whose store is sealed; `needles` are what must
 * never be found in the clear. `files`: the store's and the materials' files.
 */
async function photoWorkspace(photoBytes = 160 * 1024) {
  const dir = tempDir()
  const site = await individualSite(dir, { slots: 0 })
  const keys = createWorkspaceKeys(dir, { keychain: fakeKeychain(), ...FAST })
  await keys.startUp()
  const files = createMaterialFiles(dir, keys)
  const person = site.subject.principal
  const needles = [person.idNumber, person.name, person.mobile, site.site.mainDomain]
  const materials = []
  for (const [i, slot] of (
    ['principal-id-front', 'principal-id-back', 'principal-id-handheld'] as const
  ).entries()) {
    const m = makeMaterial('subject', site.subject.id, slot)
    const magic = i % 2 ? [0x89, 0x50, 0x4e, 0x47] : [0xff, 0xd8, 0xff, 0xe0]
    for (const file of [m.originalFile, m.compressedFile]) {
      const photo = Buffer.concat([Buffer.from(magic), Buffer.from(person.idNumber), randomBytes(photoBytes)])
      expect(plaintextIn(photo, needles).length).toBe(2) // the scan would see it in the clear
      await files.write(file, photo)
    }
    materials.push(m)
  }
  storeWorkspace(dir, { subjects: [site.subject], sites: [site.site], materials })
  const expected = storedWorkspace(dir)
  const scanStore = () => scanForPlaintext(dir, { needles, includeStore: true }).findings
  expect(scanStore().length).toBeGreaterThan(0) // the scan reads store files
  // The store sealed too, as the app does once the workspace has a key.
  const key = keys.dataKey() as Buffer
  sealStoreFiles(dir, createSealedStoreCodec(key, { acceptPlain: () => true }))
  keys.markStoreEncrypted()
  expect(scanStore()).toEqual([])
  const codec = createSealedStoreCodec(key, { acceptPlain: () => false })
  return { dir, key, expected, codec, files: copied(dir), needles }
}

/** The workspace files an import copies byte for byte (the key file is re-wrapped for this computer). */
const copied = (dir: string) => workspaceFiles(dir).flatMap((e) => (e.name === 'keys.json' ? [] : [e.name]))

/** The workspace in `dir` read through the sealed store's codec (read-only). */
function sealedWorkspace(dir: string, codec: StoreCodec) {
  const store = openConfStore(dir, { readOnly: true, codec })
  try {
    return createWorkspaceRepo(store).workspace()
  } finally {
    store.close()
  }
}

/** How long one import takes in a child (the kills are spread over that). */
async function childImportMs(archive: string, target: string): Promise<number> {
  const child = spawn(process.execPath, [childScript, archive, target, PASS], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let ms = 0
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('done ')) ms = Number(line.slice(5))
  })
  await new Promise((done) => child.on('close', done))
  expect(ms).toBeGreaterThan(0)
  return ms
}

const CHILD = `
import { importArchive } from './electron/main/services/archive/import'
const [archive, targetDir, passphrase] = process.argv.slice(2)
process.stdout.write('go\\n')
const started = performance.now()
await importArchive({ archive, targetDir, passphrase, scrypt: { N: 1024, r: 8, p: 1 } })
process.stdout.write('done ' + String(Math.round(performance.now() - started)) + '\\n')
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
    if (line.startsWith('done')) finished = true
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
      onProgress: (step) => void (step.phase === 'writing' && progress.push(step.done)),
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
    `${KILLS} kill -9s spread over imports: the target is absent or whole, nothing survives the next import, nothing in the clear`,
    { timeout: 120_000 },
    async () => {
      const ws = await photoWorkspace()
      const out = join(tempDir(), 'crash.bdxa')
      await exportArchive({ dataDir: ws.dir, out, passphrase: PASS, dataKey: ws.key, scrypt: FAST_SCRYPT })
      const expected = ws.expected
      const spans: number[] = []
      for (let i = 0; i < 3; i++) spans.push(await childImportMs(out, join(tempDir(), `timing-${String(i)}`)))
      const span = spans.sort((a, b) => a - b)[1] as number // the median: the machine is shared
      const check = (parent: string) => {
        const scan = scanForPlaintext(parent, { needles: ws.needles, includeStore: true })
        expect(scan.findings).toEqual([])
        return scan.files
      }
      const outcomes = { whole: 0, absent: 0, staging: 0, scanned: 0 }
      let kills = 0
      while (kills < KILLS) {
        const parent = tempDir()
        const target = join(parent, 'beian-desk')
        // Up to three children in sequence on one target, each killed at a random point.
        for (let child = 0; child < 3 && kills < KILLS && !existsSync(target); child++, kills++) {
          await importAndKill(out, target, Math.random() * span * 1.5)
          outcomes.scanned += check(parent)
        }
        if (existsSync(target)) {
          outcomes.whole++
          expect(sealedWorkspace(target, ws.codec)).toEqual(expected)
          for (const file of ws.files)
            expect(readFileSync(join(target, file)).equals(readFileSync(join(ws.dir, file)))).toBe(true)
        } else {
          outcomes.absent++
          // Killed before the rename: at most staging folders, which are not the workspace…
          const left = readdirSync(parent)
          expect(left.every((n) => n.startsWith('.beian-desk.import-'))).toBe(true)
          outcomes.staging += left.length
          // …and the next import removes them and succeeds.
          await importArchive({ archive: out, targetDir: target, passphrase: PASS, scrypt: FAST_SCRYPT })
          expect(sealedWorkspace(target, ws.codec)).toEqual(expected)
        }
        expect(readdirSync(parent)).toEqual(['beian-desk'])
        check(parent)
      }
      console.info(`[archive kill -9] span ${String(span)} ms, ${JSON.stringify(outcomes)}`)
      expect(outcomes.absent).toBeGreaterThan(0) // kills landed mid-import…
      expect(outcomes.whole).toBeGreaterThan(0) // …and after it
      expect(outcomes.scanned).toBeGreaterThan(0) // sealed material files were read by the scan
    },
  )
})
