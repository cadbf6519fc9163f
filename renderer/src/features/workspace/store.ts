/**
 * The workspace as the renderer sees it: what main stored, what is selected, and the
 * per-slot import state. Every mutation goes through api.ts and then refreshes from main,
 * so the screen always shows what is really stored.
 */
import { create } from 'zustand'
import type { AppError, RequestOf, Result } from '../../../../core/api'
import type { Material, Site, SlotKey, Subject, Workspace } from '../../../../core/model'
import { api, request, unwrap, type ImportTarget } from '../../api'

/** Main's refusal while an encrypted workspace is locked (workspace-keys.ts lockedFailure). */
const LOCKED = 'crypto/locked'

export type Selection =
  | { kind: 'welcome' }
  | { kind: 'new-subject' }
  | { kind: 'subject'; id: string }
  | { kind: 'new-site'; subjectId: string }
  | { kind: 'site'; id: string }
  | { kind: 'batch' }
  | { kind: 'dashboard' }

export type ImportStage = 'reading' | 'compressing' | 'saving' | 'done' | 'waiting'

/** A request from the data check to scroll to one field of the subject or site form. */
export type FocusRequest = { where: 'subject' | 'site'; field: string; nonce: number }

type State = {
  workspace: Workspace | null
  /** Main refused the workspace as locked (an encrypted workspace before unlock): no workspace shown. */
  locked: boolean
  focus: FocusRequest | null
  selection: Selection
  /** Keyed by `slotStateKey`. */
  importing: Record<string, ImportStage>
  importErrors: Record<string, AppError>
}

const EMPTY: Workspace = { subjects: [], sites: [], materials: [] }

export const useWorkspaceStore = create<State>(() => ({
  workspace: null,
  locked: false,
  focus: null,
  selection: { kind: 'welcome' },
  importing: {},
  importErrors: {},
}))

export function slotStateKey(target: { ownerId: string; slot: string }): string {
  return `${target.ownerId}/${target.slot}`
}

/** Programmatic selection (after a save); user navigation goes through `navigate`. */
export function select(selection: Selection): void {
  useWorkspaceStore.setState({ selection })
}

let dirtyCheck: (() => boolean) | null = null
let confirmLeave: () => Promise<boolean> = () => Promise.resolve(true)

/** The mounted form reports unsaved edits here; returns the unregister function. */
export function registerDirtyCheck(check: () => boolean): () => void {
  dirtyCheck = check
  return () => {
    if (dirtyCheck === check) dirtyCheck = null
  }
}

/** The mounted form holds edits not saved yet (locking or leaving would drop them). */
export function hasUnsavedEdits(): boolean {
  return dirtyCheck?.() ?? false
}

/** Asks before an action that drops unsaved edits (true: go on); no question when there are none. */
export async function confirmDropEdits(): Promise<boolean> {
  return !hasUnsavedEdits() || (await confirmLeave())
}

/** The app registers a confirmation dialog ("放弃未保存的修改？"). */
export function setLeaveConfirmer(confirm: () => Promise<boolean>): void {
  confirmLeave = confirm
}

/** User navigation: asks before leaving a form with unsaved edits. */
export async function navigate(selection: Selection): Promise<boolean> {
  if (!(await confirmDropEdits())) return false
  select(selection)
  return true
}

export function requestFocus(where: FocusRequest['where'], field: string): void {
  useWorkspaceStore.setState({ focus: { where, field, nonce: Date.now() } })
}

export function clearFocus(): void {
  useWorkspaceStore.setState({ focus: null })
}

/** Loads the workspace from main, or takes an answer already asked for (the start's early request). */
export async function loadWorkspace(answer?: Promise<Result<Workspace>>): Promise<boolean> {
  const result = await (answer ?? request('workspace:load'))
  // Locked (encrypted, not unlocked yet): the unlock screen, never an empty workspace in its place.
  if (!result.ok && result.error.code === LOCKED) {
    useWorkspaceStore.setState({ workspace: null, locked: true })
    return false
  }
  const workspace = unwrap(result)
  if (!workspace) {
    if (!useWorkspaceStore.getState().workspace) useWorkspaceStore.setState({ workspace: EMPTY })
    return false
  }
  useWorkspaceStore.setState({ workspace, locked: false })
  return true
}

/** Main locked the workspace (auto-lock, 立即锁定): its data leaves the window until unlocked. */
export function hideLockedWorkspace(): void {
  useWorkspaceStore.setState({ workspace: null, locked: true, selection: { kind: 'welcome' } })
}

export async function saveSubject(subject: Subject): Promise<Subject | undefined> {
  const saved = await api.saveSubject(subject)
  if (!saved) return undefined
  await loadWorkspace()
  select({ kind: 'subject', id: saved.id })
  return saved
}

export async function saveSite(site: Site): Promise<Site | undefined> {
  const saved = await api.saveSite(site)
  if (!saved) return undefined
  await loadWorkspace()
  select({ kind: 'site', id: saved.id })
  return saved
}

export async function deleteSubject(id: string): Promise<void> {
  const workspace = await api.deleteSubject(id)
  if (!workspace) return
  useWorkspaceStore.setState({ workspace, selection: { kind: 'welcome' } })
}

export async function deleteSite(id: string, subjectId: string): Promise<void> {
  const workspace = await api.deleteSite(id)
  if (!workspace) return
  useWorkspaceStore.setState({ workspace, selection: { kind: 'subject', id: subjectId } })
}

function patchSlot(key: string, stage: ImportStage | undefined, error?: AppError | null): void {
  useWorkspaceStore.setState((s) => {
    const importing = { ...s.importing }
    if (stage) importing[key] = stage
    else delete importing[key]
    const importErrors = { ...s.importErrors }
    if (error) importErrors[key] = error
    else if (error === null) delete importErrors[key]
    return { importing, importErrors }
  })
}

export function setImportStage(key: string, stage: ImportStage): void {
  if (useWorkspaceStore.getState().importing[key]) patchSlot(key, stage)
}

/** Imports one file into a slot. An error stays on the card; the existing material is kept. */
export async function importMaterial(target: ImportTarget, path: string): Promise<boolean> {
  const key = slotStateKey(target)
  patchSlot(key, 'waiting', null)
  const result = await api.importMaterial(target, path)
  if (result.ok) await loadWorkspace()
  patchSlot(key, undefined, result.ok ? null : result.error)
  return result.ok
}

export function setSlotError(target: { ownerId: string; slot: SlotKey }, error: AppError | null): void {
  patchSlot(slotStateKey(target), undefined, error)
}

export async function removeMaterial(id: string, target: { ownerId: string; slot: SlotKey }): Promise<void> {
  const workspace = await api.removeMaterial(id)
  if (!workspace) return
  useWorkspaceStore.setState({ workspace })
  setSlotError(target, null)
}

/** Re-compresses a material with the editor's settings; the stored material gets a new id. */
export async function editMaterial(req: RequestOf<'materials:edit'>): Promise<Result<Material>> {
  const result = await api.editMaterial(req)
  if (result.ok) await loadWorkspace()
  return result
}
