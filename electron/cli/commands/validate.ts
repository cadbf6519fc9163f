/** `beian-desk validate --data-dir DIR [--site ID] [--json]`: every finding for stored data. */
import { parseArgs } from 'node:util'
import { localToday } from '../../../core/packet/readiness'
import { validateWorkspace } from '../../../core/validation'
import { type CliIo, UsageError } from '../io'
import { openDataDir } from '../workspace'

export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, site: { type: 'string' }, json: { type: 'boolean' } },
  })
  const ws = openDataDir(values['data-dir']).repo.workspace()
  const site = values.site ? ws.sites.find((s) => s.id === values.site) : undefined
  if (values.site && !site) throw new UsageError(`validate: 找不到网站 ${values.site}`)
  const findings = validateWorkspace(ws, localToday())
    .filter((f) => !site || f.siteId === site.id || (f.subjectId === site.subjectId && !f.siteId))
    .map(({ subjectId, siteId, finding }) => ({
      subjectId: subjectId ?? null,
      subjectName: ws.subjects.find((s) => s.id === subjectId)?.name ?? null,
      siteId: siteId ?? null,
      siteName: ws.sites.find((s) => s.id === siteId)?.name ?? null,
      ...finding,
    }))
  if (values.json) io.out(`${JSON.stringify({ subjects: ws.subjects.length, sites: ws.sites.length, findings }, null, 2)}\n`)
  else {
    if (findings.length === 0) io.out('✓ 没有发现问题\n')
    for (const f of findings) {
      io.out(`${f.severity === 'error' ? '✗ 错误' : '! 提示'} [${f.siteName ?? f.subjectName ?? ''}${f.field ? ` · ${f.field}` : ''}] ${f.message}\n`)
    }
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0
}
