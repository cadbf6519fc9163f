/**
 * The full handler map: one module per area, merged here. A channel of the contract
 * without a handler is a compile error (the `Handlers` type requires every key).
 */
import { createServices, type Services } from '../services/container'
import { PathGrants } from '../services/path-grants'
import type { KeychainPort } from '../services/crypto/keychain'
import type { OpenedStore, StoreBackend } from '../services/store'
import type { StoreOpener } from '../services/store-session'
import { archiveHandlers, type ArchiveDialogs } from './archive'
import { clientImportHandlers, type TableDialogs } from './client-import'
import { clipboardHandlers, type ClipboardPort } from './clipboard'
import { encryptionHandlers } from './encryption'
import { filingHandlers } from './filing'
import { gateHandlers } from './gate'
import { materialHandlers } from './materials'
import { ocrHandlers } from './ocr'
import { packetHandlers } from './packet'
import { retentionHandlers } from './retention'
import { systemHandlers } from './system'
import type { Dialogs, Handlers } from './types'
import { workspaceHandlers } from './workspace'

export type HandlerDeps = {
  dataDir: string
  divisionsDir: string
  /** An opener: the store opens as the workspace key allows (services/store-session.ts). */
  store: StoreBackend | StoreOpener
  /** Called once the store first opened (recovery to report, an old import to sweep). */
  onStoreOpened?: (store: OpenedStore) => void
  dialogs: Dialogs
  openExternal: (url: string) => Promise<boolean>
  /** Open/save dialogs for the client import and the dashboard export (absent: those channels refuse). */
  tableDialogs?: TableDialogs
  /** Main's clipboard for system:copyText (absent: the channel answers false). */
  clipboard?: ClipboardPort
  /** The paths main handed out (dialogs, dropped files); channels taking a path check it. */
  grants?: PathGrants
  /** Electron's safeStorage as a port (wraps the data key); absent: passphrase only. */
  keychain?: KeychainPort | null
  /** Save/open dialogs for the workspace archive (absent: those channels refuse). */
  archiveDialogs?: ArchiveDialogs
  /** Restarts the app (a staged archive import is moved in at start). */
  relaunch?: () => void
}

export function handlersFor(
  services: Services,
  deps: Pick<HandlerDeps, 'dialogs' | 'openExternal' | 'tableDialogs' | 'clipboard' | 'grants'> &
    Partial<Pick<HandlerDeps, 'archiveDialogs' | 'keychain' | 'relaunch'>>,
): Handlers {
  const grants = deps.grants ?? new PathGrants()
  return gateHandlers(allHandlers(services, deps, grants), services.storeReady)
}

function allHandlers(
  services: Services,
  deps: Parameters<typeof handlersFor>[1],
  grants: PathGrants,
): Handlers {
  return {
    ...workspaceHandlers(services),
    ...materialHandlers(services, grants),
    ...ocrHandlers(services),
    ...packetHandlers(services, grants),
    ...filingHandlers(services),
    ...retentionHandlers(services),
    ...clientImportHandlers(services, deps.tableDialogs),
    ...systemHandlers(services, deps.dialogs, deps.openExternal, grants),
    ...encryptionHandlers(services),
    ...clipboardHandlers(deps.clipboard),
    ...archiveHandlers(services, {
      ...(deps.archiveDialogs ? { dialogs: deps.archiveDialogs } : {}),
      keychain: deps.keychain ?? null,
      ...(deps.relaunch ? { relaunch: deps.relaunch } : {}),
    }),
    'divisions:children': ({ code }) => services.divisions.children(code),
  }
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const options = {
    keychain: deps.keychain ?? null,
    ...(deps.onStoreOpened ? { onStoreOpened: deps.onStoreOpened } : {}),
  }
  return handlersFor(createServices(deps.dataDir, deps.store, deps.divisionsDir, options), deps)
}
