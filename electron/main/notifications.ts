/**
 * The daily desktop notification of what is due or overdue across all clients (filing desk).
 * Checked soon after start and then every hour; shown at most once per local day, only when
 * something is due, and never when the user turned it off in the settings.
 */
import { Notification } from 'electron'
import type { Settings } from '../../core/api'
import { buildRows, todayList, type TodayItem } from '../../core/filing/dashboard'
import { daysLeftText } from '../../core/filing/deadlines'
import type { Workspace } from '../../core/model'
import { localToday } from '../../core/packet/readiness'
import type { Handlers } from './ipc/types'
import { workCalendarOf } from './services/dashboard-export'

type MaybePromise<T> = T | Promise<T>
export type DueSource = { workspace(): MaybePromise<Workspace>; settings(): MaybePromise<Settings> }
export type DueTimers = {
  setTimeout(fn: () => void, ms: number): unknown
  setInterval(fn: () => void, ms: number): unknown
}

export const FIRST_CHECK_MS = 15_000
export const CHECK_EVERY_MS = 60 * 60 * 1000
/** Lines listed in the notification's body before "…等 N 项". */
const MAX_LINES = 4

/** The notification's title and body, or null when nothing is due. Pure. */
export function dueNotice(items: readonly TodayItem[]): { title: string; body: string } | null {
  if (items.length === 0) return null
  const overdue = items.filter((i) => i.deadline.daysLeft < 0).length
  const title =
    overdue > 0
      ? `备案提醒：${overdue} 项已逾期，共 ${items.length} 项待办`
      : `备案提醒：今天有 ${items.length} 项到期`
  const lines = items
    .slice(0, MAX_LINES)
    .map(
      (i) =>
        `${i.row.client} · ${i.row.site || i.row.domain}：${i.deadline.label}，${daysLeftText(i.deadline)}`,
    )
  if (items.length > MAX_LINES) lines.push(`…等 ${items.length} 项，请打开“备案进度”查看。`)
  return { title, body: lines.join('\n') }
}

/**
 * Starts the daily check. `onClick` brings the window forward (the renderer opens on the
 * dashboard). Returns the check itself so tests can run it.
 */
export function startDueNotifications(
  source: DueSource,
  onClick: () => void = () => undefined,
  clock: () => Date = () => new Date(),
  timers: DueTimers = globalThis,
): () => Promise<boolean> {
  let lastShown = ''
  const check = async (): Promise<boolean> => {
    const settings = await source.settings()
    if (settings.dueNotifications === false || !Notification.isSupported()) return false
    const now = clock()
    const today = localToday(now)
    if (lastShown === today) return false
    const rows = buildRows(await source.workspace(), today, workCalendarOf(settings), null)
    const notice = dueNotice(todayList(rows))
    if (!notice) return false
    lastShown = today
    const note = new Notification({ title: notice.title, body: notice.body })
    note.on('click', onClick)
    note.show()
    return true
  }
  const safeCheck = () =>
    void check().catch((error: unknown) => console.error('[main] due notification failed', error))
  timers.setTimeout(safeCheck, FIRST_CHECK_MS)
  timers.setInterval(safeCheck, CHECK_EVERY_MS)
  return check
}

const NO_EVENTS = { emit: () => undefined }

/** The same, reading the workspace and settings through main's handlers (index.ts has those). */
export function startDueNotificationsFor(handlers: Handlers, onClick: () => void): () => Promise<boolean> {
  return startDueNotifications(
    {
      workspace: () => handlers['workspace:load'](undefined, NO_EVENTS),
      settings: () => handlers['settings:get'](undefined, NO_EVENTS),
    },
    onClick,
  )
}
