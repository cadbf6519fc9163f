import { describe, expect, it } from 'vitest'
import { archivePercent, throttleSteps, type ArchiveStep } from '../../core/archive-progress'

describe('archivePercent', () => {
  it.each([
    ['export', { phase: 'key', done: 0, total: 100 }, 0],
    ['export', { phase: 'writing', done: 0, total: 100 }, 0],
    ['export', { phase: 'writing', done: 37, total: 100 }, 37],
    ['export', { phase: 'writing', done: 100, total: 100 }, 100],
    ['export', { phase: 'writing', done: 0, total: 0 }, 100],
    ['import', { phase: 'key', done: 0, total: 0 }, 0],
    ['import', { phase: 'checking', done: 50, total: 100 }, 25],
    ['import', { phase: 'checking', done: 100, total: 100 }, 50],
    ['import', { phase: 'writing', done: 0, total: 100 }, 50],
    ['import', { phase: 'writing', done: 99, total: 100 }, 99],
    ['import', { phase: 'writing', done: 100, total: 100 }, 100],
    ['import', { phase: 'writing', done: 150, total: 100 }, 100],
  ] as const)('%s %j → %d %%', (operation, step, percent) => {
    expect(archivePercent(operation, step)).toBe(percent)
  })
})

describe('throttleSteps', () => {
  it('passes each phase’s first and last step, and otherwise one per interval', () => {
    let t = 0
    const seen: ArchiveStep[] = []
    const report = throttleSteps(
      (s) => seen.push(s),
      100,
      () => t,
    )
    const step = (phase: ArchiveStep['phase'], done: number, at: number) => {
      t = at
      report({ phase, done, total: 10 })
    }
    step('key', 0, 0)
    step('checking', 0, 10) // a new phase passes at once
    step('checking', 1, 50) // too soon
    step('checking', 2, 110) // an interval later
    step('checking', 3, 150) // too soon
    step('checking', 10, 160) // the phase's last step always passes
    step('writing', 0, 170)
    step('writing', 10, 171)
    expect(seen.map((s) => `${s.phase}:${String(s.done)}`)).toEqual([
      'key:0',
      'checking:0',
      'checking:2',
      'checking:10',
      'writing:0',
      'writing:10',
    ])
  })
})
