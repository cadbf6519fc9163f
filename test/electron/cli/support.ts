/** Running the CLI in-process with captured output, and data folders made without the image service. */
import { createHash } from 'node:crypto'
import type { SlotKey, Workspace } from '../../../core/model'
import { runCli } from '../../../electron/cli/index'
import type { CliIo } from '../../../electron/cli/io'
import { openConfStore } from '../../../electron/main/services/conf-store'
import { createMaterialFiles } from '../../../electron/main/services/material-files'
import { createWorkspaceRepo } from '../../../electron/main/services/workspace-repo'
import { makeIndividual, makeMaterial, makePerson, makeSite } from '../../support/factories'

export type Run = { code: number; out: string; err: string }

/** Runs `beian-desk argv` with a fixed environment (Chinese unless `env` says otherwise). */
export async function run(
  argv: string[],
  opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: async () => opts.stdin ?? '',
  }
  const code = await runCli(argv, io, opts.env ?? {})
  return { code, out, err }
}

/** Stores `ws` in a new data folder, as the app would. */
export function storeWorkspace(dir: string, ws: Workspace): void {
  const store = openConfStore(dir)
  try {
    createWorkspaceRepo(store).commit(ws)
  } finally {
    store.close()
  }
}

const INDIVIDUAL_SLOTS: [SlotKey, 'subject' | 'site'][] = [
  ['principal-id-front', 'subject'],
  ['principal-id-back', 'subject'],
  ['principal-id-handheld', 'subject'],
  ['domain-certificate', 'site'],
]

/** An individual's site; `slots` of its four materials are stored with real files and hashes. */
export async function individualSite(
  dir: string,
  opts: { slots?: number; siteName?: string; domain?: string } = {},
) {
  // Rule ⑦: the holder's office phone is required (a mobile number would do).
  const subject = makeIndividual({ principal: makePerson({ officePhone: '010-65831274' }) })
  const site = makeSite(subject.id, {
    name: opts.siteName ?? '小明的博客',
    mainDomain: opts.domain ?? 'example-blog.cn',
  })
  const files = createMaterialFiles(dir)
  const materials = []
  for (const [slot, kind] of INDIVIDUAL_SLOTS.slice(0, opts.slots ?? 4)) {
    const data = Buffer.from(`jpeg of ${slot} ${site.id}`)
    const m = makeMaterial(kind, kind === 'subject' ? subject.id : site.id, slot, {
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    })
    await files.write(m.compressedFile, data)
    materials.push(m)
  }
  return { subject, site, materials, files }
}
