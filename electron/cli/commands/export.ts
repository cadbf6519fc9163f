/** `beian-desk export --data-dir DIR --site ID --out PATH [--zip]` */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { exportPacket } from '../../main/services/packet-export'
import { type CliIo, UsageError } from '../io'
import { openDataDir } from '../workspace'

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, site: { type: 'string' }, out: { type: 'string' }, zip: { type: 'boolean' }, json: { type: 'boolean' } },
  })
  if (!values.site) throw new UsageError('export: 需要 --site ID（网站编号，可用 validate --json 查看）')
  if (!values.out) throw new UsageError('export: 需要 --out PATH（文件夹，或配合 --zip 的 .zip 文件）')
  const { repo, files } = openDataDir(values['data-dir'])
  const summary = await exportPacket(repo.workspace(), files, {
    siteId: values.site,
    format: values.zip ? 'zip' : 'folder',
    target: resolve(values.out),
  })
  if (values.json) io.out(`${JSON.stringify(summary, null, 2)}\n`)
  else {
    io.out(`已导出到 ${summary.target}\n`)
    for (const f of summary.files) io.out(`  ${f.file}  ${f.bytes} 字节  ${f.width}×${f.height}\n`)
  }
  return 0
}
