/**
 * Builds `window.beian` from the contract's allow-lists and nothing else: `invoke` for the
 * channels in `API_CHANNELS`, `on` for the events in `EVENT_CHANNELS`, and `pathsForFiles` for
 * dropped files. It never exposes `ipcRenderer`, the IPC event object, `require` or Node APIs.
 * Bundled to one CJS file (out/preload/index.cjs) so the renderer stays sandboxed.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { isChannel, isEventName, type BeianBridge } from '../../core/api'

const bridge = {
  invoke: (channel, ...args) =>
    isChannel(channel)
      ? ipcRenderer.invoke(channel, ...args)
      : Promise.reject(new Error(`未知的接口名称：${String(channel)}`)),
  on: (event, listener) => {
    if (!isEventName(event)) throw new Error(`未知的事件名称：${String(event)}`)
    const forward = (_event: IpcRendererEvent, payload: unknown) =>
      listener(payload as Parameters<typeof listener>[0])
    ipcRenderer.on(event, forward)
    return () => void ipcRenderer.removeListener(event, forward)
  },
  pathsForFiles: (files) =>
    Promise.resolve(files.map((file) => webUtils.getPathForFile(file)).filter(Boolean)),
} satisfies BeianBridge<File>

contextBridge.exposeInMainWorld('beian', bridge)
