/**
 * The one options object for the app's JSON store. Main passes it to electron-store; tests
 * pass the very same object to `conf` (electron-store 11 ↔ conf 15), so the schema,
 * defaults and safety flags under test are the ones users run.
 */
import { z } from 'zod'
import { yearScheduleSchema } from '../../../core/filing/event-schema'
import { retentionDaysSchema } from '../../../core/filing/retention'
import { autoLockMinutesSchema } from '../../../core/limits'
import { workspaceSchema } from '../../../core/schemas'

export const STORE_VERSION = 1

export const settingsSchema = z.object({
  language: z.enum(['zh-CN', 'en']),
  lastExportDir: z.string().max(4096),
  // Optional: stores from before the filing desk have none.
  holidayYears: z.array(yearScheduleSchema).max(20).optional(),
  dueNotifications: z.boolean().optional(),
  autoLockMinutes: autoLockMinutesSchema.optional(),
  retentionDays: retentionDaysSchema.optional(),
})

export const storedStateSchema = z.object({
  version: z.number().int(),
  workspace: workspaceSchema,
  settings: settingsSchema,
})
export type StoredState = z.infer<typeof storedStateSchema>

export const EMPTY_STATE: StoredState = {
  version: STORE_VERSION,
  workspace: { subjects: [], sites: [], materials: [] },
  settings: { language: 'zh-CN', lastExportDir: '' },
}

const jsonSchema = z.toJSONSchema(storedStateSchema, { target: 'draft-2020-12' }) as {
  properties: Record<string, object>
}

export const storeOptions = {
  name: 'config',
  projectName: 'beian-desk',
  // conf validates every read with Ajv 2020; zod emits draft 2020-12.
  schema: jsonSchema.properties,
  defaults: EMPTY_STATE,
  // Never silently empty a damaged file: openStore quarantines it and restores the backup.
  clearInvalidConfig: false,
  // Holds ID numbers and phone numbers: owner-only.
  configFileMode: 0o600,
  accessPropertiesByDotNotation: false,
} as const
