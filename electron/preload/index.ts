/**
 * Builds `window.beian` from the contract's allow-lists and nothing else: `invoke` for the
 * channels in `API_CHANNELS` (except DROPPED_FILES_CHANNEL), `on` for the events in
 * `EVENT_CHANNELS`, and `pathsForFiles` for dropped files: it resolves their paths and registers
 * them with main, which then lets the page use those paths and no others (a page can drop
 * files, never name one). It never exposes `ipcRenderer`, the IPC event object, `require` or
 * Node APIs.
 * Bundled to one CJS file (out/preload/index.cjs) so the renderer stays sandboxed.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import {
  BATCH_MAX_FILES,
  DROPPED_FILES_CHANNEL,
  isChannel,
  isEventName,
  type BeianBridge,
  type Result,
} from '../../core/api'

const bridge = {
  invoke: (channel, ...args) =>
    isChannel(channel) && channel !== DROPPED_FILES_CHANNEL
      ? ipcRenderer.invoke(channel, ...args)
      : Promise.reject(new Error(`未知的接口名称：${String(channel)}`)),
  on: (event, listener) => {
    if (!isEventName(event)) throw new Error(`未知的事件名称：${String(event)}`)
    const forward = (_event: IpcRendererEvent, payload: unknown) =>
      listener(payload as Parameters<typeof listener>[0])
    ipcRenderer.on(event, forward)
    return () => void ipcRenderer.removeListener(event, forward)
  },
  pathsForFiles: async (files) => {
    const paths = files
      .slice(0, BATCH_MAX_FILES)
      .map((file) => webUtils.getPathForFile(file))
      .filter(Boolean)
    if (paths.length === 0) return []
    const result = (await ipcRenderer.invoke(DROPPED_FILES_CHANNEL, { paths })) as Result<string[]>
    return result.ok ? result.value : []
  },
} satisfies BeianBridge<File>

contextBridge.exposeInMainWorld('beian', bridge)
