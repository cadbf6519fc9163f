/**
 * The IPC contract between the renderer and main: the only place channels are defined.
 * Main implements `Api` (electron/main/ipc), the preload exposes `BeianBridge`, and the
 * loopback test bridge implements the same `BeianBridge` over HTTP.
 */
import type { z } from 'zod'
import type { requestSchemas } from './api-schemas'
import type { ArchiveOperation, ArchiveStep } from './archive-progress'
import type { ColumnMapping, ImportPlan } from './client-import'
import type { YearSchedule } from './filing/calendar'
import type { FilingEvent } from './filing/events'
import type { RetentionDue } from './filing/retention'
import type { Material, Site, Subject, Workspace } from './model'
import type { DocumentKind, FieldName, FieldRead, OcrIssue } from './ocr/types'
import type { PerspectiveTarget, Quad } from './ocr/perspective'

/** Every handler answers a result object; nothing throws across IPC. */
export type AppError = {
  /** Stable machine code, e.g. `image/too-many-pixels`. */
  code: string
  /** Chinese message saying what is wrong and how to fix it. */
  message: string
  /** Extra lines, e.g. the list of missing materials. */
  details?: string[]
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export type Settings = {
  language: 'zh-CN' | 'en'
  lastExportDir: string
  /** Holiday dates the user added for years the bundled calendar does not cover (filing desk). */
  holidayYears?: YearSchedule[]
  /** Daily desktop notification of what is due or overdue; absent = on. */
  dueNotifications?: boolean
  /** Lock a passphrase-protected workspace after this many idle minutes; absent or 0 = never. */
  autoLockMinutes?: number
  /** 保留期限: days after the badge when ID photos are offered for deletion; absent or 0 = off. */
  retentionDays?: number
}

/** What a confirmed retention deletion removed. */
export type RetentionApplied = { removed: number; workspace: Workspace }

export type ExportFormat = 'folder' | 'zip'

/** A division (行政区划) node for the cascading address picker. */
export type DivisionNode = { code: string; name: string; hasChildren: boolean }

/**
 * The unedited upright original (of one PDF page) for the crop editor: a picture of at most the
 * requested long side, and the full size in pixels, which is what a crop is measured in.
 */
export type MaterialSourceImage = {
  url: string
  width: number
  height: number
  /** Pages of a PDF source (so materials stored before page counts still get the page choice). */
  pages?: number
}
/** The fields OCR read from a stored material (ID face or 单位 certificate), with their confidence. */
export type MaterialOcr = {
  materialId: string
  kind: DocumentKind
  fields: Partial<Record<FieldName, FieldRead>>
  issues: OcrIssue[]
  /** The picture was read turned (upside down or on its side). */
  rotated: boolean
  /** The clockwise turn (degrees) the fields were read at: the rotation the picture needs. */
  turn?: 0 | 90 | 180 | 270
}
/**
 * A proposed 透视校正: the document's corners in pixels of the upright original (`width` ×
 * `height`, the material's source size), or null when none was found for sure.
 */
export type DeskewProposal = {
  materialId: string
  quad: Quad | null
  target: PerspectiveTarget
  width: number
  height: number
}
/** Before/after at 100 %: the same region of the original and of the compressed copy. */
export type MaterialPreview = {
  before: string
  after: string
  original: { width: number; height: number; bytes: number; format: string }
  compressed: { width: number; height: number; bytes: number; quality: number }
}

export type BatchItemResult =
  | {
      input: string
      output: string
      bytes: number
      width: number
      height: number
      quality: number
      warnings: string[]
      /** What was used from the input: `first-frame-only` (animated GIF/WebP), `first-page-only` (multi-page TIFF). */
      notes?: ImageNoteCode[]
    }
  | { input: string; error: { code: string; message: string } }
/** What was used from a multi-frame or multi-page input (the CLI and the batch rows say so). */
export type ImageNoteCode = 'first-frame-only' | 'first-page-only'
export type BatchSummary = { batchId: string; cancelled: boolean; results: BatchItemResult[] }
/** Most files one `batch:compress` call takes (the request schema's limit). */
export const BATCH_MAX_FILES = 500
/** The error code of a file skipped or stopped because the user cancelled the batch. */
export const BATCH_CANCELLED_CODE = 'image/cancelled'

export type ExportedFile = {
  slot: string
  file: string
  bytes: number
  width: number
  height: number
  sha256: string
}
export type ExportSummary = { target: string; format: ExportFormat; files: ExportedFile[] }

/** Longest text system:copyText puts on the clipboard (a field value, a badge snippet). */
export const COPY_TEXT_MAX_CHARS = 20_000
/** Most sites one packet:exportMany takes (an agency's whole book). */
export const PACKET_BATCH_MAX_SITES = 2000
/** The code of a site a cancelled packet batch did not write. */
export const PACKET_CANCELLED_CODE = 'packet/cancelled'
/** One site of a packet batch: written (`target`, `draft` when forced), or refused/failed/cancelled and why. */
export type PacketBatchItem =
  | { siteId: string; siteName: string; ok: true; target: string; draft: boolean }
  | { siteId: string; siteName: string; ok: false; error: AppError }
export type PacketBatchSummary = {
  batchId: string
  outDir: string
  format: ExportFormat
  cancelled: boolean
  /** In the order asked. */
  results: PacketBatchItem[]
}

/** What recording or undoing a filing event answers: that event, warnings, and the workspace's whole event list. */
export type FilingChange = { event: FilingEvent; warnings: string[]; filingEvents: FilingEvent[] }

/** A client list read for import (client import wizard): header, a few rows, the suggested mapping. */
export type ClientImportFile = {
  token: string
  fileName: string
  encoding: string
  headers: string[]
  sample: string[][]
  rowCount: number
  mapping: ColumnMapping
}
/** Every row of the import as it would be stored, with its findings, and the existing subjects it matches. */
export type ClientImportPreview = Pick<ImportPlan, 'rows' | 'matches' | 'counts' | 'blockingRows'>
export type ClientImportSummary = ImportPlan['counts']
export type TableFormat = 'csv' | 'xlsx'

/**
 * Encryption at rest (settings → 数据加密): whether the workspace's files are encrypted and how
 * its data key is protected (the OS keychain, or a passphrase the user types at start).
 */
export type EncryptionStatus = {
  encrypted: boolean
  unlocked: boolean
  protection: 'keychain' | 'passphrase' | null
  /** The OS keychain really protects a key here (false on Linux basic_text and the test bridge). */
  keychainAvailable: boolean
  keychainBackend: string | null
  /** A recovery key waits to be shown once. */
  recoveryPending: boolean
  /** Every material file has been re-written encrypted. */
  materialsEncrypted: boolean
  /** Every store file (the data file, its shards and backups) has been re-written encrypted (absent: older main). */
  storeEncrypted?: boolean
}

/** What `archive:export` wrote (工作区迁移包, see electron/main/services/archive). */
export type ArchiveExportSummary = { path: string; files: number; bytes: number; encrypted: boolean }

/**
 * What `archive:import` staged: applied when the app starts again (it restarts by itself when
 * it can). `unlockWith` says how the imported workspace opens from then on.
 */
export type ArchiveImportSummary = {
  files: number
  bytes: number
  encrypted: boolean
  unlockWith: 'none' | 'keychain' | 'passphrase' | 'archive-passphrase'
  restart: 'automatic' | 'manual'
}

/** Request payloads are defined by the zod schemas in core/api-schemas.ts (kept out of the preload bundle). */

type Req<C extends keyof typeof requestSchemas> = z.infer<(typeof requestSchemas)[C]>

/** Handler map: channel → (request) → response. A missing handler in main is a compile error. */
export type Api = {
  'workspace:load': () => Workspace
  'subjects:save': (req: Req<'subjects:save'>) => Subject
  'subjects:delete': (req: Req<'subjects:delete'>) => Workspace
  'sites:save': (req: Req<'sites:save'>) => Site
  'sites:delete': (req: Req<'sites:delete'>) => Workspace
  'materials:import': (req: Req<'materials:import'>) => Material
  'materials:remove': (req: Req<'materials:remove'>) => Workspace
  /** A small JPEG data URL for the slot preview. */
  'materials:thumbnail': (req: Req<'materials:thumbnail'>) => string
  /** Re-compresses from the stored original with rotation, crop, cap and watermark. */
  'materials:edit': (req: Req<'materials:edit'>) => Material
  'materials:preview': (req: Req<'materials:preview'>) => MaterialPreview
  /** The unedited original, upright, as a JPEG data URL (the crop editor draws on it). */
  'materials:source': (req: Req<'materials:source'>) => MaterialSourceImage
  /** Compresses many files into a folder, a few at a time (imageBatchConcurrency), with progress events. */
  'batch:compress': (req: Req<'batch:compress'>) => BatchSummary
  'batch:cancel': (req: Req<'batch:cancel'>) => boolean
  /** Provinces for null, then the children of a division code (villages load lazily). */
  'divisions:children': (req: Req<'divisions:children'>) => DivisionNode[]
  /** Paths the user picked; empty when cancelled. */
  'dialog:pickImages': (req: Req<'dialog:pickImages'>) => string[]
  /** A folder (format folder) or .zip path; null when cancelled. */
  'dialog:pickExportTarget': (req: Req<'dialog:pickExportTarget'>) => string | null
  'packet:export': (req: Req<'packet:export'>) => ExportSummary
  /** Exports many sites into one folder (a folder or a zip per site), two at a time, with packet:progress events. */
  'packet:exportMany': (req: Req<'packet:exportMany'>) => PacketBatchSummary
  /** Stops a packet batch: packets being written are discarded, the rest are not started. */
  'packet:cancelMany': (req: Req<'packet:cancelMany'>) => boolean
  'settings:get': () => Settings
  'settings:set': (req: Req<'settings:set'>) => Settings
  /** The ID photos whose retention period is over (nothing is deleted). */
  'retention:due': () => RetentionDue[]
  /** Deletes the confirmed photos that are still due (others in the list are ignored). */
  'retention:apply': (req: Req<'retention:apply'>) => RetentionApplied
  /** Opens an allow-listed https URL (the portal) in the user's browser. */
  'external:open': (req: Req<'external:open'>) => boolean
  /** Records a dated event of a subject's or a site's filing; main re-checks the stage machine. */
  'filing:record': (req: Req<'filing:record'>) => FilingChange
  /** Removes the owner's last event (a wrong entry). */
  'filing:undo': (req: Req<'filing:undo'>) => FilingChange
  /** Shows the last exported packet (folder or zip) in the file manager; false when refused or not possible. */
  'system:showItemInFolder': (req: Req<'system:showItemInFolder'>) => boolean
  /** Puts text on the system clipboard through main (the renderer's clipboard may be denied); false when not possible. */
  'system:copyText': (req: Req<'system:copyText'>) => boolean
  /** Opens main's dialog for a CSV/XLSX client list and reads it; null when cancelled. */
  'clientImport:open': () => ClientImportFile | null
  'clientImport:preview': (req: Req<'clientImport:preview'>) => ClientImportPreview
  /** Stores the whole import in one write, or nothing (rows to fix, a failed write). */
  'clientImport:commit': (req: Req<'clientImport:commit'>) => ClientImportSummary
  /** Saves the import template where the user chooses; the path, or null when cancelled. */
  'clientImport:template': (req: Req<'clientImport:template'>) => string | null
  /** Saves the given dashboard rows (the filtered ones, in order) as CSV/XLSX; the path, or null when cancelled. */
  'dashboard:export': (req: Req<'dashboard:export'>) => string | null
  /**
   * Preload only (its `invoke` refuses this channel): registers the paths of files dropped onto
   * the window so main may read them; answers the same paths. See DROPPED_FILES_CHANNEL.
   */
  'paths:registerDropped': (req: Req<'paths:registerDropped'>) => string[]
  /** Reads a stored ID face or 单位 certificate offline (OCR worker); numbers only with a valid check digit. */
  'ocr:read': (req: Req<'ocr:read'>) => MaterialOcr
  /** Looks for the photographed document's four corners in a stored material (not applied: see materials:edit). */
  'ocr:deskew': (req: Req<'ocr:deskew'>) => DeskewProposal
  'encryption:status': () => EncryptionStatus
  /** Unlocks with the passphrase or the recovery key (either is accepted). */
  'encryption:unlock': (req: Req<'encryption:unlock'>) => EncryptionStatus
  /** Locks a passphrase-protected workspace now (auto-lock after idle, 立即锁定); others stay as they are. */
  'encryption:lock': () => EncryptionStatus
  /** Sets or changes the passphrase, which then protects the key instead of the keychain. */
  'encryption:setPassphrase': (req: Req<'encryption:setPassphrase'>) => EncryptionStatus
  /** The pending recovery key, once (null when none waits); with renew, a new one (the old stops working). */
  'encryption:recoveryCode': (req: Req<'encryption:recoveryCode'>) => string | null
  /** Exports the whole workspace as one encrypted archive to where main's save dialog says; null when cancelled. */
  'archive:export': (req: Req<'archive:export'>) => ArchiveExportSummary | null
  /** Imports an archive picked in main's open dialog into this (empty) workspace; null when cancelled. */
  'archive:import': (req: Req<'archive:import'>) => ArchiveImportSummary | null
}
export type Channel = keyof Api
export type RequestOf<C extends Channel> = Parameters<Api[C]> extends [infer R] ? R : undefined
export type ResponseOf<C extends Channel> = ReturnType<Api[C]>

/** Runtime allow-list; typed so it cannot drift from `Api`. */
export const API_CHANNELS: Record<Channel, true> = {
  'workspace:load': true,
  'subjects:save': true,
  'subjects:delete': true,
  'sites:save': true,
  'sites:delete': true,
  'materials:import': true,
  'materials:remove': true,
  'materials:thumbnail': true,
  'materials:edit': true,
  'materials:preview': true,
  'materials:source': true,
  'batch:compress': true,
  'batch:cancel': true,
  'divisions:children': true,
  'dialog:pickImages': true,
  'dialog:pickExportTarget': true,
  'packet:export': true,
  'packet:exportMany': true,
  'packet:cancelMany': true,
  'settings:get': true,
  'settings:set': true,
  'retention:due': true,
  'retention:apply': true,
  'external:open': true,
  'filing:record': true,
  'filing:undo': true,
  'system:showItemInFolder': true,
  'system:copyText': true,
  'clientImport:open': true,
  'clientImport:preview': true,
  'clientImport:commit': true,
  'clientImport:template': true,
  'dashboard:export': true,
  'paths:registerDropped': true,
  'ocr:read': true,
  'ocr:deskew': true,
  'encryption:status': true,
  'encryption:unlock': true,
  'encryption:lock': true,
  'encryption:setPassphrase': true,
  'encryption:recoveryCode': true,
  'archive:export': true,
  'archive:import': true,
}
export const CHANNELS = Object.keys(API_CHANNELS) as Channel[]
/**
 * The channel only the preload's `pathsForFiles` uses: a page cannot name a path for main to
 * read, it can only drop real files. The preload's `invoke` and the test bridge refuse it.
 */
export const DROPPED_FILES_CHANNEL = 'paths:registerDropped' satisfies Channel

/** Events main pushes to the renderer. */
export type Events = {
  'materials:progress': {
    slot: string
    ownerId: string
    stage: 'reading' | 'compressing' | 'saving' | 'done'
  }
  /**
   * One file of a batch has begun (at most imageBatchConcurrency() at a time). Files skipped after a
   * cancel never start; each started file is followed by exactly one `batch:progress`.
   */
  'batch:started': { batchId: string; index: number; total: number; input: string }
  /** One file of a batch has finished, well or not; `code` says why not (`image/cancelled`…). */
  'batch:progress': {
    batchId: string
    index: number
    done: number
    total: number
    input: string
    ok: boolean
    code?: string
    message?: string
  }
  /** How far a workspace archive export or import is (sent while it runs, throttled; see core/archive-progress.ts). */
  'archive:progress': ArchiveStep & { progressId: string; operation: ArchiveOperation }
  /** One site of a packet batch has finished: written, refused, failed or cancelled. */
  'packet:progress': {
    batchId: string
    index: number
    done: number
    total: number
    siteId: string
    siteName: string
    ok: boolean
    code?: string
    message?: string
  }
}
export type EventName = keyof Events
export const EVENT_CHANNELS: Record<EventName, true> = {
  'materials:progress': true,
  'batch:started': true,
  'batch:progress': true,
  'packet:progress': true,
  'archive:progress': true,
}
export const EVENTS = Object.keys(EVENT_CHANNELS) as EventName[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(API_CHANNELS, name)
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(EVENT_CHANNELS, name)
}

/**
 * What the preload puts on `window.beian` (and the test bridge imitates).
 * `F` is the DOM File type, kept generic because core has no DOM.
 */
export type BeianBridge<F = unknown> = {
  invoke<C extends Channel>(
    channel: C,
    ...args: RequestOf<C> extends undefined ? [] : [RequestOf<C>]
  ): Promise<Result<ResponseOf<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /** Local paths of files dropped onto the window (Electron: webUtils.getPathForFile). */
  pathsForFiles(files: readonly F[]): Promise<string[]>
}
