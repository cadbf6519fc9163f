/**
 * Encryption at rest end to end: synthetic ID photos (the fixture generators, never real
 * people) imported through the material service with the keychain port faked, a packet
 * exported, and the data folder searched byte by byte. Also: an older plaintext workspace is
 * migrated on open, a half-migrated one (a crash) finishes, tampering and a lost key are refused.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { upsertSite, upsertSubject } from '../../../../core/workspace'
import { openConfStore } from '../../../../electron/main/services/conf-store'
import { createServices } from '../../../../electron/main/services/container'
import { isSealed } from '../../../../electron/main/services/crypto/envelope'
import { KEY_FILE } from '../../../../electron/main/services/crypto/key-file'
import { exportPacket } from '../../../../electron/main/services/packet-export'
import { domainCertificate, handheld, idCardBack, idCardFront } from '../../../fixtures/generate'
import { syntheticPerson } from '../../../fixtures/identity'
import { withOrientation } from '../../../fixtures/variants'
import { makeIndividual, makePerson, makeSite } from '../../../support/factories'
import { useTempDirs } from '../../../support/temp-dir'
import { fakeKeychain } from './fake-keychain'

const tempDir = useTempDirs()
const JPEG = Buffer.from([0xff, 0xd8, 0xff])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])
/** The store's own files: their encryption is the store codec's part (not in this module). */
const STORE_FILES = /^(config\.json|store\/|backups\/|writer\.lock)/

let photos: { slot: string; owner: 'subject' | 'site'; bytes: Buffer }[] = []
beforeAll(async () => {
  const size = { width: 1200, height: 900, seed: 7 }
  // The front is a phone photo: pixels stored sideways, EXIF Orientation 6, camera EXIF with GPS.
  const front = await withOrientation(await idCardFront(size), 6)
  expect((await sharp(front).metadata()).exif).toBeDefined()
  photos = [
    { slot: 'principal-id-front', owner: 'subject', bytes: front },
    { slot: 'principal-id-back', owner: 'subject', bytes: await idCardBack(size) },
    { slot: 'principal-id-handheld', owner: 'subject', bytes: await handheld(size) },
    {
      slot: 'domain-certificate',
      owner: 'site',
      bytes: await sharp(await domainCertificate(size))
        .png()
        .toBuffer(),
    },
  ]
}, 120_000)

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
}

async function workspaceWithPhotos(keychain: ReturnType<typeof fakeKeychain> | null) {
  const dir = tempDir()
  const person = syntheticPerson(4242)
  const store = openConfStore(dir)
  const services = createServices(dir, store, 'assets/divisions', { keychain })
  await services.encryption.ready
  const principal = makePerson({
    name: person.name,
    idNumber: person.residentId,
    officePhone: '010-65831274',
  })
  const subject = makeIndividual({ principal })
  const site = makeSite(subject.id)
  services.repo.commit(upsertSite(upsertSubject(services.repo.workspace(), subject), site))
  for (const p of photos) {
    const path = join(tempDir(), `${p.slot}.img`)
    writeFileSync(path, p.bytes)
    await services.materials.importMaterial({
      ownerKind: p.owner,
      ownerId: p.owner === 'subject' ? subject.id : site.id,
      slot: p.slot as 'principal-id-front',
      path,
    })
  }
  return { dir, store, services, site, idNumber: person.residentId }
}

