import { beforeAll, describe, expect, it, vi } from 'vitest'
import { API_CHANNELS, DROPPED_FILES_CHANNEL, EVENTS } from '../../../core/api'
import { fake } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

type LooseBridge = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(event: string, listener: (payload: unknown) => void): () => void
  pathsForFiles(files: readonly { name: string }[]): Promise<string[]>
}

let bridge: LooseBridge

// The preload belongs to the web tsconfig project, so it is imported by a path TypeScript does
// not follow from this (node project) test.
const PRELOAD_MODULE = '../../../electron/preload/index'

beforeAll(async () => {
  await import(/* @vite-ignore */ PRELOAD_MODULE)
  const call = fake.contextBridge.exposeInMainWorld.mock.calls[0]
  bridge = call?.[1] as LooseBridge
})

describe('preload bridge', () => {
  it('exposes exactly invoke, on and pathsForFiles, once, as window.beian', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(fake.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('beian')
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'pathsForFiles'])
    for (const value of Object.values(bridge)) expect(value).toBeTypeOf('function')
  })

  it.each(Object.keys(API_CHANNELS).filter((c) => c !== DROPPED_FILES_CHANNEL))(
    'forwards %s to ipcRenderer.invoke',
    async (channel) => {
      fake.ipcRenderer.invoke.mockClear()
      await expect(bridge.invoke(channel, { x: 1 })).resolves.toEqual({ ok: true, value: 'from-main' })
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, { x: 1 })
    },
  )

  it('refuses to let the page register a path: only pathsForFiles uses paths:registerDropped', async () => {
    fake.ipcRenderer.invoke.mockClear()
    await expect(bridge.invoke(DROPPED_FILES_CHANNEL, { paths: ['/etc/passwd'] })).rejects.toThrow(
      /未知的接口名称/,
    )
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('forwards a call without payload without inventing an argument', async () => {
    fake.ipcRenderer.invoke.mockClear()
    await bridge.invoke('workspace:load')
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('workspace:load')
  })

  it('forwards system:showItemInFolder with the path only (main decides whether to reveal it)', async () => {
    fake.ipcRenderer.invoke.mockClear()
    await bridge.invoke('system:showItemInFolder', { path: '/x/示例-公安备案材料.zip' })
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('system:showItemInFolder', {
      path: '/x/示例-公安备案材料.zip',
    })
  })

  it.each([
    'shell:openExternal',
    'shell:showItemInFolder',
    'system:openPath',
    'fs:read',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '',
    'materials:progress',
    'batch:started',
  ])('rejects the unknown channel %j without sending anything', async (channel) => {
    fake.ipcRenderer.invoke.mockClear()
    await expect(bridge.invoke(channel, {})).rejects.toThrow(/未知的接口名称/)
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('subscribes to an allow-listed event and forwards only the payload', () => {
    fake.ipcRenderer.on.mockClear()
    fake.ipcRenderer.removeListener.mockClear()
    const listener = vi.fn()
    const unsubscribe = bridge.on('materials:progress', listener)
    expect(fake.ipcRenderer.on).toHaveBeenCalledTimes(1)
    const [event, forward] = fake.ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void]
    expect(event).toBe('materials:progress')
    const ipcEvent = { sender: fake.ipcRenderer, ports: [] }
    forward(ipcEvent, { slot: 'domain-certificate', ownerId: 's1', stage: 'done' })
    expect(listener).toHaveBeenCalledExactlyOnceWith({
      slot: 'domain-certificate',
      ownerId: 's1',
      stage: 'done',
    })
    unsubscribe()
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith('materials:progress', forward)
  })

  it("allows exactly the contract's events, and no more", () => {
    expect([...EVENTS].sort()).toEqual([
      'archive:progress',
      'batch:progress',
      'batch:started',
      'materials:progress',
      'packet:progress',
    ])
  })

  it.each(EVENTS)('subscribes to %s and stops forwarding after unsubscribe', (event) => {
    fake.ipcRenderer.on.mockClear()
    fake.ipcRenderer.removeListener.mockClear()
    const listener = vi.fn()
    const unsubscribe = bridge.on(event, listener)
    const [name, forward] = fake.ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void]
    expect(name).toBe(event)
    const payload = { batchId: 'b1', index: 0, total: 2, input: '/in/a.jpg' }
    forward({ sender: fake.ipcRenderer, ports: [] }, payload)
    expect(listener).toHaveBeenCalledExactlyOnceWith(payload)
    unsubscribe()
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(event, forward)
  })

  it.each(['workspace:load', 'ipc:any', '__proto__', ''])(
    'throws for the unknown event %j without subscribing',
    (event) => {
      fake.ipcRenderer.on.mockClear()
      expect(() => bridge.on(event, vi.fn())).toThrow(/未知的事件名称/)
      expect(fake.ipcRenderer.on).not.toHaveBeenCalled()
    },
  )

  it('maps dropped files to their local paths with webUtils and registers them with main', async () => {
    fake.ipcRenderer.invoke.mockClear()
    fake.webUtils.getPathForFile.mockClear()
    const paths = ['/picked/id-front.jpg', '/picked/域名证书.png']
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: paths } as never)
    const files = [{ name: 'id-front.jpg' }, { name: '' }, { name: '域名证书.png' }]
    await expect(bridge.pathsForFiles(files)).resolves.toEqual(paths)
    expect(fake.webUtils.getPathForFile).toHaveBeenCalledTimes(3)
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(DROPPED_FILES_CHANNEL, { paths })
  })

  it('answers no paths when main refuses the registration, and asks nothing for no files', async () => {
    fake.ipcRenderer.invoke.mockClear()
    fake.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'ipc/invalid-request', message: '请求无效' },
    } as never)
    await expect(bridge.pathsForFiles([{ name: 'a.jpg' }])).resolves.toEqual([])
    fake.ipcRenderer.invoke.mockClear()
    await expect(bridge.pathsForFiles([{ name: '' }])).resolves.toEqual([])
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled()
  })
})
