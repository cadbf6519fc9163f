/** `beian-desk export --data-dir DIR --site SITE --out PATH [--zip] [--json]` */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { exportPacket } from '../../main/services/packet-export'
import { type CliContext, UsageError } from '../io'
import { findSite } from '../site-ref'
import { openDataDir } from '../workspace'

export async function exportCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      site: { type: 'string' },
      out: { type: 'string' },
      zip: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  const { io, m } = ctx
  if (!values.site) throw new UsageError(m.export.needSite)
  if (!values.out) throw new UsageError(m.export.needOut)
  const out = resolve(values.out)
  if (!values.zip && statSync(out, { throwIfNoEntry: false })?.isDirectory() === false)
    throw new UsageError(m.export.outNotFolder(out))
  const { ws, files } = openDataDir(values['data-dir'], ctx, 'export')
  const site = findSite(ws, values.site, ctx, 'export')
  const summary = await exportPacket(ws, files, {
    siteId: site.id,
    format: values.zip ? 'zip' : 'folder',
    target: out,
  })
  if (values.json) io.out(`${JSON.stringify(summary, null, 2)}\n`)
  else {
    io.out(`${m.export.done(summary.target)}\n`)
    for (const f of summary.files) io.out(`${m.export.file(f.file, f.bytes, f.width, f.height)}\n`)
  }
  return 0
}
