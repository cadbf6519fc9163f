/**
 * One view of a site: its subject, the people on it, its materials, what the rules find, how
 * ready its materials are, and the packet's name. Main's export, the CLI and the renderer all
 * read a site through here, so they cannot disagree about it.
 */
import type { Material, Person, Site, Subject, Workspace } from './model'
import { safeFileName } from './packet/file-names'
import { materialReadiness, siteFindings, type MaterialReadiness, type SiteFinding } from './packet/readiness'

export type SitePeople = {
  /** 负责人 of the subject. */
  principal: Person
  /** 网站安全负责人 and 应急联络人, resolved when they are "same as the principal". */
  securityOfficer: Person
  emergencyContact: Person
}

export type SiteContext = {
  site: Site
  subject: Subject
  people: SitePeople
  /** The materials of the subject and of the site (whether a slot requires them or not). */
  materials: Material[]
  /** The subject's and the site's findings, cross-record ones included (siteFindings). */
  findings: SiteFinding[]
  readiness: MaterialReadiness
  /** The packet's folder and zip base name, cleaned once: 网站名称-公安备案材料. */
  packetName: string
}

/** The site and its subject, or null when either is gone: the one lookup of a site by id. */
export function findSite(ws: Workspace, siteId: string): { site: Site; subject: Subject } | null {
  const site = ws.sites.find((s) => s.id === siteId)
  const subject = site && ws.subjects.find((s) => s.id === site.subjectId)
  return site && subject ? { site, subject } : null
}

/**
 * The packet's base name (folder, zip and the folder inside the zip), e.g. 示例网站-公安备案材料,
 * or 示例网站-公安备案材料-草稿 for a forced draft; main, the CLI and the save dialogs all use it.
 */
export const packetName = (site: Site, opts: { draft?: boolean } = {}): string =>
  safeFileName(`${site.name.trim() || '网站'}-公安备案材料${opts.draft ? '-草稿' : ''}`)

export function sitePeople(subject: Subject, site: Site): SitePeople {
  const { principal } = subject
  const resolve = (ref: Site['securityOfficer']): Person => (ref.sameAsPrincipal ? principal : ref.person)
  return {
    principal,
    securityOfficer: resolve(site.securityOfficer),
    emergencyContact: resolve(site.emergencyContact),
  }
}

/** Everything about one site on `today` (YYYY-MM-DD, the user's local date); null for an unknown site. */
export function siteContext(ws: Workspace, siteId: string, today: string): SiteContext | null {
  const found = findSite(ws, siteId)
  if (!found) return null
  const { site, subject } = found
  return {
    site,
    subject,
    people: sitePeople(subject, site),
    materials: ws.materials.filter(
      (m) =>
        (m.ownerKind === 'site' && m.ownerId === site.id) ||
        (m.ownerKind === 'subject' && m.ownerId === subject.id),
    ),
    findings: siteFindings(ws, site.id, today),
    readiness: materialReadiness(subject, site, ws.materials),
    packetName: packetName(site),
  }
}
