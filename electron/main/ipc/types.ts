import type { Channel, RequestOf, ResponseOf } from '../../../core/api'
import type { ProgressSink } from '../services/ports'

export type { Dialogs } from '../services/ports'

/**
 * Lets a handler push progress events to the window that asked (the services' ProgressSink
 * port); `scope` names that window for its path grants (services/path-grants.ts; absent: the
 * one default scope, as in the single-page test bridge).
 */
export type HandlerContext = ProgressSink & { scope?: string }

/** Main's implementation of the contract: every channel, sync or async. */
export type Handlers = {
  [C in Channel]: (req: RequestOf<C>, ctx: HandlerContext) => Promise<ResponseOf<C>> | ResponseOf<C>
}
