/**
 * Checking a stored state and saving what can be saved from a damaged one: a record that
 * fails the schema (one subject, site, material or filing event) is taken out alone and
 * kept for the user, so the rest of the workspace opens as it was.
 */
import { EMPTY_STATE, STORE_VERSION, storedStateSchema, type StoredState } from './store-options'

type Raw = Record<string, unknown>

export type QuarantinedRecord = {
  /** 'subject' | 'site' | 'material' | 'filing-event' | 'settings' | the collection name */
  kind: string
  id: string | null
  /** A name the user recognises (subject or site name, material slot and file name). */
  label: string | null
  problems: string[]
  record: unknown
}

export type SalvageResult = { raw: Raw; quarantined: QuarantinedRecord[] }

const KIND_OF: Record<string, string> = {
  subjects: 'subject',
  sites: 'site',
  materials: 'material',
  filingEvents: 'filing-event',
  retentionRemovals: 'retention-removal',
}

export const KIND_LABEL_ZH: Record<string, string> = {
  subject: '主体',
  site: '网站',
  material: '材料',
  'filing-event': '备案记录',
  'retention-removal': '保留期限删除记录',
  settings: '设置',
}

export function isPlainObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The state as the app reads it: missing top-level keys take their defaults. */
export function validateState(raw: unknown) {
  const input = isPlainObject(raw) ? { ...EMPTY_STATE, ...raw } : raw
  return storedStateSchema.safeParse(input)
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function labelOf(kind: string, record: unknown): string | null {
  if (!isPlainObject(record)) return null
  if (kind === 'material') {
    const parts = [record.slot, record.sourceName].filter((v) => typeof v === 'string')
    return parts.length > 0 ? parts.join(' ') : null
  }
  return typeof record.name === 'string' ? record.name : null
}

function quarantine(kind: string, record: unknown, problems: string[]): QuarantinedRecord {
  const id = isPlainObject(record) && typeof record.id === 'string' ? record.id : null
  return { kind, id, label: labelOf(kind, record), problems, record }
}

type Issue = { path: PropertyKey[]; message: string }

function describe(issue: Issue, from: number): string {
  const where = issue.path.slice(from).map(String).join('.')
  return where ? `${where}: ${issue.message}` : issue.message
}

/**
 * Takes damaged records out until the rest validates. Null when the damage is not in single
 * records (not an object, no workspace object): then only a backup generation can help.
 */
export function salvageState(input: unknown): SalvageResult | null {
  if (!isPlainObject(input)) return null
  const raw = structuredClone(input)
  const quarantined: QuarantinedRecord[] = []
  for (let round = 0; round < 100; round++) {
    const result = validateState(raw)
    if (result.success) return { raw, quarantined }
    const workspace = raw.workspace
    if (workspace !== undefined && !isPlainObject(workspace)) return null
    const bad = new Map<string, Map<number, string[]>>()
    let progressed = false
    for (const issue of result.error.issues as Issue[]) {
      const [top, collection, index] = issue.path
      if (top === 'version') {
        raw.version = STORE_VERSION
        progressed = true
      } else if (top === 'settings') {
        if (raw.settings !== EMPTY_STATE.settings) {
          quarantined.push(quarantine('settings', raw.settings, [describe(issue, 1)]))
          raw.settings = EMPTY_STATE.settings
        }
        progressed = true
      } else if (top === 'workspace' && isPlainObject(workspace) && typeof collection === 'string') {
        if (typeof index === 'number') {
          const byIndex = bad.get(collection) ?? new Map<number, string[]>()
          byIndex.set(index, [...(byIndex.get(index) ?? []), describe(issue, 3)])
          bad.set(collection, byIndex)
        } else {
          // The collection itself is not a list: keep it aside whole and start it empty.
          quarantined.push(
            quarantine(KIND_OF[collection] ?? collection, workspace[collection], [describe(issue, 2)]),
          )
          workspace[collection] = []
        }
        progressed = true
      } else {
        return null
      }
    }
    for (const [collection, byIndex] of bad) {
      const list = isPlainObject(workspace) ? workspace[collection] : undefined
      if (!Array.isArray(list)) continue
      const kind = KIND_OF[collection] ?? collection
      for (const [index, problems] of byIndex) quarantined.push(quarantine(kind, list[index], problems))
      ;(workspace as Raw)[collection] = list.filter((_, i) => !byIndex.has(i))
    }
    if (!progressed) return null
  }
  return null
}

export function stateOf(raw: unknown): StoredState | null {
  const result = validateState(raw)
  return result.success ? result.data : null
}

/** How many records a state holds, for listings and messages. */
export function countsOf(raw: unknown): { subjects: number; sites: number; materials: number } {
  const ws = isPlainObject(raw) && isPlainObject(raw.workspace) ? raw.workspace : {}
  const n = (v: unknown) => (Array.isArray(v) ? v.length : 0)
  return { subjects: n(ws.subjects), sites: n(ws.sites), materials: n(ws.materials) }
}