describe('encryption at rest', () => {
  it('leaves no ID number and no JPEG/PNG outside encrypted containers in the data folder; the export is plaintext', async () => {
    const { dir, store, services, site, idNumber } = await workspaceWithPhotos(fakeKeychain())
    const out = join(tempDir(), 'packet')
    const summary = await exportPacket(services.repo.workspace(), services.files, {
      siteId: site.id,
      format: 'folder',
      target: out,
      force: true,
    })
    store.close()
    const materialFiles = allFiles(join(dir, 'materials'))
    expect(materialFiles.length).toBe(8) // 4 originals + 4 compressed copies
    for (const path of allFiles(dir)) {
      const rel = relative(dir, path).split('\\').join('/')
      const bytes = readFileSync(path)
      if (rel.startsWith('materials/')) expect(isSealed(bytes), rel).toBe(true)
      if (isSealed(bytes)) continue
      expect(bytes.includes(JPEG), `${rel} holds a JPEG`).toBe(false)
      expect(bytes.includes(PNG), `${rel} holds a PNG`).toBe(false)
      if (!STORE_FILES.test(rel))
        expect(bytes.includes(Buffer.from(idNumber)), `${rel} holds the ID number`).toBe(false)
    }
    // What the user asked to export is plaintext JPEG.
    const exported = allFiles(summary.target).filter((p) => p.endsWith('.jpg'))
    expect(exported.length).toBe(4)
    for (const p of exported) expect(readFileSync(p).subarray(0, 3).equals(JPEG)).toBe(true)
  }, 180_000)

  it('stores originals without EXIF/GPS, upright; a re-edit still works from them', async () => {
    const { services, store } = await workspaceWithPhotos(fakeKeychain())
    const front = services.repo.workspace().materials.find((m) => m.slot === 'principal-id-front')
    if (!front) throw new Error('front not imported')
    const original = await services.files.read(front.originalFile)
    const meta = await sharp(original).metadata()
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation ?? 1).toBe(1)
    // Sideways pixels with Orientation 6: stored upright, 1200×900 as the card was drawn.
    expect([meta.width, meta.height]).toEqual([front.sourceWidth, front.sourceHeight])
    expect([meta.width, meta.height]).toEqual([1200, 900])
    const edited = await services.materials.editMaterial({
      id: front.id,
      edit: front.edit,
      maxBytes: 400_000,
    })
    expect(edited.bytes).toBeLessThanOrEqual(400_000)
    store.close()
  }, 180_000)

  it('migrates an older plaintext workspace on open, finishes after a crash mid-way, and then refuses plaintext', async () => {
    // An older workspace: no keychain, so no key and plaintext files.
    const { dir, store } = await workspaceWithPhotos(null)
    store.close()
    const files = allFiles(join(dir, 'materials'))
    expect(files.every((f) => !isSealed(readFileSync(f)))).toBe(true)
    const before = new Map(files.map((f) => [f, readFileSync(f)]))
    // A crash mid-migration: the key made, two files sealed, a temp file left behind.
    const first = createServices(dir, openConfStore(dir), 'assets/divisions', { keychain: fakeKeychain() })
    await first.encryption.ready
    expect(await first.encryption.status()).toMatchObject({
      encrypted: true,
      unlocked: true,
      materialsEncrypted: true,
    })
    for (const f of files) expect(isSealed(readFileSync(f))).toBe(true)
    for (const m of first.repo.workspace().materials) {
      const plain = before.get(join(dir, m.compressedFile))
      expect((await first.files.read(m.compressedFile)).equals(plain as Buffer)).toBe(true)
    }
    // After migration a plaintext file put in place of a sealed one is refused, not shown.
    const victim = first.repo.workspace().materials[0]
    if (!victim) throw new Error('no material')
    writeFileSync(join(dir, victim.compressedFile), before.get(join(dir, victim.compressedFile)) as Buffer)
    await expect(first.files.read(victim.compressedFile)).rejects.toMatchObject({
      code: 'crypto/not-encrypted',
    })
    // One flipped bit in a sealed file: a clear error, never garbage.
    const other = first.repo.workspace().materials[1]
    if (!other) throw new Error('no material')
    const sealed = readFileSync(join(dir, other.originalFile))
    sealed[sealed.length - 5] = (sealed[sealed.length - 5] ?? 0) ^ 0x10
    writeFileSync(join(dir, other.originalFile), sealed)
    await expect(first.files.read(other.originalFile)).rejects.toMatchObject({
      code: 'crypto/tampered',
      message: expect.stringContaining('无法解密') as unknown,
    })
    await expect(first.materials.thumbnail(other.id)).resolves.toMatch(/^data:image\/jpeg/)
  }, 180_000)

  it('a half-migrated folder (killed mid-way) is finished at the next open', async () => {
    const { dir, store } = await workspaceWithPhotos(null)
    store.close()
    const files = allFiles(join(dir, 'materials'))
    const keychain = fakeKeychain()
    const partial = createServices(dir, openConfStore(dir), 'assets/divisions', { keychain })
    await partial.encryption.ready
    // Simulate the kill: undo the flag and put two files back in plaintext, plus a stale temp file.
    const keyFile = JSON.parse(readFileSync(join(dir, KEY_FILE), 'utf8')) as { materialsEncrypted: boolean }
    keyFile.materialsEncrypted = false
    writeFileSync(join(dir, KEY_FILE), JSON.stringify(keyFile))
    const plain = await Promise.all(files.slice(0, 2).map(async (f) => partial.files.read(relative(dir, f))))
    files.slice(0, 2).forEach((f, i) => writeFileSync(f, plain[i] as Buffer))
    const again = createServices(dir, openConfStore(dir), 'assets/divisions', { keychain })
    await again.encryption.ready
    expect((await again.encryption.status()).materialsEncrypted).toBe(true)
    for (const f of files) expect(isSealed(readFileSync(f))).toBe(true)
    expect((await again.files.read(relative(dir, files[0] as string))).equals(plain[0] as Buffer)).toBe(true)
  }, 180_000)

  it('a keychain that cannot decrypt any more leaves the files locked with a clear message (no wipe)', async () => {
    const { dir, store, services } = await workspaceWithPhotos(fakeKeychain())
    store.close()
    const m = services.repo.workspace().materials[0]
    if (!m) throw new Error('no material')
    const broken = fakeKeychain()
    broken.broken = true
    const next = createServices(dir, openConfStore(dir), 'assets/divisions', { keychain: broken })
    expect(await next.encryption.status()).toMatchObject({ encrypted: true, unlocked: false })
    await expect(next.files.read(m.compressedFile)).rejects.toMatchObject({ code: 'crypto/locked' })
    expect(isSealed(readFileSync(join(dir, m.compressedFile)))).toBe(true)
  }, 180_000)
})
