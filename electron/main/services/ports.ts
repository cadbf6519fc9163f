/**
 * The ports services are handed (never import): where progress goes and how the user picks
 * files. Electron, the test bridge and the CLI each plug in their own; the IPC layer re-exports
 * them, so services never depend on it (a lint zone forbids services → ipc).
 */
import type { EventName, Events } from '../../../core/api'

/** Pushes progress events to whoever asked (the window that called, or nobody). */
export type ProgressSink = {
  emit<E extends EventName>(event: E, payload: Events[E]): void
}

/** Dialogs differ between Electron and the test bridge, so handlers receive them. */
export type Dialogs = {
  pickImages(multiple: boolean): Promise<string[]>
  pickExportTarget(
    format: 'folder' | 'zip',
    suggestedName: string,
    purpose?: 'packet' | 'batch',
  ): Promise<string | null>
}
