import { describe, expect, it } from 'vitest'
import {
  cpuSnapshot,
  hasSpareCore,
  MIN_WINDOW_MS,
  othersBusyCores,
  type CpuReaders,
} from '../../../../electron/main/services/images/spare-core'

/** A 2-core machine whose clocks the test moves by hand. */
function machine(cores = 2, load1 = 0) {
  const state = { now: 1000, system: 50_000, own: 3_000 }
  const readers: CpuReaders = {
    systemBusyMs: () => state.system,
    ownMs: () => state.own,
    nowMs: () => state.now,
    cores,
    load1: () => load1,
  }
  /** `ms` of wall time pass; this process uses `own` cores and the rest of the machine `others`. */
  const run = (ms: number, own: number, others: number): void => {
    state.now += ms
    state.own += ms * own
    state.system += ms * (own + others)
  }
  return { readers, run }
}

describe('spare core for a speculative final', () => {
  it('counts the CPU other processes used, not this one', () => {
    const m = machine()
    const from = cpuSnapshot(m.readers)
    m.run(400, 1.8, 0.3)
    expect(othersBusyCores(from, cpuSnapshot(m.readers))).toBeCloseTo(0.3, 6)
  })

  it('finds the idle core while this process alone kept both busy decoding', () => {
    // The load average this replaced stays above cores − 1 here (our own work counts in it).
    const m = machine(2, 1.4)
    const from = cpuSnapshot(m.readers)
    m.run(300, 1.9, 0)
    expect(hasSpareCore(from, 1, m.readers)).toBe(true)
  })

  it('leaves the core to other work that keeps more than half a core busy', () => {
    const m = machine()
    const from = cpuSnapshot(m.readers)
    m.run(300, 1, 0.9)
    expect(hasSpareCore(from, 1, m.readers)).toBe(false)
    const m2 = machine()
    const from2 = cpuSnapshot(m2.readers)
    m2.run(300, 1, 0.4)
    expect(hasSpareCore(from2, 1, m2.readers)).toBe(true)
  })

  it('never with another picture in flight or on one core', () => {
    const m = machine()
    const from = cpuSnapshot(m.readers)
    m.run(300, 1, 0)
    expect(hasSpareCore(from, 2, m.readers)).toBe(false)
    const one = machine(1)
    const from1 = cpuSnapshot(one.readers)
    one.run(300, 1, 0)
    expect(hasSpareCore(from1, 1, one.readers)).toBe(false)
  })

  it('falls back to the load average over a window too short to measure', () => {
    for (const [load, spare] of [
      [0.4, true],
      [1.6, false],
    ] as const) {
      const m = machine(2, load)
      const from = cpuSnapshot(m.readers)
      m.run(MIN_WINDOW_MS - 1, 1, 0)
      expect(othersBusyCores(from, cpuSnapshot(m.readers))).toBeNull()
      expect(hasSpareCore(from, 1, m.readers)).toBe(spare)
    }
  })
})
