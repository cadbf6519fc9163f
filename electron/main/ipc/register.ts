/**
 * The one IPC wrapper (security checklist item 17). Registers exactly the contract's channels
 * and, for each call: refuses unknown channels, refuses senders other than the app's own main
 * frame, parses the payload with the channel's schema, runs the handler and answers a
 * `Result` (the last three through the shared `dispatch`). Nothing throws across IPC.
 *
 * `ipcMain` is passed in (no runtime `electron` import) so this is unit-tested with fakes.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron'
import { CHANNELS, isChannel, isEventName, type AppError, type Result } from '../../../core/api'
import { APP_HOST, APP_SCHEME, devServerUrl } from '../app-protocol'
import { dispatch, toAppError } from './dispatch'
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
const TOO_MANY_ARGUMENTS: AppError = {
  code: 'ipc/invalid-request',
  message: '请求的数据格式不正确（参数过多），操作已取消。请刷新界面后重试。',
}

/** The sender is the top-level frame of a page served from `app://bundle` (or the dev server). */
export function isTrustedSender(event: InvokeEvent, policy: SenderPolicy): boolean {
  const frame = event.senderFrame
  if (!frame || frame.detached || frame.parent !== null || !isSameFrame(frame, event.sender.mainFrame))
    return false
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

/**
 * Handles one call on `channel`; always resolves to a `Result`. The payload check, the handler
 * call and the error mapping are the shared `dispatch` (the loopback test bridge uses it too);
 * this adds what only Electron IPC has: the channel allow-list and the sender check.
 */
export async function handleInvoke(
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
    if (args.length > 1) return { ok: false, error: TOO_MANY_ARGUMENTS }
    const onUnexpected = (error: unknown) => log.error(`[ipc] ${channel} failed unexpectedly`, error)
    return await dispatch(handlers, channel, args[0], contextFor(event.sender), onUnexpected)
  } catch (error) {
    log.error(`[ipc] ${channel} failed unexpectedly`, error)
    return { ok: false, error: toAppError(error) }
  }
}

/**
 * Registers every contract channel through `handleInvoke`. Returns a function that removes them.
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
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      handleInvoke(handlers, policy, log, channel, event, args),
    )
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel))
}

/** The path-grant scope of a window's webContents: one window cannot use another's files. */
export function grantScopeOf(webContentsId: number): string {
  return `window-${webContentsId}`
}

function contextFor(sender: WebContents): HandlerContext {
  return {
    scope: grantScopeOf(sender.id),
    emit(name, payload) {
      if (isEventName(name) && !sender.isDestroyed()) sender.send(name, payload)
    },
  }
}
