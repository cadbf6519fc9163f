/** 立即锁定 hides the workspace: with unsaved edits in a form it asks first, and only locks on yes. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EncryptionStatus } from '../../../../core/api'
import { setErrorPresenter } from '../../../../renderer/src/api'
import { AutoLockSettings } from '../../../../renderer/src/features/settings/AutoLockSettings'
import type { EncryptionT } from '../../../../renderer/src/features/settings/encryption-strings'
import {
  registerDirtyCheck,
  setLeaveConfirmer,
  useWorkspaceStore,
} from '../../../../renderer/src/features/workspace/store'
import { installBridge } from '../../support/bridge'

const UNLOCKED: EncryptionStatus = {
  encrypted: true,
  unlocked: true,
  protection: 'passphrase',
  keychainAvailable: false,
  keychainBackend: 'basic_text',
  recoveryPending: false,
  materialsEncrypted: true,
}
const LOCKED: EncryptionStatus = { ...UNLOCKED, unlocked: false }
const t: EncryptionT = (key) => key

describe('AutoLockSettings: 立即锁定', () => {
  let invoke: ReturnType<typeof installBridge>
  let unregister: () => void = () => undefined
  beforeEach(() => {
    setErrorPresenter(() => undefined)
    invoke = installBridge((channel) =>
      channel === 'encryption:lock' ? { ok: true, value: LOCKED } : undefined,
    )
  })
  afterEach(() => {
    unregister()
    setLeaveConfirmer(() => Promise.resolve(true))
    cleanup()
  })

  const locks = () => invoke.mock.calls.filter(([c]) => c === 'encryption:lock').length
  const lockNow = () =>
    act(async () => {
      fireEvent.click(screen.getByTestId('enc-lock-now'))
      await Promise.resolve()
    })

  it('asks before dropping unsaved edits, and keeps them when the answer is no', async () => {
    unregister = registerDirtyCheck(() => true)
    const confirm = vi.fn(() => Promise.resolve(false))
    setLeaveConfirmer(confirm)
    const onLocked = vi.fn()
    render(<AutoLockSettings status={UNLOCKED} onLocked={onLocked} t={t} />)
    await lockNow()
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(locks()).toBe(0)
    expect(onLocked).not.toHaveBeenCalled()
    expect(useWorkspaceStore.getState().locked).not.toBe(true)

    confirm.mockImplementation(() => Promise.resolve(true))
    await lockNow()
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledWith(LOCKED))
    expect(locks()).toBe(1)
    expect(useWorkspaceStore.getState().locked).toBe(true)
  })

  it('locks at once when no form holds edits', async () => {
    const confirm = vi.fn(() => Promise.resolve(false))
    setLeaveConfirmer(confirm)
    const onLocked = vi.fn()
    render(<AutoLockSettings status={UNLOCKED} onLocked={onLocked} t={t} />)
    await lockNow()
    await vi.waitFor(() => expect(onLocked).toHaveBeenCalledWith(LOCKED))
    expect(confirm).not.toHaveBeenCalled()
  })
})
