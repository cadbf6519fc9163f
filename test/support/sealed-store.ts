/**
 * Helpers for tests of the sealed store: a plaintext workspace with backup generations holding
 * synthetic people (the fixture generators' IDs, never a real one), and a byte search of a
 * whole data folder for what must never be there in plaintext.
 */
import { randomBytes } from 'node:crypto'
import { upsertSubject } from '../../core/workspace'
import { openConfStore } from '../../electron/main/services/conf-store'
import { createSealedStoreCodec } from '../../electron/main/services/crypto/sealed-store-codec'
import type { StoreCodec } from '../../electron/main/services/store-codec'
import { createWorkspaceRepo } from '../../electron/main/services/workspace-repo'
import { syntheticPerson } from '../fixtures/identity'
import { makeIndividual, makePerson } from './factories'
import { filesUnder as walkFiles, scanForPlaintext } from './plaintext-scan'

/** The personal values one test subject carries (to search the disk for). */
export type Secrets = { id: string; name: string; mobile: string; address: string }

/** Synthetic person number `seed`: name, ID, a mobile and an address from the generators. */
export function secretsOf(seed: number): Secrets {
  const p = syntheticPerson(seed)
  return {
    id: p.residentId,
    name: p.name,
    mobile: `139${String(52718460 + seed).padStart(8, '0')}`,
    address: p.address,
  }
}

export function subjectOf(s: Secrets) {
  const principal = makePerson({
    name: s.name,
    idNumber: s.id,
    mobile: s.mobile,
    address: {
      divisionCodes: ['110000', '110100', '110105'],
      divisionNames: ['北京市', '市辖区', '朝阳区'],
      detail: s.address,
    },
  })
  return makeIndividual({ principal })
}

/**
 * A data folder as an older version left it: `count` subjects written one by one through the
 * identity codec, with a separate backup generation after each (so the backups hold them too).
 */
export function plaintextWorkspace(dir: string, count: number, codec?: StoreCodec): Secrets[] {
  const store = openConfStore(dir, codec ? { codec } : {})
  const repo = createWorkspaceRepo(store)
  const all: Secrets[] = []
  for (let i = 0; i < count; i++) {
    const s = secretsOf(i + 1)
    repo.commit(upsertSubject(repo.workspace(), subjectOf(s)))
    store.snapshotSeparate()
    all.push(s)
  }
  store.close()
  return all
}

export const newDataKey = (): Buffer => randomBytes(32)

/** A sealing codec; `acceptPlain` as during the migration (true) or after it (false). */
export const sealedCodec = (key: Buffer, acceptPlain = false) =>
  createSealedStoreCodec(key, { acceptPlain: () => acceptPlain })

/** Every regular file under `dir`, recursively (plaintext-scan.ts's walk). */
export const filesUnder = (dir: string): string[] => [...walkFiles(dir)]

/**
 * What under `dir` gives personal data away (plaintext-scan.ts, store files included): one
 * "relative path: reason" per finding (a needle in UTF-8 or UTF-16LE, image magic outside a
 * sealed container).
 */
export function plaintextHits(dir: string, needles: readonly string[]): string[] {
  return scanForPlaintext(dir, { needles, includeStore: true }).findings.map((f) => `${f.file}: ${f.why}`)
}

export const needlesOf = (all: readonly Secrets[]): string[] =>
  all.flatMap((s) => [s.id, s.name, s.mobile, s.address])
