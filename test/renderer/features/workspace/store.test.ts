import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BeianBridge } from '../../../../core/api'
import type { Workspace } from '../../../../core/model'
import { setErrorPresenter } from '../../../../renderer/src/api'
import {
  importMaterial,
  loadWorkspace,
  navigate,
  registerDirtyCheck,
  setLeaveConfirmer,
  slotStateKey,
  useWorkspaceStore,
} from '../../../../renderer/src/features/workspace/store'

const target = { ownerKind: 'subject' as const, ownerId: 'subj_1', slot: 'principal-id-front' as const }
let stored: Workspace

function install(importAnswer: unknown) {
  const invoke = vi.fn(async (channel: string) => {
    if (channel === 'workspace:load') return { ok: true, value: stored }
    if (channel === 'materials:import') return importAnswer
    return { ok: false, error: { code: 'x', message: 'unexpected' } }
  })
  window.beian = { invoke, on: vi.fn(), pathsForFiles: vi.fn() } as unknown as BeianBridge<File>
  return invoke
}

beforeEach(() => {
  stored = { subjects: [], sites: [], materials: [] }
  useWorkspaceStore.setState({
    workspace: null,
    locked: false,
    importing: {},
    importErrors: {},
    selection: { kind: 'welcome' },
  })
  setErrorPresenter(() => undefined)
})
afterEach(() => {
  delete window.beian
})

describe('workspace store', () => {
  it('loads the workspace from main', async () => {
    install({ ok: true, value: {} })
    expect(await loadWorkspace()).toBe(true)
    expect(useWorkspaceStore.getState().workspace).toEqual(stored)
  })

  it('a locked workspace is never shown as an empty one: locked, no workspace, no error shown', async () => {
    const shown: unknown[] = []
    setErrorPresenter((e) => void shown.push(e))
    const locked = {
      code: 'crypto/locked',
      message: '工作区已加密且尚未解锁：请在“设置 → 数据加密”中输入口令…',
    }
    window.beian = {
      invoke: vi.fn(async () => ({ ok: false, error: locked })),
      on: vi.fn(),
      pathsForFiles: vi.fn(),
    } as unknown as BeianBridge<File>
    expect(await loadWorkspace()).toBe(false)
    expect(useWorkspaceStore.getState()).toMatchObject({ workspace: null, locked: true })
    expect(shown).toEqual([])
    install({ ok: true, value: {} })
    expect(await loadWorkspace()).toBe(true)
    expect(useWorkspaceStore.getState()).toMatchObject({ workspace: stored, locked: false })
  })

  it('keeps an import error on the slot and does not reload', async () => {
    const invoke = install({ ok: false, error: { code: 'image/unreadable', message: '无法读取这张图片' } })
    expect(await importMaterial(target, '/x/broken.jpg')).toBe(false)
    const state = useWorkspaceStore.getState()
    expect(state.importErrors[slotStateKey(target)]?.message).toBe('无法读取这张图片')
    expect(state.importing[slotStateKey(target)]).toBeUndefined()
    expect(invoke).not.toHaveBeenCalledWith('workspace:load')
  })

  it('reloads after a successful import and clears the previous error', async () => {
    useWorkspaceStore.setState({ importErrors: { [slotStateKey(target)]: { code: 'x', message: 'old' } } })
    const invoke = install({ ok: true, value: { id: 'm1' } })
    expect(await importMaterial(target, '/x/ok.jpg')).toBe(true)
    expect(invoke).toHaveBeenCalledWith('materials:import', { ...target, path: '/x/ok.jpg' })
    expect(invoke).toHaveBeenCalledWith('workspace:load')
    expect(useWorkspaceStore.getState().importErrors).toEqual({})
  })
})

describe('navigation guard', () => {
  it('asks before leaving unsaved edits and stays when the user declines', async () => {
    let dirty = true
    const confirm = vi.fn(async () => false)
    setLeaveConfirmer(confirm)
    const unregister = registerDirtyCheck(() => dirty)
    expect(await navigate({ kind: 'new-subject' })).toBe(false)
    expect(useWorkspaceStore.getState().selection).toEqual({ kind: 'welcome' })
    dirty = false
    expect(await navigate({ kind: 'new-subject' })).toBe(true)
    expect(confirm).toHaveBeenCalledOnce()
    unregister()
    dirty = true
    expect(await navigate({ kind: 'welcome' })).toBe(true)
    expect(confirm).toHaveBeenCalledOnce()
  })
})
