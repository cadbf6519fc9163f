/**
 * Whole-workspace validation, plus the cross-record rule 9: one phone number, e-mail or ID number
 * used by two different people is a reported return reason (warning).
 */
import type { Person, Site, Subject, Workspace } from '../model'
import { normalizePersonName } from './names'
import { validateSite } from './site'
import { validateSubject } from './subject'
import { warn } from './result'
import { stripSpaces, toHalfWidth } from './text'
import type { Finding } from './types'

export type WorkspaceFinding = { subjectId?: string; siteId?: string; finding: Finding }

type Use = { name: string; at: Omit<WorkspaceFinding, 'finding'>; field: string }
type Keyed = { key: string; label: string; use: Use }

const digits = (s: string): string =>
  toHalfWidth(s)
    .replace(/\D/g, '')
    .replace(/^86(?=1\d{10}$)/, '')

function personKeys(p: Person, at: Use['at'], prefix: string): Keyed[] {
  const use = (field: string): Use => ({ name: normalizePersonName(p.name), at, field: `${prefix}.${field}` })
  const out: Keyed[] = []
  if (digits(p.mobile)) out.push({ key: `phone:${digits(p.mobile)}`, label: '手机号码', use: use('mobile') })
  if (digits(p.officePhone))
    out.push({ key: `phone:${digits(p.officePhone)}`, label: '电话号码', use: use('officePhone') })
  if (p.email.trim())
    out.push({
      key: `email:${stripSpaces(toHalfWidth(p.email)).toLowerCase()}`,
      label: '电子邮箱',
      use: use('email'),
    })
  const id = stripSpaces(toHalfWidth(p.idNumber)).toUpperCase()
  if (id) out.push({ key: `id:${id}`, label: '证件号码', use: use('idNumber') })
  return out
}

function collect(ws: Workspace): Keyed[] {
  const out: Keyed[] = []
  for (const s of ws.subjects) out.push(...personKeys(s.principal, { subjectId: s.id }, 'principal'))
  for (const site of ws.sites) {
    const at = { subjectId: site.subjectId, siteId: site.id }
    if (!site.securityOfficer.sameAsPrincipal)
      out.push(...personKeys(site.securityOfficer.person, at, 'securityOfficer.person'))
    if (!site.emergencyContact.sameAsPrincipal)
      out.push(...personKeys(site.emergencyContact.person, at, 'emergencyContact.person'))
  }
  return out
}

/** Rule 9 findings: each use of a value shared with a differently named person. */
export function sharedContactFindings(ws: Workspace): WorkspaceFinding[] {
  const cached = SHARED_CACHE.get(ws.sites)
  if (cached && cached.subjects === ws.subjects) return [...cached.findings]
  const findings = computeShared(ws)
  SHARED_CACHE.set(ws.sites, { subjects: ws.subjects, findings })
  return [...findings]
}

/**
 * The findings depend on the subjects and the sites only; both lists are immutable data, so
 * per-site callers (a site page, an export of many sites) share one computation per workspace.
 */
const SHARED_CACHE = new WeakMap<
  readonly Site[],
  { subjects: readonly Subject[]; findings: WorkspaceFinding[] }
>()

function computeShared(ws: Workspace): WorkspaceFinding[] {
  const byKey = new Map<string, Keyed[]>()
  for (const k of collect(ws)) {
    const list = byKey.get(k.key)
    if (list) list.push(k)
    else byKey.set(k.key, [k])
  }
  const out: WorkspaceFinding[] = []
  for (const uses of byKey.values()) {
    const names = [...new Set(uses.map((u) => u.use.name))]
    if (names.length < 2) continue
    for (const u of uses) {
      const others = names.filter((n) => n !== u.use.name).join('、')
      const msg = `${u.label}与“${others}”相同。不同的人共用同一${u.label}是常见的退回原因，请各自填写本人的${u.label}。`
      out.push({ ...u.use.at, finding: warn('workspace.shared-contact', msg, u.use.field) })
    }
  }
  return out
}

function siteFindings(site: Site, ws: Workspace, today: string): WorkspaceFinding[] {
  const subject = ws.subjects.find((s: Subject) => s.id === site.subjectId)
  const at = { subjectId: site.subjectId, siteId: site.id }
  if (!subject)
    return [
      {
        ...at,
        finding: warn(
          'workspace.site-without-subject',
          `网站“${site.name}”没有对应的开办主体，请先选择主体。`,
          'subjectId',
        ),
      },
    ]
  return validateSite(site, subject, { sites: ws.sites, subjects: ws.subjects }, today).map((finding) => ({
    ...at,
    finding,
  }))
}

/** Every finding of the workspace, tagged with the subject and site it belongs to. */
export function validateWorkspace(ws: Workspace, today: string): WorkspaceFinding[] {
  const subjects = ws.subjects.flatMap((s) => {
    const sites = ws.sites.filter((x) => x.subjectId === s.id)
    return validateSubject(s, today, sites).map((finding) => ({ subjectId: s.id, finding }))
  })
  return [
    ...subjects,
    ...ws.sites.flatMap((site) => siteFindings(site, ws, today)),
    ...sharedContactFindings(ws),
  ]
}
