/**
 * Whether a picture's search may use a second core for a speculative final encode, judged on
 * what the rest of the machine did while this picture was being decoded and drafted: the CPU
 * time of every core (os.cpus) minus this process's own (process.cpuUsage, all its threads).
 *
 * Why not the load average (what this replaced): it counts this process too and trails by a
 * minute. Compressing pictures one after another on an idle 2-core machine kept it at 1–1.5,
 * so the rule "load < cores − 1" never found the core that was in fact idle (issue 13).
 */
import { availableParallelism, cpus, loadavg } from 'node:os'

export type CpuSnapshot = { wallMs: number; systemBusyMs: number; ownMs: number }

export type CpuReaders = {
  /** Busy CPU time of all cores together, in ms (os.cpus: user + nice + sys + irq). */
  systemBusyMs: () => number
  /** This process's CPU time, all threads, in ms. */
  ownMs: () => number
  nowMs: () => number
  cores: number
  /** One-minute load average: the fallback for a window too short to measure. */
  load1: () => number
}

export const osReaders: CpuReaders = {
  systemBusyMs: () => cpus().reduce((a, c) => a + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0),
  ownMs: () => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  },
  nowMs: () => performance.now(),
  cores: availableParallelism(),
  load1: () => loadavg()[0] ?? Infinity,
}

/**
 * Shortest window measured: os.cpus counts in clock ticks (10 ms per core), so below this the
 * share is mostly rounding, and the load average decides instead.
 */
export const MIN_WINDOW_MS = 150
/**
 * Other work may keep this much of a core busy and the extra encode is still worth it: it
 * shares a core with that work, slowing the encode waited for a little, against a whole final
 * saved when the speculative step is taken (about every other picture).
 */
export const OTHERS_BUSY_ALLOWED = 0.5

export function cpuSnapshot(r: CpuReaders = osReaders): CpuSnapshot {
  return { wallMs: r.nowMs(), systemBusyMs: r.systemBusyMs(), ownMs: r.ownMs() }
}

/** Cores the rest of the machine kept busy since `from` (null when the window is too short). */
export function othersBusyCores(from: CpuSnapshot, to: CpuSnapshot): number | null {
  const wall = to.wallMs - from.wallMs
  if (!(wall >= MIN_WINDOW_MS)) return null
  const others = to.systemBusyMs - from.systemBusyMs - (to.ownMs - from.ownMs)
  return Math.max(0, others) / wall
}

/**
 * A core is free for one more encode: this is the only picture in flight (a batch keeps the
 * cores busy with other pictures), the machine has a core beyond the search's own, and the rest
 * of the machine left it idle since `from`.
 */
export function hasSpareCore(from: CpuSnapshot, inFlight: number, r: CpuReaders = osReaders): boolean {
  if (inFlight !== 1 || r.cores < 2) return false
  const others = othersBusyCores(from, cpuSnapshot(r))
  if (others === null) return r.load1() < r.cores - 1
  return others <= r.cores - 1 - (1 - OTHERS_BUSY_ALLOWED)
}
