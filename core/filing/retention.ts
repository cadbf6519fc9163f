/**
 * 保留期限 (optional retention): ID photos are deleted N days after the badge is placed (已挂标),
 * but only once every site that uses a photo has been badged that long. Pure: main lists what is
 * due and deletes it only after the user confirms.
 */
import { z } from 'zod'
import { requiredSlots } from '../materials/slots'
import type { Material, RetentionRemoval, Site, SlotKey, Subject, Workspace } from '../model'
import { addDays } from '../validation/dates'
import type { Edit } from '../workspace'
import { eventsOf } from './history'
import { siteStageOf } from './stages'

/** The retention periods offered (days after the badge); 0 = off, the default. */
export const RETENTION_DAY_CHOICES = [30, 90, 180, 365] as const
/** The stored setting: whole days, 0 = off, at most ten years. */
export const retentionDaysSchema = z.number().int().min(0).max(3650)
/** What the window may set: off or one of the offered periods. */
export const retentionChoiceSchema = z.union([
  z.literal(0),
  ...RETENTION_DAY_CHOICES.map((d) => z.literal(d)),
])

/** ID-card photos (front, back, hand-held) of the principal and the security person; never certificates. */
const ID_PHOTO_SLOTS: ReadonlySet<SlotKey> = new Set<SlotKey>([
  'principal-id-front',
  'principal-id-back',
  'principal-id-handheld',
  'security-id-front',
  'security-id-back',
  'security-id-handheld',
])

export const isIdPhotoSlot = (slot: SlotKey): boolean => ID_PHOTO_SLOTS.has(slot)

/** One site using a photo, with the day its badge was placed. */
export type RetentionUse = { siteId: string; siteName: string; badgedOn: string }

/** An ID photo whose retention period is over, and why. */
export type RetentionDue = {
  materialId: string
  slot: SlotKey
  /** The slot's Chinese label (身份证正面, 网站安全负责人身份证反面…). */
  label: string
  subjectId: string
  subjectName: string
  /** Whose ID it is. */
  personName: string
  /** Every site using the photo, all badged. */
  uses: RetentionUse[]
  /** The latest of the uses' badge dates: the period runs from it. */
  badgedOn: string
  /** badgedOn + the period; the photo is due from this day on. */
  dueOn: string
}

/** The day the badge in force was placed, or null when the site is not at 已挂标 now. */
export function badgedOn(ws: Workspace, siteId: string): string | null {
  const events = eventsOf(ws, { ownerKind: 'site', ownerId: siteId })
  if (siteStageOf(events.map((e) => e.kind)) !== 'badged') return null
  return events.findLast((e) => e.kind === 'badged')?.date ?? null
}

/** The sites whose filing uses a material: a subject's photos serve all its sites. */
function sitesUsing(ws: Workspace, m: Material): Site[] {
  if (m.ownerKind === 'subject') return ws.sites.filter((s) => s.subjectId === m.ownerId)
  return ws.sites.filter((s) => s.id === m.ownerId)
}

function personNameOf(m: Material, subject: Subject, site: Site): string {
  if (m.ownerKind === 'subject' || site.securityOfficer.sameAsPrincipal) return subject.principal.name
  return site.securityOfficer.person.name
}

function dueOne(ws: Workspace, m: Material, days: number, today: string): RetentionDue | null {
  const sites = sitesUsing(ws, m)
  const first = sites[0]
  // A photo no site uses (a subject without sites yet) has no badge to count from.
  if (!first) return null
  const subject = ws.subjects.find((s) => s.id === first.subjectId)
  if (!subject) return null
  const uses: RetentionUse[] = []
  for (const site of sites) {
    const on = badgedOn(ws, site.id)
    if (on === null) return null // one site still needs it
    uses.push({ siteId: site.id, siteName: site.name, badgedOn: on })
  }
  const latest = uses.map((u) => u.badgedOn).reduce((a, b) => (b > a ? b : a))
  const dueOn = addDays(latest, days)
  if (today < dueOn) return null
  const label = requiredSlots(subject, first).find((s) => s.key === m.slot)?.label ?? m.slot
  return {
    materialId: m.id,
    slot: m.slot,
    label,
    subjectId: subject.id,
    subjectName: subject.name,
    personName: personNameOf(m, subject, first),
    uses,
    badgedOn: latest,
    dueOn,
  }
}

/** The ID photos due for deletion on `today` (YYYY-MM-DD); none when the setting is off (0 or absent). */
export function retentionDue(ws: Workspace, days: number | undefined, today: string): RetentionDue[] {
  if (!days || days <= 0) return []
  const out: RetentionDue[] = []
  for (const m of ws.materials) {
    if (!isIdPhotoSlot(m.slot)) continue
    const due = dueOne(ws, m, days, today)
    if (due) out.push(due)
  }
  return out
}

/**
 * Removes the confirmed photos that are still due, leaving a note in their slot so the app can
 * say "已按保留期限删除" instead of showing an empty slot. Ids not due are ignored.
 */
export function retentionEdit(
  ws: Workspace,
  materialIds: readonly string[],
  days: number | undefined,
  today: string,
): Edit {
  const wanted = new Set(materialIds)
  const due = retentionDue(ws, days, today).filter((d) => wanted.has(d.materialId))
  const gone = new Set(due.map((d) => d.materialId))
  const removedMaterials = ws.materials.filter((m) => gone.has(m.id))
  const notes: RetentionRemoval[] = removedMaterials.map((m) => ({
    id: `rt-${m.id}`.slice(0, 64),
    ownerKind: m.ownerKind,
    ownerId: m.ownerId,
    slot: m.slot,
    removedOn: today,
    badgedOn: due.find((d) => d.materialId === m.id)?.badgedOn ?? today,
  }))
  const sameSlot = (r: RetentionRemoval) =>
    removedMaterials.some((m) => m.ownerKind === r.ownerKind && m.ownerId === r.ownerId && m.slot === r.slot)
  return {
    workspace: {
      ...ws,
      materials: ws.materials.filter((m) => !gone.has(m.id)),
      retentionRemovals: [...(ws.retentionRemovals ?? []).filter((r) => !sameSlot(r)), ...notes],
    },
    removedMaterials,
  }
}

/** The retention note of a slot, if its photo was removed by retention. */
export function retentionRemovalFor(
  ws: Pick<Workspace, 'retentionRemovals'>,
  owner: { ownerKind: 'subject' | 'site'; ownerId: string },
  slot: SlotKey,
): RetentionRemoval | undefined {
  return (ws.retentionRemovals ?? []).find(
    (r) => r.ownerKind === owner.ownerKind && r.ownerId === owner.ownerId && r.slot === slot,
  )
}
