/**
 * Request schemas of the IPC contract (core/api.ts). Kept apart from api.ts so that the
 * preload, which needs only the channel allow-lists, does not pull zod and the model schemas
 * into its sandboxed bundle (a sandboxed preload can `require` only `electron`, and
 * electron-vite leaves `dependencies` such as zod external). Main and the loopback test bridge
 * parse every payload with these.
 */
import { z } from 'zod'
import { filingApprovalSchema, interviewDetailsSchema, yearScheduleSchema } from './filing/event-schema'
import { FILING_EVENT_KINDS } from './filing/events'
import { retentionChoiceSchema } from './filing/retention'
import { BATCH_MAX_FILES, COPY_TEXT_MAX_CHARS, PACKET_BATCH_MAX_SITES } from './api'
import { IMPORT_FIELDS } from './client-import/fields'
import { IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS } from './client-import/table'
import { autoLockMinutesSchema, maxBytesSchema } from './limits'
import { MAX_NAME_BYTES } from './packet/file-names'
import { PDF_MAX_PAGES, SLOT_KEYS } from './model'
import { materialEditSchema, siteSchema, subjectSchema } from './schemas'

const idRef = z.object({ id: z.string().min(1).max(64) })
const columnMapping = z.record(
  z.enum(IMPORT_FIELDS),
  z
    .number()
    .int()
    .min(-1)
    .max(IMPORT_MAX_COLUMNS - 1),
)
const importToken = z.string().min(1).max(64)
/** The archive passphrase, and the id its `archive:progress` events carry (as batchId does). */
const archiveRequest = z.strictObject({
  passphrase: z.string().min(1).max(1024),
  progressId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
})

export const requestSchemas = {
  'workspace:load': z.undefined(),
  'subjects:save': subjectSchema,
  'subjects:delete': idRef,
  'sites:save': siteSchema,
  'sites:delete': idRef,
  'materials:import': z.object({
    ownerKind: z.enum(['subject', 'site']),
    ownerId: z.string().min(1).max(64),
    slot: z.enum(SLOT_KEYS),
    path: z.string().min(1).max(4096),
    maxBytes: maxBytesSchema.optional(),
  }),
  'materials:remove': idRef,
  'materials:thumbnail': idRef,
  'materials:edit': z.object({
    id: z.string().min(1).max(64),
    edit: materialEditSchema,
    maxBytes: maxBytesSchema,
  }),
  'materials:preview': z.object({
    id: z.string().min(1).max(64),
    /** Centre of the 100 % window, as fractions of the image. */
    centerX: z.number().min(0).max(1),
    centerY: z.number().min(0).max(1),
    /** Window size in compressed-image pixels. */
    size: z.number().int().min(64).max(2000),
  }),
  'materials:source': z.object({
    id: z.string().min(1).max(64),
    /** Long side of the returned picture; never enlarged. */
    longSide: z.number().int().min(64).max(4000),
    /** For a PDF: the page to show (default: the page the material's edit uses). */
    pdfPage: z.number().int().min(1).max(PDF_MAX_PAGES).optional(),
  }),
  'batch:compress': z.object({
    batchId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    paths: z.array(z.string().min(1).max(4096)).min(1).max(BATCH_MAX_FILES),
    outDir: z.string().min(1).max(4096),
    maxBytes: maxBytesSchema,
    /** Straighten photographed documents (find the four corners; as is when none are found). */
    deskew: z.boolean().optional(),
  }),
  'batch:cancel': z.object({ batchId: z.string().min(1).max(64) }),
  'divisions:children': z.object({
    code: z
      .string()
      .regex(/^\d{2,12}$/)
      .nullable(),
  }),
  'dialog:pickImages': z.object({ multiple: z.boolean() }),
  'dialog:pickExportTarget': z.object({
    format: z.enum(['folder', 'zip']),
    suggestedName: z.string().min(1).max(MAX_NAME_BYTES),
    /** Decides the dialog's wording: a filing packet, or the output of a batch compression. */
    purpose: z.enum(['packet', 'batch']).optional(),
  }),
  'packet:export': z.object({
    siteId: z.string().min(1).max(64),
    format: z.enum(['folder', 'zip']),
    target: z.string().min(1).max(4096),
    /** Write a 草稿 packet although something is missing (the user said 仍然导出草稿). */
    force: z.boolean().optional(),
  }),
  'packet:exportMany': z.object({
    batchId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    siteIds: z.array(z.string().min(1).max(64)).min(1).max(PACKET_BATCH_MAX_SITES),
    format: z.enum(['folder', 'zip']),
    outDir: z.string().min(1).max(4096),
    force: z.boolean().optional(),
  }),
  'packet:cancelMany': z.object({ batchId: z.string().min(1).max(64) }),
  'settings:get': z.undefined(),
  'settings:set': z.object({
    language: z.enum(['zh-CN', 'en']).optional(),
    lastExportDir: z.string().max(4096).optional(),
    holidayYears: z.array(yearScheduleSchema).max(20).optional(),
    dueNotifications: z.boolean().optional(),
    autoLockMinutes: autoLockMinutesSchema.optional(),
    retentionDays: retentionChoiceSchema.optional(),
  }),
  'retention:due': z.undefined(),
  'retention:apply': z.strictObject({
    materialIds: z.array(z.string().min(1).max(64)).min(1).max(100_000),
  }),
  'external:open': z.object({ url: z.string().min(1).max(2048) }),
  'filing:record': z.object({
    ownerKind: z.enum(['subject', 'site']),
    ownerId: z.string().min(1).max(64),
    kind: z.enum(FILING_EVENT_KINDS),
    date: z.string().max(10),
    note: z.string().max(500).optional(),
    operator: z.string().max(60).optional(),
    interview: interviewDetailsSchema.optional(),
    approval: filingApprovalSchema.optional(),
  }),
  'filing:undo': z.object({ ownerKind: z.enum(['subject', 'site']), ownerId: z.string().min(1).max(64) }),
  'system:showItemInFolder': z.object({ path: z.string().min(1).max(4096) }),
  'system:copyText': z.object({ text: z.string().min(1).max(COPY_TEXT_MAX_CHARS) }),
  'clientImport:open': z.undefined(),
  'clientImport:preview': z.object({ token: importToken, mapping: columnMapping }),
  'clientImport:commit': z.object({
    token: importToken,
    mapping: columnMapping,
    confirmedSubjectIds: z.array(z.string().min(1).max(64)).max(IMPORT_MAX_ROWS),
  }),
  'clientImport:template': z.object({ format: z.enum(['csv', 'xlsx']) }),
  'dashboard:export': z.object({
    format: z.enum(['csv', 'xlsx']),
    siteIds: z.array(z.string().min(1).max(64)).max(20_000),
  }),
  'paths:registerDropped': z.object({
    paths: z.array(z.string().min(1).max(4096)).min(1).max(BATCH_MAX_FILES),
  }),
  'ocr:read': idRef,
  'ocr:deskew': idRef,
  'encryption:status': z.undefined(),
  'encryption:unlock': z.object({ secret: z.string().min(1).max(1024) }),
  'encryption:lock': z.undefined(),
  'encryption:setPassphrase': z.object({ passphrase: z.string().min(1).max(1024) }),
  'encryption:recoveryCode': z.object({ renew: z.boolean() }),
  // No path: main's own dialogs choose the file (paths are capabilities).
  'archive:export': archiveRequest,
  'archive:import': archiveRequest,
} as const
