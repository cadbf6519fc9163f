/**
 * Auto-lock: after the chosen idle minutes without a key, a click, a scroll or a pending
 * request (a long export counts as activity), a passphrase-protected workspace is locked in main
 * and the unlock prompt comes up. Checked every CHECK_MS; main ignores it for other workspaces.
 * Never while a form holds unsaved edits: locking hides the workspace and would drop them, and
 * nothing the user typed may be lost (the form's own data is on screen either way).
 * The minutes come from the lock store (set from the settings read at start, and by the drawer).
 */
import { useEffect } from 'react'
import { call, requestsInFlight } from '../../api'
import { hasUnsavedEdits, hideLockedWorkspace } from '../workspace/store'
import { askToUnlock, useLockStore } from './lock-store'

export const CHECK_MS = 15_000
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/** Whether the window has been idle long enough to lock. Pure. */
export function idleLongEnough(minutes: number, idleMs: number, pending: number): boolean {
  return minutes > 0 && pending === 0 && idleMs >= minutes * 60_000
}

export function useAutoLock(): void {
  useEffect(() => {
    let alive = true
    let lastActive = Date.now()
    const touch = () => {
      lastActive = Date.now()
    }
    for (const name of ACTIVITY) window.addEventListener(name, touch, { capture: true, passive: true })
    const timer = setInterval(() => {
      const { autoLockMinutes, promptOpen } = useLockStore.getState()
      if (promptOpen || hasUnsavedEdits()) return
      if (!idleLongEnough(autoLockMinutes, Date.now() - lastActive, requestsInFlight())) return
      void call('encryption:lock').then((status) => {
        if (!alive || !status?.encrypted || status.unlocked) return
        hideLockedWorkspace()
        askToUnlock()
      })
      touch()
    }, CHECK_MS)
    return () => {
      alive = false
      clearInterval(timer)
      for (const name of ACTIVITY) window.removeEventListener(name, touch, { capture: true })
    }
  }, [])
}
