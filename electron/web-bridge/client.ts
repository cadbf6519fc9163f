/**
 * Browser side of the loopback test bridge: installs `window.beian` implementing the same
 * `BeianBridge` contract as the Electron preload, over fetch + Server-Sent Events.
 * Served (transpiled) by server.ts; never part of the packaged app.
 */
import type { BeianBridge, Channel, EventName, Events, Result } from '../../core/api'

export function installBridge(token: string): void {
  const headers = { 'content-type': 'application/json', 'x-bridge-token': token }
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const source = new EventSource(`/__bridge/events?token=${encodeURIComponent(token)}`)
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown }
    listeners.get(event)?.forEach((listener) => listener(payload))
  }

  async function upload(file: File): Promise<string> {
    const response = await fetch('/__bridge/upload', {
      method: 'POST',
      headers: { 'x-bridge-token': token, 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    })
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
      headers,
      body: JSON.stringify(req === undefined ? {} : { req }),
    })
    const result = (await response.json()) as Result<unknown>
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
