/**
 * Browser side of the loopback test bridge: installs `window.beian` implementing the same
 * `BeianBridge` contract as the Electron preload, over fetch (calls, and a streamed
 * Server-Sent-Events response for events, so the token travels in a header only).
 * Served (transpiled, without any token) by server.ts; never part of the packaged app.
 *
 * The token arrives once in the page URL's fragment, which no server ever sees; it is taken
 * out of the address bar at once and kept in sessionStorage (this origin and tab only) so a
 * reload keeps working.
 */
import type { BeianBridge, Channel, EventName, Events, Result } from '../../core/api'

export function installBridge(fragmentKey: string, tokenHeader: string): void {
  const fragment = new URLSearchParams(location.hash.slice(1))
  const fromUrl = fragment.get(fragmentKey)
  if (fromUrl) {
    sessionStorage.setItem(fragmentKey, fromUrl)
    fragment.delete(fragmentKey)
    const rest = fragment.toString()
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`)
  }
  const token = sessionStorage.getItem(fragmentKey) ?? ''
  if (!token)
    console.error(
      `测试桥：页面地址缺少 #${fragmentKey}=…，无法连接。/ Test bridge: the page URL lacks #${fragmentKey}=….`,
    )
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  function deliver(block: string): void {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n')
    if (!data) return
    const { event, payload } = JSON.parse(data) as { event: string; payload: unknown }
    listeners.get(event)?.forEach((listener) => listener(payload))
  }

  async function listen(): Promise<void> {
    const response = await fetch('/__bridge/events', { headers: { [tokenHeader]: token } })
    if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`)
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += value
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        deliver(buffer.slice(0, end))
        buffer = buffer.slice(end + 2)
      }
    }
  }
  void listen().catch((error: unknown) =>
    console.error('测试桥事件流中断 / Test bridge event stream ended:', error),
  )

  /** A refusal of the bridge itself (bad token, …) as the contract's result object. */
  async function resultOf(response: Response): Promise<Result<unknown>> {
    const body = (await response.json()) as Result<unknown>
    if (response.ok || body.ok !== false) return body
    const code = body.error.code
    return {
      ok: false,
      error: { code, message: `测试桥拒绝了这次调用（${code}）。请用启动时显示的完整地址重新打开页面。` },
    }
  }

  async function upload(file: File): Promise<string> {
    const response = await fetch('/__bridge/upload', {
      method: 'POST',
      headers: {
        [tokenHeader]: token,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
    })
    if (!response.ok) throw new Error(`upload: HTTP ${response.status}`)
    return ((await response.json()) as { path: string }).path
  }

  /** Without a scripted answer, the image dialog falls back to the browser's file picker. */
  function browserPick(multiple: boolean): Promise<string[]> {
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.multiple = multiple
      input.onchange = () => void Promise.all([...(input.files ?? [])].map(upload)).then(resolve)
      input.oncancel = () => resolve([])
      input.click()
    })
  }

  async function call(channel: Channel, req: unknown): Promise<Result<unknown>> {
    const response = await fetch(`/__bridge/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [tokenHeader]: token },
      body: JSON.stringify(req === undefined ? {} : { req }),
    })
    const result = await resultOf(response)
    if (channel === 'dialog:pickImages' && response.headers.get('x-bridge-scripted') === '0' && result.ok) {
      return { ok: true, value: await browserPick((req as { multiple: boolean }).multiple) }
    }
    return result
  }

  const bridge = {
    invoke: ((channel: Channel, ...args: unknown[]) => call(channel, args[0])) as BeianBridge<File>['invoke'],
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set()
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      listeners.set(event, set)
      return () => void set.delete(wrapped)
    },
    pathsForFiles: (files: readonly File[]) => Promise.all(files.map(upload)),
  } satisfies BeianBridge<File>
  Object.defineProperty(window, 'beian', { value: Object.freeze(bridge), writable: false })
}
