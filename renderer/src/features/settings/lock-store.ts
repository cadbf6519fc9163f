/**
 * The workspace lock as the window sees it: whether the unlock prompt is up, and the auto-lock
 * minutes (from the settings; 0 = never). Start-up, the auto-lock and the drawer share it.
 */
import { create } from 'zustand'

type LockState = { promptOpen: boolean; autoLockMinutes: number }

export const useLockStore = create<LockState>(() => ({ promptOpen: false, autoLockMinutes: 0 }))

export const askToUnlock = (): void => useLockStore.setState({ promptOpen: true })
export const closeUnlockPrompt = (): void => useLockStore.setState({ promptOpen: false })
export const setAutoLockMinutes = (minutes: number): void =>
  useLockStore.setState({ autoLockMinutes: minutes })
