import { act, cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { request, setErrorPresenter } from '../../../../renderer/src/api'
import { useLockStore } from '../../../../renderer/src/features/settings/lock-store'
import { CHECK_MS, idleLongEnough, useAutoLock } from '../../../../renderer/src/features/settings/useAutoLock'
import { registerDirtyCheck } from '../../../../renderer/src/features/workspace/store'
import { installBridge, type Answer } from '../../support/bridge'

const LOCKED = {
  encrypted: true,
  unlocked: false,
  protection: 'passphrase',
  keychainAvailable: false,
  keychainBackend: 'basic_text',
  recoveryPending: false,
  materialsEncrypted: true,
}

function Host() {
  useAutoLock()
  return null
}

describe('idleLongEnough', () => {
  it('locks only when on, idle for the minutes chosen, and nothing is pending', () => {
    expect(idleLongEnough(5, 5 * 60_000, 0)).toBe(true)
    expect(idleLongEnough(5, 5 * 60_000 - 1, 0)).toBe(false)
    expect(idleLongEnough(5, 60 * 60_000, 1)).toBe(false)
    expect(idleLongEnough(0, 60 * 60_000, 0)).toBe(false)
  })
})

describe('useAutoLock', () => {
  let invoke: ReturnType<typeof installBridge>
  beforeEach(() => {
    vi.useFakeTimers()
    setErrorPresenter(() => undefined)
    // As App's start-up sets it from the stored settings.
    useLockStore.setState({ promptOpen: false, autoLockMinutes: 5 })
    invoke = installBridge((channel) => {
      if (channel === 'encryption:lock') return { ok: true, value: LOCKED }
      // A long export: answered only after the test.
      if (channel === 'packet:export') return new Promise<Answer>(() => undefined)
      return undefined
    })
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  const locks = () => invoke.mock.calls.filter(([c]) => c === 'encryption:lock').length
  const idle = (ms: number) =>
    act(async () => {
      await vi.advanceTimersByTimeAsync(ms)
    })

  it('locks after the idle minutes and brings up the unlock prompt', async () => {
    render(<Host />)
    await idle(4 * 60_000)
    expect(locks()).toBe(0)
    await idle(60_000 + CHECK_MS)
    expect(locks()).toBe(1)
    expect(useLockStore.getState().promptOpen).toBe(true)
  })

  it('a key pressed now and then keeps it open', async () => {
    render(<Host />)
    for (let i = 0; i < 4; i++) {
      await idle(3 * 60_000)
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    }
    expect(locks()).toBe(0)
  })

  it('never locks while a form holds unsaved edits, and locks once they are saved or dropped', async () => {
    let dirty = true
    const unregister = registerDirtyCheck(() => dirty)
    try {
      render(<Host />)
      await idle(20 * 60_000)
      expect(locks()).toBe(0)
      dirty = false
      await idle(CHECK_MS)
      expect(locks()).toBe(1)
    } finally {
      unregister()
    }
  })

  it('never locks while a request is pending (a long export)', async () => {
    render(<Host />)
    void request('packet:export', { siteId: 's1', format: 'zip', target: '/tmp/x.zip' } as never)
    await idle(20 * 60_000)
    expect(locks()).toBe(0)
  })
})
