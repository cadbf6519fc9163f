/** A workspace whose one site has every material it needs, with its files stored (packet tests). */
import { createHash } from 'node:crypto'
import type { SlotKey, Workspace } from '../../core/model'
import { createMaterialFiles } from '../../electron/main/services/material-files'
import { makeIndividual, makeMaterial, makePerson, makeSite } from './factories'

/** A 个人 with one site and its four materials (stand-in bytes with their real hashes) in `dataDir`. */
export async function filledWorkspace(dataDir: string) {
  const files = createMaterialFiles(dataDir)
  // Rule ⑦: the holder's office phone is required (a mobile number would do).
  const subject = makeIndividual({ principal: makePerson({ officePhone: '010-65831274' }) })
  const site = makeSite(subject.id)
  const slots: [SlotKey, 'subject' | 'site', string][] = [
    ['principal-id-front', 'subject', subject.id],
    ['principal-id-back', 'subject', subject.id],
    ['principal-id-handheld', 'subject', subject.id],
    ['domain-certificate', 'site', site.id],
  ]
  const materials = []
  for (const [slot, kind, owner] of slots) {
    const data = Buffer.from(`jpeg of ${slot}`)
    const m = makeMaterial(kind, owner, slot, {
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    })
    await files.write(m.compressedFile, data)
    materials.push(m)
  }
  const ws: Workspace = { subjects: [subject], sites: [site], materials }
  return { ws, files, site }
}
