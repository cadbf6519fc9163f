/**
 * The one IPC wrapper (security checklist item 17). Registers exactly the contract's channels
 * and, for each call: refuses unknown channels, refuses senders other than the app's own main
 * frame, parses the payload with the channel's schema, runs the handler and answers a
 * `Result`. Nothing throws across IPC.
 *
 * `ipcMain` is passed in (no runtime `electron` import) so this is unit-tested with fakes.
 */
import { z } from 'zod'
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron'
import { CHANNELS, isChannel, isEventName, requestSchemas, type AppError, type Channel, type Result } from '../../../core/api'
import { APP_HOST, APP_SCHEME, devServerUrl } from '../app-protocol'
import type { HandlerContext, Handlers } from './types'

export type SenderPolicy = {
  isPackaged: boolean
  /** `process.env.ELECTRON_RENDERER_URL`; trusted only when not packaged. */
  devServerUrl: string | undefined
}

type Logger = Pick<Console, 'error' | 'warn'>
type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>

const UNKNOWN_CHANNEL: AppError = {
  code: 'ipc/unknown-channel',
  message: '应用内部请求的名称无效，操作未执行。请重启应用后再试。',
}
const UNTRUSTED_SENDER: AppError = {
  code: 'ipc/untrusted-sender',
  message: '请求并非来自本应用的主窗口，已拒绝。请在应用主界面中操作。',
}
const UNEXPECTED: AppError = {
  code: 'internal/unexpected',
  message: '操作未能完成，发生了意外错误。请重试；如果问题持续出现，请重启应用。',
}

/** The sender is the top-level frame of a page served from `app://bundle` (or the dev server). */
export function isTrustedSender(event: InvokeEvent, policy: SenderPolicy): boolean {
  const frame = event.senderFrame
  if (!frame || frame.detached || frame.parent !== null || !isSameFrame(frame, event.sender.mainFrame)) return false
  return isTrustedUrl(frame.url, policy)
}

/** Electron may hand out distinct wrappers for one frame, so compare its token as well. */
function isSameFrame(a: WebFrameMain, b: WebFrameMain): boolean {
  return a === b || (a.frameToken === b.frameToken && a.processId === b.processId)
}

export function isTrustedUrl(rawUrl: string, policy: SenderPolicy): boolean {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return false
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  const dev = devServerUrl(policy.isPackaged, policy.devServerUrl)
  return dev !== null && url.origin === dev.origin
}

/** Handles one call on `channel`; always resolves to a `Result`. */
export async function dispatch(
  handlers: Handlers,
  policy: SenderPolicy,
  log: Logger,
  channel: string,
  event: InvokeEvent,
  args: unknown[],
): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) return { ok: false, error: UNKNOWN_CHANNEL }
    if (!isTrustedSender(event, policy)) {
      log.warn(`[ipc] refused ${channel} from an untrusted sender`)
      return { ok: false, error: UNTRUSTED_SENDER }
    }
    const parsed = parseRequest(channel, args)
    if (!parsed.ok) return parsed
    const handler = handlers[channel] as (req: unknown, ctx: HandlerContext) => unknown
    return { ok: true, value: await handler(parsed.value, contextFor(event.sender)) }
  } catch (error) {
    return { ok: false, error: toAppError(error, channel, log) }
  }
}

/**
 * Registers every contract channel through `dispatch`. Returns a function that removes them.
 * Throws at start-up if a handler is missing (the types already make that a compile error).
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  policy: SenderPolicy,
  log: Logger = console,
): () => void {
  for (const channel of CHANNELS) {
    if (typeof handlers[channel] !== 'function') throw new Error(`IPC handler missing for ${channel}`)
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(handlers, policy, log, channel, event, args))
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel))
}

function parseRequest(channel: Channel, args: unknown[]): Result<unknown> {
  const schema: z.ZodType = requestSchemas[channel]
  const result = args.length > 1 ? null : schema.safeParse(args[0], { error: zhCN.localeError })
  if (result?.success) return { ok: true, value: result.data }
  const details = result ? result.error.issues.map(describeIssue) : ['参数个数不正确']
  return {
    ok: false,
    error: {
      code: 'ipc/invalid-request',
      message: '提交的数据格式不正确，操作未执行。请检查填写的内容后重试；如果问题持续出现，请重启应用。',
      details,
    },
  }
}

const zhCN = z.locales.zhCN()

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.')
  return path ? `${path}：${issue.message}` : issue.message
}

function contextFor(sender: WebContents): HandlerContext {
  return {
    emit(name, payload) {
      if (isEventName(name) && !sender.isDestroyed()) sender.send(name, payload)
    },
  }
}

const CJK = /[\u3400-\u9fff]/

/** Errors that already carry a code and a Chinese message pass through; others are masked. */
export function toAppError(error: unknown, channel: string, log: Logger): AppError {
  if (isAppErrorLike(error)) {
    const details = Array.isArray(error.details) ? error.details.filter((d) => typeof d === 'string') : undefined
    return details ? { code: error.code, message: error.message, details } : { code: error.code, message: error.message }
  }
  log.error(`[ipc] ${channel} failed unexpectedly`, error)
  return UNEXPECTED
}

function isAppErrorLike(error: unknown): error is { code: string; message: string; details?: unknown } {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  return typeof code === 'string' && code.length > 0 && typeof message === 'string' && CJK.test(message)
}
