import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { upsertSubject } from '../../../core/workspace'
import { openConfStore } from '../../../electron/main/services/conf-store'
import type { StoreCodec } from '../../../electron/main/services/store-codec'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { makeIndividual, makePerson, syntheticResidentId } from '../../support/factories'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()

/** A test codec that visibly changes every byte (and counts its calls). */
function xorCodec(): StoreCodec & { calls: { encode: number; decode: number } } {
  const calls = { encode: 0, decode: 0 }
  const flip = (b: Uint8Array) => Uint8Array.from(b, (x) => x ^ 0x5a)
  return {
    calls,
    encode: (b) => (calls.encode++, flip(b)),
    decode: (b) => (calls.decode++, flip(b)),
  }
}

describe('store codec seam', () => {
  it('every backup generation is written and read through the codec', () => {
    const dir = tempDir()
    const codec = xorCodec()
    const store = openConfStore(dir, { codec })
    const repo = createWorkspaceRepo(store)
    const id = syntheticResidentId('19880214', '417')
    repo.commit(upsertSubject(repo.workspace(), makeIndividual({ principal: makePerson({ idNumber: id }) })))
    expect(codec.calls.encode).toBeGreaterThan(0)
    // Every file the store wrote: the index, the shards, the generations and their shards.
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => join(dir, name))
      .filter((path) => statSync(path).isFile() && !path.endsWith('writer.lock'))
    expect(files.some((p) => p.includes('backups'))).toBe(true)
    expect(files.some((p) => p.includes('store'))).toBe(true)
    for (const path of files) {
      const bytes = readFileSync(path, 'latin1')
      expect(bytes, path).not.toContain(id)
      expect(bytes, path).not.toContain('"workspace"')
      expect(bytes, path).not.toContain('"format"')
    }
    const [newest] = store.backups.list()
    expect(newest?.valid).toBe(true)
    expect(newest?.subjects).toBe(1)
    expect(store.backups.read(newest?.id ?? '')).toContain(id)
    store.close()
    // Read back through the same codec: the edit is there.
    const again = openConfStore(dir, { codec, readOnly: true })
    expect(JSON.stringify(createWorkspaceRepo(again).workspace())).toContain(id)
    again.close()
  })
})
