import type { Channel, EventName, Events, RequestOf, ResponseOf } from '../../../core/api'

/** Lets a handler push progress events to the window that asked. */
export type HandlerContext = {
  emit<E extends EventName>(event: E, payload: Events[E]): void
}

/** Main's implementation of the contract: every channel, sync or async. */
export type Handlers = {
  [C in Channel]: (req: RequestOf<C>, ctx: HandlerContext) => Promise<ResponseOf<C>> | ResponseOf<C>
}

/** Dialogs differ between Electron and the test bridge, so handlers receive them. */
export type Dialogs = {
  pickImages(multiple: boolean): Promise<string[]>
  pickExportTarget(format: 'folder' | 'zip', suggestedName: string, purpose?: 'packet' | 'batch'): Promise<string | null>
}
