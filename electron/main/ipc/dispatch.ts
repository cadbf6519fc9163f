/**
 * One call of the contract, transport-agnostic: validate the payload with the channel's
 * schema, run the handler, and turn every outcome into a `Result`. Used by the Electron IPC
 * registration and by the loopback test bridge, so both behave identically.
 */
import type { AppError, Channel, Result } from '../../../core/api'
import { requestSchemas } from '../../../core/api-schemas'
import type { HandlerContext, Handlers } from './types'

const GENERIC: AppError = {
  code: 'internal',
  message: '操作没有完成：程序遇到意外错误。您的数据未受影响，请重试；若反复出现，请重启应用。',
}

function isAppErrorLike(error: unknown): error is { code: string; message: string; details?: string[] } {
  if (typeof error !== 'object' || error === null) return false
  const e = error as Record<string, unknown>
  // Only our own failures carry a dotted/slashed code and a Chinese message; raw library
  // errors (ENOENT, libvips text) must not reach the user.
  return (
    typeof e.code === 'string' &&
    /^[a-z]+\/[a-z0-9-]+$/.test(e.code) &&
    typeof e.message === 'string' &&
    /[\u4e00-\u9fff]/.test(e.message)
  )
}

export function toAppError(error: unknown): AppError {
  if (!isAppErrorLike(error)) return GENERIC
  const details = Array.isArray(error.details)
    ? error.details.filter((d): d is string => typeof d === 'string')
    : undefined
  return details && details.length > 0
    ? { code: error.code, message: error.message, details }
    : { code: error.code, message: error.message }
}

export async function dispatch(
  handlers: Handlers,
  channel: Channel,
  payload: unknown,
  ctx: HandlerContext,
  onUnexpected: (error: unknown) => void = (e) => console.error(`[ipc] ${channel} failed`, e),
): Promise<Result<unknown>> {
  const parsed = requestSchemas[channel].safeParse(payload)
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(请求)')
    return {
      ok: false,
      error: {
        code: 'ipc/invalid-request',
        message: '请求的数据格式不正确，操作已取消。请刷新界面后重试。',
        details: where,
      },
    }
  }
  try {
    const handler = handlers[channel] as (req: unknown, ctx: HandlerContext) => unknown
    return { ok: true, value: await handler(parsed.data, ctx) }
  } catch (error) {
    if (!isAppErrorLike(error)) onUnexpected(error)
    return { ok: false, error: toAppError(error) }
  }
}
