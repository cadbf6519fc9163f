/**
 * Every request waits until start-up has opened the store or found the workspace locked
 * (Services.storeReady): a window that asks early gets the real workspace or the locked
 * refusal, never a store that is not open yet read as an empty one.
 */
import type { Channel } from '../../../core/api'
import type { HandlerContext, Handlers } from './types'

export function gateHandlers(handlers: Handlers, ready: Promise<void>): Handlers {
  const gated: Partial<Record<Channel, unknown>> = {}
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler = handlers[channel] as (req: unknown, ctx: HandlerContext) => unknown
    gated[channel] = async (req: unknown, ctx: HandlerContext) => {
      await ready
      return handler(req, ctx)
    }
  }
  return gated as Handlers
}
