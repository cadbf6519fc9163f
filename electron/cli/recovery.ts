/**
 * Recovery is never silent. When opening the store found damage and recovered (records set
 * aside, a backup generation restored, or an empty start), every command prints what happened
 * to stderr and stops with exit code 3, unless the user said `--accept-recovered`: then it
 * prints the same and goes on.
 */
import type { StoreRecovery } from '../main/services/store-recovery'
import type { CliContext } from './io'

/** What `--accept-recovered` adds to a command's context (taken out of argv by index.ts). */
export type RecoveryContext = CliContext & { acceptRecovered?: boolean }

export const ACCEPT_RECOVERED = '--accept-recovered'
export const RECOVERY_EXIT_CODE = 3

/** Thrown after the recovery was printed: the command did nothing. */
export class RecoveryRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RecoveryRefused'
  }
}

/** Takes `--accept-recovered` out of argv (before any `--`, after which everything is a file name). */
export function takeAcceptRecovered(argv: readonly string[]): { accept: boolean; argv: string[] } {
  const end = argv.indexOf('--')
  const head = end < 0 ? [...argv] : argv.slice(0, end)
  const tail = end < 0 ? [] : argv.slice(end)
  const kept = head.filter((a) => a !== ACCEPT_RECOVERED)
  return { accept: kept.length !== head.length, argv: [...kept, ...tail] }
}

/** Prints a recovery (if any); throws RecoveryRefused unless the user accepted recovered data. */
export function checkRecovery(recovery: StoreRecovery | null, ctx: RecoveryContext): void {
  if (!recovery) return
  const { io, m } = ctx
  io.err(`${m.recovery.found(recovery.outcome)}\n${recovery.summary}\n`)
  if (!ctx.acceptRecovered) throw new RecoveryRefused(m.recovery.refused(recovery.repairedOnDisk))
  io.err(`${m.recovery.accepted}\n`)
}
