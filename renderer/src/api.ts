/**
 * The renderer's only door to main. Everything else imports from here, never `window.beian`.
 * Calls answer `Result` objects; `call` turns a failure into `undefined` after showing the
 * Chinese message (and its details) through the presenter the app registers.
 */
import type {
  AppError,
  BatchSummary,
  BeianBridge,
  Channel,
  EventName,
  Events,
  ExportFormat,
  ExportSummary,
  MaterialPreview,
  MaterialSourceImage,
  RequestOf,
  ResponseOf,
  Result,
  Settings,
} from '../../core/api'
import type { Material, SlotKey, SlotOwner, Site, Subject, Workspace } from '../../core/model'

declare global {
  // Window augmentation needs an interface; the preload fills it in.
  interface Window {
    beian?: BeianBridge<File>
  }
}

type Args<C extends Channel> = RequestOf<C> extends undefined ? [] : [RequestOf<C>]

export type ErrorPresenter = (error: AppError) => void

let presenter: ErrorPresenter = (error) => {
  console.error(error.message, error.details ?? [])
}

/** The app registers antd's notification here once it is mounted. */
export function setErrorPresenter(next: ErrorPresenter): void {
  presenter = next
}

export function showError(error: AppError): void {
  presenter(error)
}

export function bridgeAvailable(): boolean {
  return typeof window !== 'undefined' && window.beian !== undefined
}

const NO_BRIDGE: AppError = {
  code: 'bridge/missing',
  message: '程序内部接口不可用：请关闭后重新打开本程序。如果问题仍在，请重新安装。',
}

function failure(cause: unknown): AppError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return {
    code: 'bridge/failed',
    message: '与程序后台通信失败，刚才的操作没有完成。您填写的内容仍在，请稍后重试。',
    details: reason ? [reason] : undefined,
  }
}

/** Invokes a channel and always answers a Result (a thrown bridge error becomes ok:false). */
let inFlight = 0
/** Requests main has not answered yet: a long export counts as activity for the auto-lock. */
export const requestsInFlight = (): number => inFlight

export async function request<C extends Channel>(
  channel: C,
  ...args: Args<C>
): Promise<Result<ResponseOf<C>>> {
  const bridge = window.beian
  if (!bridge) return { ok: false, error: NO_BRIDGE }
  inFlight++
  try {
    const result = await bridge.invoke(channel, ...args)
    if (result && typeof result === 'object' && 'ok' in result) return result
    return { ok: false, error: failure('unexpected answer') }
  } catch (cause) {
    return { ok: false, error: failure(cause) }
  } finally {
    inFlight--
  }
}

/** Unwraps a Result: the value, or `undefined` after showing the error to the user. */
export function unwrap<T>(result: Result<T>): T | undefined {
  if (result.ok) return result.value
  showError(result.error)
  return undefined
}

export async function call<C extends Channel>(
  channel: C,
  ...args: Args<C>
): Promise<ResponseOf<C> | undefined> {
  return unwrap(await request(channel, ...args))
}

/** Subscribes to a main-process event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  const bridge = window.beian
  if (!bridge) return () => undefined
  return bridge.on(event, listener)
}

export type ImportTarget = { ownerKind: SlotOwner; ownerId: string; slot: SlotKey }

/** Typed operations the features use. */
export const api = {
  loadWorkspace: (): Promise<Workspace | undefined> => call('workspace:load'),
  saveSubject: (subject: Subject): Promise<Subject | undefined> => call('subjects:save', subject),
  deleteSubject: (id: string): Promise<Workspace | undefined> => call('subjects:delete', { id }),
  saveSite: (site: Site): Promise<Site | undefined> => call('sites:save', site),
  deleteSite: (id: string): Promise<Workspace | undefined> => call('sites:delete', { id }),
  /** Import errors are shown on the slot card, so the caller receives the Result. */
  importMaterial: (target: ImportTarget, path: string): Promise<Result<Material>> =>
    request('materials:import', { ...target, path }),
  /** Edit errors are shown inside the editor, so the caller receives the Result. */
  editMaterial: (req: RequestOf<'materials:edit'>): Promise<Result<Material>> =>
    request('materials:edit', req),
  /** The same region of the original and the compressed copy at 100 %. */
  previewMaterial: (req: RequestOf<'materials:preview'>): Promise<Result<MaterialPreview>> =>
    request('materials:preview', req),
  /** Runs until every file is done or the batch is cancelled; each file reports `batch:started` and `batch:progress`. */
  compressBatch: (req: RequestOf<'batch:compress'>): Promise<Result<BatchSummary>> =>
    request('batch:compress', req),
  cancelBatch: (batchId: string): Promise<boolean | undefined> => call('batch:cancel', { batchId }),
  removeMaterial: (id: string): Promise<Workspace | undefined> => call('materials:remove', { id }),
  /**
   * The unedited upright original (for a PDF, page `pdfPage`) and its full size, for the crop
   * editor. The editor shows a failure (a blank page, a page beyond the PDF) where the picture
   * would be, so the caller receives the Result.
   */
  source: (id: string, longSide: number, pdfPage?: number): Promise<Result<MaterialSourceImage>> =>
    request('materials:source', pdfPage === undefined ? { id, longSide } : { id, longSide, pdfPage }),
  thumbnail: async (id: string): Promise<string | undefined> => {
    const result = await request('materials:thumbnail', { id })
    return result.ok ? result.value : undefined
  },
  pickImages: async (multiple = false): Promise<string[]> =>
    (await call('dialog:pickImages', { multiple })) ?? [],
  pickExportTarget: (
    format: ExportFormat,
    suggestedName: string,
    purpose: 'packet' | 'batch' = 'packet',
  ): Promise<string | null | undefined> =>
    call('dialog:pickExportTarget', { format, suggestedName, purpose }),
  /** Export refusals list what is missing; the caller renders them, so it gets the Result. */
  exportPacket: (siteId: string, format: ExportFormat, target: string): Promise<Result<ExportSummary>> =>
    request('packet:export', { siteId, format, target }),
  getSettings: (): Promise<Settings | undefined> => call('settings:get'),
  setSettings: (patch: RequestOf<'settings:set'>): Promise<Settings | undefined> =>
    call('settings:set', patch),
  openExternal: (url: string): Promise<boolean | undefined> => call('external:open', { url }),
  /** Shows the packet just exported in the file manager; main refuses any other path (false). */
  showItemInFolder: async (path: string): Promise<boolean> => {
    const result = await request('system:showItemInFolder', { path })
    return result.ok && result.value
  },
  /** Puts text on the clipboard through main; false when main has no clipboard. */
  copyText: async (text: string): Promise<boolean> => {
    const result = await request('system:copyText', { text })
    return result.ok && result.value
  },
  /** Local paths of dropped files; empty when the bridge cannot resolve them. */
  pathsForFiles: async (files: readonly File[]): Promise<string[]> => {
    const bridge = window.beian
    if (!bridge || files.length === 0) return []
    try {
      return await bridge.pathsForFiles(files)
    } catch (cause) {
      showError(failure(cause))
      return []
    }
  },
}
