/**
 * Everything the rules say about one site before it is filed: which required materials are
 * ready, the subject's and the site's findings, and the cross-record warnings that concern
 * them. Missing or unusable materials and errors block the export. The app's counts (slot
 * cards, the tree, the export panel) and main's export all come from here.
 */
import { IMAGE_WARNING_MESSAGES, splitWarnings } from '../images/checks'
import type { ImageWarningCode, Material, Site, Subject, Workspace } from '../model'
import { materialForSlot, requiredSlots, type SlotSpec } from '../materials/slots'
import { sharedContactFindings, validateSite, validateSubject, type Finding } from '../validation'

/**
 * `missing`: nothing imported. `blocked`: a warning the portal would reject (isBlockingWarning).
 * `advisory`: ready, with warnings worth a look. `ready`: no warning at all.
 */
export type SlotState = 'missing' | 'blocked' | 'advisory' | 'ready'

export type SlotReadiness = {
  slot: SlotSpec
  material: Material | undefined
  state: SlotState
  blocking: ImageWarningCode[]
  advisory: ImageWarningCode[]
}

export type MaterialReadiness = {
  slots: SlotReadiness[]
  /** Slots whose material has no blocking warning (`ready` or `advisory`). */
  ready: number
  total: number
}

/** One slot's state from its material's stored warnings. */
export function slotReadiness(slot: SlotSpec, material: Material | undefined): SlotReadiness {
  if (!material) return { slot, material, state: 'missing', blocking: [], advisory: [] }
  const { blocking, advisory } = splitWarnings(material.warnings, slot)
  const state: SlotState = blocking.length > 0 ? 'blocked' : advisory.length > 0 ? 'advisory' : 'ready'
  return { slot, material, state, blocking, advisory }
}

/** Positions of each owner's materials, per materials list (immutable data): built once, O(materials). */
const BY_OWNER = new WeakMap<readonly Material[], Map<string, number[]>>()

/**
 * The materials a site's slots can use — its own and its subject's — in list order. A slot only
 * ever takes a material of the site or of its subject, so looking among these finds the same
 * one as looking among all, without scanning every material of the workspace per site.
 */
export function materialsOfSite(subject: Subject, site: Site, materials: readonly Material[]): Material[] {
  let index = BY_OWNER.get(materials)
  if (!index) {
    index = new Map()
    materials.forEach((m, at) => {
      const list = (index as Map<string, number[]>).get(m.ownerId)
      if (list) list.push(at)
      else (index as Map<string, number[]>).set(m.ownerId, [at])
    })
    BY_OWNER.set(materials, index)
  }
  const at = new Set<number>()
  for (const owner of [site.id, subject.id, site.subjectId]) for (const i of index.get(owner) ?? []) at.add(i)
  return [...at].sort((a, b) => a - b).map((i) => materials[i] as Material)
}

/** Every slot the site requires (whatever requiredSlots lists), with its state and the count of ready ones. */
export function materialReadiness(
  subject: Subject,
  site: Site,
  materials: readonly Material[],
): MaterialReadiness {
  const own = materialsOfSite(subject, site, materials)
  const slots = requiredSlots(subject, site).map((slot) =>
    slotReadiness(slot, materialForSlot(slot, site, own)),
  )
  return { slots, ready: slots.filter((s) => isSlotReady(s.state)).length, total: slots.length }
}

export const isSlotReady = (state: SlotState): boolean => state === 'ready' || state === 'advisory'

/** The Chinese lines an export refuses with for materials: each empty slot and each blocked one. */
export function materialBlockingLines(readiness: MaterialReadiness): string[] {
  return readiness.slots.flatMap(({ slot, state, blocking }) => {
    if (state === 'missing') return [`缺少材料：${slot.label}`]
    return blocking.map((code) => `${slot.label}不能使用：${IMAGE_WARNING_MESSAGES[code]}`)
  })
}

export type SiteFinding = Finding & { scope: 'subject' | 'site' }

export function siteFindings(ws: Workspace, siteId: string, today: string): SiteFinding[] {
  const site = ws.sites.find((s) => s.id === siteId)
  const subject = site && ws.subjects.find((s) => s.id === site.subjectId)
  if (!site || !subject) return []
  const ownSites = ws.sites.filter((s) => s.subjectId === subject.id)
  const cross = sharedContactFindings(ws)
    .filter((f) => f.siteId === site.id || (f.subjectId === subject.id && !f.siteId))
    .map((f) => ({ ...f.finding, scope: f.siteId ? ('site' as const) : ('subject' as const) }))
  const seen = new Set<string>()
  return [
    ...validateSubject(subject, today, ownSites).map((f) => ({ ...f, scope: 'subject' as const })),
    ...validateSite(site, subject, { sites: ws.sites, subjects: ws.subjects }, today).map((f) => ({
      ...f,
      scope: 'site' as const,
    })),
    ...cross,
  ].filter((f) => {
    const key = `${f.scope}|${f.code}|${f.field ?? ''}|${f.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The Chinese lines an export refuses with (errors only). */
export function exportBlockingLines(findings: readonly SiteFinding[]): string[] {
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.scope === 'subject' ? '开办主体' : '网站'}：${f.message}`)
}

/** Today's local date, kept importable from here; defined once in core/validation/dates. */
export { localToday } from '../validation/dates'
