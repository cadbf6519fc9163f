/**
 * The store as the workspace key allows it. A workspace without a key file opens at once in
 * plaintext, as before encryption. An encrypted one opens only once its key is unlocked, through
 * the sealing codec (crypto/sealed-store-codec.ts); then an older plaintext store is sealed file
 * by file (store-seal.ts) and the key file records it. When the key is first made (encryption
 * turned on), the plaintext store is opened again sealed and migrated the same way.
 *
 * Until then, and after a lock, every read or write of the workspace is refused with the locked
 * message: never an empty workspace in its place, and no write can put one over the sealed store.
 * The repo handed to the services delegates to the open store's repo, so they need no rebuild.
 */
import type { Settings } from '../../../core/api'
import { lockedFailure, type WorkspaceKeys } from './crypto/workspace-keys'
import { createSealedStoreCodec, type SealedStoreCodec } from './crypto/sealed-store-codec'
import type { OpenedStore } from './store'
import { IDENTITY_CODEC, type StoreCodec } from './store-codec'
import { EMPTY_STATE } from './store-options'
import { sealStoreFiles } from './store-seal'
import { readUiLanguage, writeUiLanguage } from './ui-prefs'
import { createWorkspaceRepo, type WorkspaceRepo } from './workspace-repo'

/** Opens the data folder's store through `codec` (main: electron-store; CLI, bridge: conf). */
export type StoreOpener = (codec: StoreCodec) => OpenedStore

export type SessionKeys = Pick<WorkspaceKeys, 'isEncrypted' | 'dataKey' | 'status' | 'markStoreEncrypted'>

export type StoreSession = {
  /** The services' repo: the open store's, or the locked refusal while none may be used. */
  readonly repo: WorkspaceRepo
  /** The open store (backups, restore); throws like the repo while none may be used. */
  store(): OpenedStore
  /** Opens, re-opens sealed or resumes the store as the keys now allow; seals an older store. */
  sync(): void
  /** The key was forgotten (auto-lock, 立即锁定): refuse until the next sync after an unlock. */
  lock(): void
}

export type SessionOptions = {
  /** Called once, after the first open (main: report recovery, sweep an old import). */
  onFirstOpen?: (store: OpenedStore) => void
}

type Current = { store: OpenedStore; repo: WorkspaceRepo; codec: StoreCodec; sealed: boolean }

export function createStoreSession(
  dataDir: string,
  open: StoreOpener,
  keys: SessionKeys,
  options: SessionOptions = {},
): StoreSession {
  let current: Current | null = null
  let paused = false
  /** Why the last open failed (another writer holds the folder…), said instead of "locked". */
  let failure: unknown = null
  let everOpened = false

  const usable = (): Current => {
    if (current && !paused) return current
    throw failure ?? lockedFailure()
  }

  const openWith = (codec: StoreCodec, sealed: boolean): Current => {
    // Opened before the old one closes: this process keeps the writer lock throughout.
    const store = open(codec)
    const next: Current = { store, repo: createWorkspaceRepo(store), codec, sealed }
    current?.store.close()
    current = next
    if (!everOpened) {
      everOpened = true
      options.onFirstOpen?.(store)
    }
    // A language chosen while locked (below) is taken by the store; else the copy follows the store.
    const chosen = readUiLanguage(dataDir)
    if (chosen && chosen !== next.repo.settings().language) next.repo.updateSettings({ language: chosen })
    else writeUiLanguage(dataDir, next.repo.settings().language)
    return next
  }

  const sealedCodec = (key: Buffer): SealedStoreCodec =>
    createSealedStoreCodec(key, { acceptPlain: () => !keys.status().storeEncrypted })

  const sync = (): void => {
    if (!keys.isEncrypted()) {
      if (!current) openWith(IDENTITY_CODEC, false)
      paused = false
      return
    }
    const key = keys.dataKey()
    if (!key) {
      paused = true
      return
    }
    const live = current?.sealed ? current : openWith(sealedCodec(key), true)
    if (!keys.status().storeEncrypted) {
      sealStoreFiles(dataDir, live.codec as SealedStoreCodec)
      keys.markStoreEncrypted()
    }
    paused = false
  }

  const lockedSettings = (): Settings => ({
    ...EMPTY_STATE.settings,
    language: readUiLanguage(dataDir) ?? EMPTY_STATE.settings.language,
  })

  const repo: WorkspaceRepo = {
    workspace: () => usable().repo.workspace(),
    // Before unlock the window still needs its language (ui-prefs.ts); nothing personal.
    settings: () => (current && !paused ? current.repo.settings() : lockedSettings()),
    commit: (next) => usable().repo.commit(next),
    replace: (next) => usable().repo.replace(next),
    updateSettings(patch) {
      const onlyLanguage = Object.entries(patch).every(([k, v]) => k === 'language' || v === undefined)
      if (!(current && !paused) && onlyLanguage && patch.language) {
        // Locked: the window's language may still change (nothing personal, ui-prefs.ts).
        writeUiLanguage(dataDir, patch.language)
        return lockedSettings()
      }
      const settings = usable().repo.updateSettings(patch)
      if (patch.language) writeUiLanguage(dataDir, settings.language)
      return settings
    },
  }

  return {
    repo,
    store: () => usable().store,
    sync() {
      try {
        sync()
        failure = null
      } catch (error) {
        failure = error
        throw error
      }
    },
    lock() {
      // The store stays open behind the refusal (its writer lock held, so the CLI cannot write
      // meanwhile); its codec keeps the store sub-key in memory, as the keys keep a running seal's.
      if (keys.isEncrypted() && !keys.dataKey()) paused = true
    },
  }
}
