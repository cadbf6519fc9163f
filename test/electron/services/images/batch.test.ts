import { describe, expect, it } from 'vitest'
import { BATCH_CONCURRENCY, runLimited } from '../../../../electron/main/services/images/batch'

describe('runLimited', () => {
  it('never has more than the limit in flight and keeps results in input order', async () => {
    let inFlight = 0
    let peak = 0
    const delays = [30, 5, 20, 1, 15, 8, 2]
    const out = await runLimited(delays, BATCH_CONCURRENCY, async (ms, i) => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await new Promise((r) => setTimeout(r, ms))
      inFlight--
      return i * 10
    })
    expect(BATCH_CONCURRENCY).toBe(2)
    expect(peak).toBe(2)
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60])
  })

  it('handles an empty list', async () => {
    expect(await runLimited([], 2, async () => 1)).toEqual([])
  })
})
