/**
 * `--site` as agencies type it: the site's id, its main domain (any case, with or without
 * http:// or a trailing dot, Chinese or punycode) or its exact name. Several matches are an
 * error that lists them, never a guess.
 */
import type { Site, Workspace } from '../../core/model'
import { stripUrl } from '../../core/validation/domain'
import { hostToAscii } from '../../core/validation/punycode'
import { type CliContext, UsageError } from './io'

const hostKey = (text: string): string => {
  const host = stripUrl(text.trim()).host.toLowerCase()
  try {
    return hostToAscii(host)
  } catch {
    return host
  }
}

/** Sites `ref` names: by id, else by main domain, else by exact name (first kind that matches). */
export function matchSites(ws: Workspace, ref: string): Site[] {
  const byId = ws.sites.filter((s) => s.id === ref)
  if (byId.length > 0) return byId
  const key = hostKey(ref)
  const byDomain = key
    ? ws.sites.filter((s) => s.mainDomain.trim() !== '' && hostKey(s.mainDomain) === key)
    : []
  if (byDomain.length > 0) return byDomain
  return ws.sites.filter((s) => s.name.trim() !== '' && s.name.trim() === ref.trim())
}

export function findSite(ws: Workspace, ref: string, { m }: CliContext, command: string): Site {
  const found = matchSites(ws, ref)
  if (found.length === 1) return found[0] as Site
  if (found.length === 0) throw new UsageError(m.siteNotFound(ref), command)
  const subjectName = (s: Site) => ws.subjects.find((x) => x.id === s.subjectId)?.name ?? ''
  const lines = found.map((s) => `  ${s.id}  ${s.name}  ${s.mainDomain}  (${subjectName(s)})`)
  throw new UsageError(`${m.siteAmbiguous(ref, found.length)}\n${lines.join('\n')}`, command)
}
