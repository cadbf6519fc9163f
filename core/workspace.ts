/**
 * Pure edits of the workspace. Deleting a subject removes its sites and every material
 * they own; callers delete the returned materials' files.
 */
import type { Material, Site, Subject, Workspace } from './model'

export type Edit = { workspace: Workspace; removedMaterials: Material[] }

function upsert<T extends { id: string }>(items: readonly T[], item: T): T[] {
  const index = items.findIndex((x) => x.id === item.id)
  if (index < 0) return [...items, item]
  return items.map((x, i) => (i === index ? item : x))
}

export function upsertSubject(ws: Workspace, subject: Subject): Workspace {
  return { ...ws, subjects: upsert(ws.subjects, subject) }
}

export function upsertSite(ws: Workspace, site: Site): Workspace {
  return { ...ws, sites: upsert(ws.sites, site) }
}

/** Drops retention notes (core/filing/retention.ts) matching `gone`; absent stays absent. */
function dropNotes(
  ws: Workspace,
  gone: (owner: { ownerKind: string; ownerId: string; slot: string }) => boolean,
): Workspace {
  if (!ws.retentionRemovals?.some(gone)) return ws
  return { ...ws, retentionRemovals: ws.retentionRemovals.filter((r) => !gone(r)) }
}

export function deleteSite(ws: Workspace, siteId: string): Edit {
  const removedMaterials = ws.materials.filter((m) => m.ownerKind === 'site' && m.ownerId === siteId)
  return {
    workspace: {
      ...dropNotes(ws, (r) => r.ownerKind === 'site' && r.ownerId === siteId),
      sites: ws.sites.filter((s) => s.id !== siteId),
      materials: ws.materials.filter((m) => !removedMaterials.includes(m)),
    },
    removedMaterials,
  }
}

export function deleteSubject(ws: Workspace, subjectId: string): Edit {
  let removed: Material[] = []
  let next = ws
  for (const site of ws.sites.filter((s) => s.subjectId === subjectId)) {
    const edit = deleteSite(next, site.id)
    next = edit.workspace
    removed = removed.concat(edit.removedMaterials)
  }
  const own = next.materials.filter((m) => m.ownerKind === 'subject' && m.ownerId === subjectId)
  return {
    workspace: {
      ...dropNotes(next, (r) => r.ownerKind === 'subject' && r.ownerId === subjectId),
      subjects: next.subjects.filter((s) => s.id !== subjectId),
      materials: next.materials.filter((m) => !own.includes(m)),
    },
    removedMaterials: removed.concat(own),
  }
}

/** Puts a material in its slot, returning the one it replaced (if any). */
export function placeMaterial(ws: Workspace, material: Material): Edit {
  const replaced = ws.materials.filter(
    (m) => m.ownerKind === material.ownerKind && m.ownerId === material.ownerId && m.slot === material.slot,
  )
  return {
    // A new photo in a slot emptied by retention ends the "已按保留期限删除" note.
    workspace: {
      ...dropNotes(
        ws,
        (r) =>
          r.ownerKind === material.ownerKind && r.ownerId === material.ownerId && r.slot === material.slot,
      ),
      materials: [...ws.materials.filter((m) => !replaced.includes(m)), material],
    },
    removedMaterials: replaced,
  }
}

export function removeMaterial(ws: Workspace, materialId: string): Edit {
  const removedMaterials = ws.materials.filter((m) => m.id === materialId)
  return {
    workspace: { ...ws, materials: ws.materials.filter((m) => m.id !== materialId) },
    removedMaterials,
  }
}
